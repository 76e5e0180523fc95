import { consumptionUnits, isFirstQuartile, resourcesPerConsumptionUnit } from './consumption-units';

describe('consumption units (OECD-modified scale, CCH L441-1)', () => {
  /** Written by hand: 1 for the applicant, 0.5 per other member aged 14+, 0.3 under 14. */
  const UNITS: [string, number[], number][] = [
    ['one person', [40], 1],
    ['a couple', [40, 38], 1.5],
    ['one adult with children aged 2, 13 and 14', [35, 2, 13, 14], 2.1],
    ['two adults and a 14-year-old', [45, 43, 14], 2],
    ['an applicant aged 17 counts 1', [17], 1],
    ['an applicant aged 17 with a baby', [17, 0], 1.3],
    ['a member aged 13 counts 0.3', [30, 13], 1.3],
    ['a member aged 14 counts 0.5', [30, 14], 1.5],
    ['the oldest age accepted', [130, 130], 1.5],
    ['30 adults, the most members', Array<number>(30).fill(30), 15.5],
    ['an adult and 29 children', [30, ...Array<number>(29).fill(5)], 9.7],
  ];
  it.each(UNITS)('%s → %p UC', (_, ages, expected) => {
    expect(consumptionUnits(ages)).toBe(expected);
  });

  const INVALID: [string, number[], RegExp][] = [
    ['no member', [], /empty/],
    ['31 members', Array<number>(31).fill(30), /at most 30 members; this one lists 31/],
    ['a negative age', [30, -1], /member 2 is -1/],
    ['an age above 130', [131], /member 1 is 131/],
    ['a fractional age', [30, 2.5], /member 2 is 2.5/],
    ['a NaN age', [30, NaN], /member 2 is NaN/],
    ['an infinite age', [Infinity], /member 1 is Infinity/],
  ];
  it.each(INVALID)('refuses %s with a RangeError', (_, ages, message) => {
    expect(() => consumptionUnits(ages)).toThrow(RangeError);
    expect(() => consumptionUnits(ages)).toThrow(message);
  });
});

describe('resources per consumption unit', () => {
  /** Written by hand: euros per UC per year, to the cent, half away from zero. */
  const PER_UNIT: [number, number, number][] = [
    [10_000, 2.1, 4761.9], // 4761.904…
    [10_000, 1, 10_000],
    [0, 1.5, 0],
    [15_000, 1.5, 10_000],
    [10_001, 1.6, 6250.63], // exactly 6250.625: half rounds up (floating point would give 6250.62)
    [10_000, 1.6, 6250],
    [1, 1.3, 0.77], // 0.769…
    [20_000, 3, 6666.67], // 6666.666…
    [12_345, 15.5, 796.45], // 796.4516…
  ];
  it.each(PER_UNIT)('%p € for %p UC → %p € per UC', (resources, units, expected) => {
    expect(resourcesPerConsumptionUnit(resources, units)).toBe(expected);
  });

  it('uses the units as consumptionUnits computes them', () => {
    expect(resourcesPerConsumptionUnit(10_000, consumptionUnits([35, 2, 13, 14]))).toBe(4761.9);
  });

  const INVALID: [string, number, number][] = [
    ['negative resources', -1, 1],
    ['resources in cents', 100.5, 1],
    ['NaN resources', NaN, 1],
    ['zero units', 1000, 0],
    ['less than one unit', 1000, 0.7],
    ['units not in tenths', 1000, 1.25],
    ['infinite units', 1000, Infinity],
  ];
  it.each(INVALID)('refuses %s with a RangeError', (_, resources, units) => {
    expect(() => resourcesPerConsumptionUnit(resources, units)).toThrow(RangeError);
  });
});

describe('first quartile (threshold per UC, inclusive)', () => {
  const QUARTILE: [string, number, number, boolean][] = [
    ['exactly at the threshold', 9_876.54, 9_876.54, true],
    ['one cent above', 9_876.55, 9_876.54, false],
    ['one cent below', 9_876.53, 9_876.54, true],
    ['no resources', 0, 9_876.54, true],
    ['computed per UC, at the threshold', resourcesPerConsumptionUnit(10_000, 2.1), 4_761.9, true],
    ['computed per UC, one cent above', resourcesPerConsumptionUnit(10_000, 2.1), 4_761.89, false],
  ];
  it.each(QUARTILE)('%s → %p', (_, perUnit, threshold, expected) => {
    expect(isFirstQuartile(perUnit, threshold)).toBe(expected);
  });

  it.each([
    [-0.01, 100],
    [100, -1],
    [NaN, 100],
    [100, Infinity],
  ])('refuses %p against %p with a RangeError', (perUnit, threshold) => {
    expect(() => isFirstQuartile(perUnit, threshold)).toThrow(RangeError);
  });
});
