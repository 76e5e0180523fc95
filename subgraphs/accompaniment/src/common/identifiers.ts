import { BadUserInputError } from '@passerelle/shared/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSEE_COMMUNE = /^(\d{5}|2[AB]\d{3})$/;

/** Ids are UUIDs: anything else never reaches SQL. */
export const isUuid = (value: string) => UUID.test(value);

/** The id, lower-cased, or a BAD_USER_INPUT naming `field` (e.g. `id`, `filter.operator`). */
export function requireUuid(value: string, field: string, what: string): string {
  if (!isUuid(value)) throw new BadUserInputError(`"${field}" must be ${what} id (a UUID); got "${value}".`, field);
  return value.toLowerCase();
}

/** An INSEE commune code ("59350"), or a BAD_USER_INPUT naming `field`. */
export function requireCommuneCode(value: string, field: string): string {
  if (!INSEE_COMMUNE.test(value)) {
    throw new BadUserInputError(`"${field}" must be an INSEE commune code such as "59350" (got "${value}").`, field);
  }
  return value;
}
