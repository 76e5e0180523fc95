/**
 * Calendar dates and legal delays, computed in Europe/Paris — the one place where Passerelle
 * turns "1 month", "10 days" or "13 months" into dates.
 *
 * A calendar date is an ISO string `YYYY-MM-DD` with no time and no zone: legal delays run in
 * whole days, so they are computed on dates, never by adding milliseconds to instants (which
 * would drift by an hour across daylight-saving changes).
 */
export type CalendarDate = string;

/**
 * A service's clock: the instant now. Services take one so that tests can fix "today" on the
 * seed's reference date; today's calendar date is `parisDate(clock())`.
 */
export type Clock = () => Date;

const PARIS = 'Europe/Paris';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const parisFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARIS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Paris at `instant` (e.g. 2026-03-29T22:30Z is already the 30th in Paris). */
export function parisDate(instant: Date): CalendarDate {
  return parisFormatter.format(instant);
}

/** Today in Paris. */
export function parisToday(now: Date = new Date()): CalendarDate {
  return parisDate(now);
}

/** The years Passerelle accepts in a date: PostgreSQL rejects year 0, and no legal delay reaches further. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return y >= FIRST_YEAR && y <= LAST_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function parts(date: CalendarDate): [number, number, number] {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

const format = (y: number, m: number, d: number): CalendarDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `date` plus `months` calendar months. A delay expressed in months ends on the same day number;
 * when that day does not exist it ends on the last day of the month (31 January + 1 month =
 * 28 or 29 February), the usual reading of French procedural delays (Code civil art. 641).
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

export const addYears = (date: CalendarDate, years: number) => addMonths(date, years * 12);

/** The first day of the month of `date` ("this month" of a reference day starts there). */
export function startOfMonth(date: CalendarDate): CalendarDate {
  const [y, m] = parts(date);
  return format(y, m, 1);
}

/** 1 January of the year of `date` ("this year" of a reference day starts there). */
export function startOfYear(date: CalendarDate): CalendarDate {
  const [y] = parts(date);
  return format(y, 1, 1);
}

/** `date` plus `days` days (negative to go back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = parts(date);
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return format(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Whole calendar months elapsed from `from` to `to` (a wait of 13 months and 2 days is 13). */
export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  const [y1, m1] = parts(from);
  const [y2, m2] = parts(to);
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (addMonths(from, months) > to) months -= 1;
  return months;
}
