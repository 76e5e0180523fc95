import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  isCalendarDate,
  monthsBetween,
  parisDate,
  startOfMonth,
  startOfYear,
} from '.';

describe('legal delays on calendar dates', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-15', 1, '2026-06-15'],
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-11-30', 13, '2027-12-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -13, '2024-12-15'],
  ])('%s plus %i month(s) is %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('adds years as twelve months, clamping 29 February', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2026-06-30', 1)).toBe('2027-06-30');
  });

  it('counts days across daylight-saving changes as whole days', () => {
    // Summer time starts on 29 March 2026 and ends on 25 October 2026 in Paris.
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 10)).toBe('2026-11-03');
    expect(daysBetween('2026-03-20', '2026-04-05')).toBe(16);
    expect(daysBetween('2026-10-20', '2026-10-30')).toBe(10);
  });

  it('counts whole months elapsed', () => {
    expect(monthsBetween('2025-01-31', '2026-02-27')).toBe(12);
    expect(monthsBetween('2025-01-31', '2026-02-28')).toBe(13);
    expect(monthsBetween('2026-06-30', '2026-06-30')).toBe(0);
    expect(monthsBetween('2026-06-30', '2026-06-29')).toBe(-1);
  });

  it('gives the Paris date of an instant, whatever the machine zone', () => {
    expect(parisDate(new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-30'); // UTC+2 after the change
    expect(parisDate(new Date('2026-01-15T22:59:00Z'))).toBe('2026-01-15'); // UTC+1: 23:59
    expect(parisDate(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
    expect(parisDate(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25');
  });

  it.each([
    ['2026-06-30', '2026-01-01'],
    ['2026-01-01', '2026-01-01'],
    ['2024-12-31', '2024-01-01'],
  ])('starts the year of %s on %s', (date, expected) => {
    expect(startOfYear(date)).toBe(expected);
  });

  it.each([
    ['2026-06-30', '2026-06-01'],
    ['2026-06-01', '2026-06-01'],
    ['2028-02-29', '2028-02-01'],
    ['2024-12-31', '2024-12-01'],
  ])('starts the month of %s on %s', (date, expected) => {
    expect(startOfMonth(date)).toBe(expected);
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => startOfYear('2026-02-30')).toThrow(RangeError);
  });
});
