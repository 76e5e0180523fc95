import { startOfYear, type CalendarDate } from '../dates';
import { BadUserInputError } from '../errors';

/**
 * Shapes of the identifiers that arguments carry, checked before any SQL so that a malformed
 * value is a clear BAD_USER_INPUT rather than a database cast error.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An INSEE commune code: 5 digits ("59350" for Lille), or Corsica's 2A/2B and 3 digits. */
export const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;

/** True for a UUID, the shape of every entity id of the hub (either case). */
export const isUuid = (value: string): boolean => UUID.test(value);

/** True for an INSEE commune code ("59350"; Corsica "2A004", "2B033"). */
export const isCommuneCode = (value: string): boolean => COMMUNE_CODE.test(value);

/**
 * A UUID argument, lower-cased (ids are stored lower-case); otherwise a BAD_USER_INPUT naming
 * `field` (e.g. `id`, `filter.operator`), `what` being the article and entity ("a measure").
 */
export function requireUuid(value: string, field: string, what: string): string {
  if (!isUuid(value)) throw new BadUserInputError(`"${field}" must be ${what} id (a UUID); got "${value}".`, field);
  return value.toLowerCase();
}

/** An INSEE commune code argument, unchanged; otherwise a BAD_USER_INPUT naming `field`. */
export function requireCommuneCode(value: string, field: string): string {
  if (!isCommuneCode(value)) {
    throw new BadUserInputError(`"${field}" must be an INSEE commune code such as "59350" (got "${value}").`, field);
  }
  return value;
}

/** Refuses a period whose start is after its end, naming the start field. */
export function requireOrderedPeriod(from: string | null | undefined, to: string | null | undefined, field: string) {
  if (from && to && from > to) {
    throw new BadUserInputError(`"${field}" must not be after the end of the period (${from} > ${to}).`, field);
  }
}

/**
 * A reporting period as the activity indicators take it: `from` defaults to 1 January of
 * `today`'s year, `to` to `today`; a start after the end is refused, naming `from`.
 */
export function reportingPeriod(from: string | undefined, to: string | undefined, today: CalendarDate) {
  const period = { from: from ?? startOfYear(today), to: to ?? today };
  requireOrderedPeriod(period.from, period.to, 'from');
  return period;
}
