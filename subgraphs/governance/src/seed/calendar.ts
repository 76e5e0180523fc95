import { addDays, addMonths, type CalendarDate } from '@passerelle/shared/dates';

/** Days of the week as `Date.getUTCDay()` numbers them. */
export const MONDAY = 1;
export const TUESDAY = 2;
export const WEDNESDAY = 3;
export const THURSDAY = 4;

/**
 * The `n`-th given weekday (1 = first) of the month `monthsFrom` months after the month of
 * `reference` — bodies meet on rules like "the second Thursday of the month".
 */
export function nthWeekdayOfMonth(
  reference: CalendarDate,
  monthsFrom: number,
  weekday: number,
  n: number,
): CalendarDate {
  const first = addMonths(`${reference.slice(0, 7)}-01`, monthsFrom);
  const firstWeekday = new Date(`${first}T12:00:00Z`).getUTCDay();
  return addDays(first, ((weekday - firstWeekday + 7) % 7) + 7 * (n - 1));
}

/** Calendar month (1–12) of a date. */
export const monthOf = (date: CalendarDate): number => Number(date.slice(5, 7));
