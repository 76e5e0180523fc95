import { measureObligation, OBLIGATION_TARGET_PERCENT, type ObligationKind } from './obligations.rules';

describe('attribution obligations of CCH L441-1', () => {
  it('has the legal targets: 25 % outside QPV, 50 % in QPV, 25 % priority households', () => {
    expect(OBLIGATION_TARGET_PERCENT).toEqual({
      OUTSIDE_QPV_FIRST_QUARTILE: 25,
      IN_QPV_ABOVE_FIRST_QUARTILE: 50,
      PRIORITY_HOUSEHOLDS: 25,
    });
  });

  /** Written by hand: name, kind, numerator, denominator → share, gap, missing, met. */
  const MEASURES: [string, ObligationKind, number, number, number | null, number | null, number, boolean | null][] = [
    ['exactly 25 % meets the target', 'OUTSIDE_QPV_FIRST_QUARTILE', 1, 4, 0.25, 0, 0, true],
    ['24.99 % does not', 'OUTSIDE_QPV_FIRST_QUARTILE', 2499, 10000, 0.2499, -0.0001, 1, false],
    ['25.01 % does', 'OUTSIDE_QPV_FIRST_QUARTILE', 2501, 10000, 0.2501, 0.0001, 0, true],
    ['an empty period measures nothing', 'OUTSIDE_QPV_FIRST_QUARTILE', 0, 0, null, null, 0, null],
    ['0 of 3: ceil(0.75) = 1 missing', 'OUTSIDE_QPV_FIRST_QUARTILE', 0, 3, 0, -0.25, 1, false],
    ['1/3 rounds to 4 decimals', 'OUTSIDE_QPV_FIRST_QUARTILE', 1, 3, 0.3333, 0.0833, 0, true],
    ['2/3 rounds half up', 'PRIORITY_HOUSEHOLDS', 2, 3, 0.6667, 0.4167, 0, true],
    ['100 %', 'PRIORITY_HOUSEHOLDS', 7, 7, 1, 0.75, 0, true],
    ['0 of 10: 3 missing (ceil 2.5)', 'PRIORITY_HOUSEHOLDS', 0, 10, 0, -0.25, 3, false],
    ['1 of 10: 2 missing', 'PRIORITY_HOUSEHOLDS', 1, 10, 0.1, -0.15, 2, false],
    ['exactly 50 % in QPV meets the target', 'IN_QPV_ABOVE_FIRST_QUARTILE', 5, 10, 0.5, 0, 0, true],
    ['49.99 % in QPV does not', 'IN_QPV_ABOVE_FIRST_QUARTILE', 4999, 10000, 0.4999, -0.0001, 1, false],
    ['4 of 9 in QPV: 1 missing (ceil 4.5)', 'IN_QPV_ABOVE_FIRST_QUARTILE', 4, 9, 0.4444, -0.0556, 1, false],
    ['0 of 1 in QPV', 'IN_QPV_ABOVE_FIRST_QUARTILE', 0, 1, 0, -0.5, 1, false],
    ['a share rounding to the target yet below it', 'OUTSIDE_QPV_FIRST_QUARTILE', 24999, 100000, 0.25, 0, 1, false],
  ];
  it.each(MEASURES)('%s (%s, %p/%p)', (_, kind, numerator, denominator, share, gap, missing, met) => {
    expect(measureObligation(kind, { numerator, denominator })).toEqual({
      kind,
      numerator,
      denominator,
      target: OBLIGATION_TARGET_PERCENT[kind] / 100,
      share,
      gap,
      missing,
      met,
    });
  });

  it.each([
    ['OUTSIDE_QPV_FIRST_QUARTILE', 0.25],
    ['IN_QPV_ABOVE_FIRST_QUARTILE', 0.5],
    ['PRIORITY_HOUSEHOLDS', 0.25],
  ] as const)('gives the target of %s as a share (%p)', (kind, target) => {
    expect(measureObligation(kind, { numerator: 0, denominator: 0 }).target).toBe(target);
  });

  const INVALID: [string, number, number][] = [
    ['a negative numerator', -1, 4],
    ['a negative denominator', 0, -1],
    ['a fractional numerator', 0.5, 4],
    ['a NaN denominator', 1, NaN],
    ['a numerator above the denominator', 5, 4],
    ['a count above the guard', 1, 1_000_000_001],
  ];
  it.each(INVALID)('refuses %s with a RangeError', (_, numerator, denominator) => {
    expect(() => measureObligation('PRIORITY_HOUSEHOLDS', { numerator, denominator })).toThrow(RangeError);
  });
});
