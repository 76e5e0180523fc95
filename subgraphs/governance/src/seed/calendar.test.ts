import { MONDAY, THURSDAY, TUESDAY, monthOf, nthWeekdayOfMonth } from './calendar';

describe('meeting calendar rules', () => {
  it.each([
    // June 2026 starts on a Monday.
    ['2026-06-30', 0, MONDAY, 1, '2026-06-01'],
    ['2026-06-30', 0, TUESDAY, 2, '2026-06-09'],
    ['2026-06-30', 0, THURSDAY, 1, '2026-06-04'],
    // December 2025 starts on a Monday; February 2026 on a Sunday.
    ['2026-06-30', -6, THURSDAY, 1, '2025-12-04'],
    ['2026-06-30', -4, TUESDAY, 4, '2026-02-24'],
    // Across a year end, and from the last day of a month.
    ['2026-01-31', -1, TUESDAY, 3, '2025-12-16'],
  ])('from %s, %i months on, weekday %i number %i is %s', (reference, months, weekday, n, expected) => {
    expect(nthWeekdayOfMonth(reference, months, weekday, n)).toBe(expected);
    expect(new Date(`${expected}T12:00:00Z`).getUTCDay()).toBe(weekday);
  });

  it('reads the calendar month of a date', () => {
    expect(monthOf('2026-08-13')).toBe(8);
  });
});
