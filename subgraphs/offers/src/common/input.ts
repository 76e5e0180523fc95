import { BadUserInputError } from '@passerelle/shared/errors';
import { isUuid } from '@passerelle/shared/validation';

/**
 * Checks an id argument and returns it in canonical (lower-case) form. Checked before any SQL,
 * so that a malformed id is a clear input error rather than a database cast error. Offers words
 * its message its own way (clients may show it), hence not the shared `requireUuid`.
 */
export function requireUuid(value: string, field: string, what: string): string {
  if (!isUuid(value)) throw new BadUserInputError(`"${field}" must be ${what} id, a UUID (got "${value}").`, field);
  return value.toLowerCase();
}
