import { formatNur, nurMonth } from './nur';

/** NUR `DDD-YYMM-NNNNNN`: département on 3 characters, year and month of filing, sequence. */
describe('NUR', () => {
  it.each([
    ['59', '2026-06-15', 1, '059-2606-000001'],
    ['59', '2027-01-31', 123, '059-2701-000123'],
    ['59', '2026-12-31', 999_999, '059-2612-999999'],
    ['2A', '2028-02-29', 42, '02A-2802-000042'],
    ['2B', '2026-10-01', 7, '02B-2610-000007'],
    ['974', '2030-03-05', 654_321, '974-3003-654321'],
    ['01', '2100-01-01', 10, '001-0001-000010'],
  ])('département %s, filed %s, number %i → %s', (departement, filingDate, sequence, expected) => {
    expect(formatNur(departement, filingDate, sequence)).toBe(expected);
  });

  it.each([0, -1, 1_000_000, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses sequence %p with a RangeError',
    (sequence) => {
      expect(() => formatNur('59', '2026-06-15', sequence)).toThrow(RangeError);
    },
  );

  it.each([
    ['2026-06-15', '2606'],
    ['2027-01-31', '2701'],
    ['2099-12-01', '9912'],
  ])('filed on %s: sequence month %s', (filingDate, expected) => {
    expect(nurMonth(filingDate)).toBe(expected);
  });
});
