import { BadUserInputError } from '@passerelle/shared/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID, the shape of every entity id: anything else cannot reach SQL as a uuid. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** A UUID argument, lower-cased (ids are stored lower-case); BAD_USER_INPUT naming `field` otherwise. */
export function requireUuid(value: string, field: string, what: string): string {
  if (!isUuid(value)) throw new BadUserInputError(`"${field}" must be ${what} id (a UUID); got "${value}".`, field);
  return value.toLowerCase();
}
