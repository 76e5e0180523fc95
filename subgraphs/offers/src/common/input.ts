import { BadUserInputError } from '@passerelle/shared/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSEE_COMMUNE = /^(\d{5}|2[AB]\d{3})$/;

/** True when `value` is a UUID: every entity id of the hub is one. */
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * Checks an id argument and returns it in canonical (lower-case) form. Checked before any SQL,
 * so that a malformed id is a clear input error rather than a database cast error.
 */
export function requireUuid(value: string, field: string, what: string): string {
  if (!isUuid(value)) throw new BadUserInputError(`"${field}" must be ${what} id, a UUID (got "${value}").`, field);
  return value.toLowerCase();
}

/** Checks an INSEE commune code argument ("59350" for Lille; Corsica "2A…"/"2B…"). */
export function requireCommuneCode(value: string, field: string): string {
  if (!INSEE_COMMUNE.test(value)) {
    throw new BadUserInputError(`"${field}" must be an INSEE commune code such as "59350" (got "${value}").`, field);
  }
  return value;
}
