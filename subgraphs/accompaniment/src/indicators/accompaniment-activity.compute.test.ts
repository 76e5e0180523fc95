import { SchemeCode } from '../scheme/scheme.enums';
import {
  averageMonths,
  type ActivityCounts,
  hasActivity,
  NO_ACTIVITY,
  zeroFilledBySchemes,
} from './accompaniment-activity.compute';

describe('averageMonths (months of 30.4375 days, one decimal)', () => {
  it.each([
    ['no measure', 0, 0, null],
    ['no measure, days given anyway', 10, 0, null],
    ['one month exactly', 30.4375 * 4, 4, 1],
    ['one year', 365.25, 1, 12],
    ['zero-day measures', 0, 3, 0],
    ['rounded down (0.8213… → 0.8)', 25, 1, 0.8],
    ['rounded up (1.8891… → 1.9)', 115, 2, 1.9],
    ['two measures of 100 and 200 days (4.928… → 4.9)', 300, 2, 4.9],
    ['half a month (0.4928… → 0.5)', 15, 1, 0.5],
    ['six months and a half (197.84 days → 6.5)', 197.84, 1, 6.5],
  ])('%s: %p days over %p measures → %p', (_, days, measures, expected) => {
    expect(averageMonths(days, measures)).toBe(expected);
  });
});

describe('zeroFilledBySchemes', () => {
  const counts = (partial: Partial<ActivityCounts>): ActivityCounts => ({ ...NO_ACTIVITY, ...partial });

  it('gives every scheme of the catalogue, in its order, with zeros and a null average when nothing happened', () => {
    const figures = zeroFilledBySchemes(new Map());
    expect(figures.map((entry) => entry.scheme)).toEqual(Object.values(SchemeCode));
    for (const entry of figures) {
      expect(entry).toEqual({
        scheme: entry.scheme,
        started: 0,
        closed: 0,
        activeAtEnd: 0,
        averageClosedDurationMonths: null,
      });
    }
  });

  it.each([
    [
      'a scheme with started and running measures, none closed',
      counts({ started: 3, activeAtEnd: 5 }),
      { started: 3, closed: 0, activeAtEnd: 5, averageClosedDurationMonths: null },
    ],
    [
      'closed measures, one never started (no duration)',
      counts({ closed: 3, closedStarted: 2, closedDays: 365 }),
      { started: 0, closed: 3, activeAtEnd: 0, averageClosedDurationMonths: 6 },
    ],
    [
      'closed measures, none started (closed at the diagnostic)',
      counts({ closed: 2 }),
      { started: 0, closed: 2, activeAtEnd: 0, averageClosedDurationMonths: null },
    ],
  ])('%s', (_, given, expected) => {
    const figures = zeroFilledBySchemes(new Map([[SchemeCode.ASLL, given]]), [SchemeCode.AVDL, SchemeCode.ASLL]);
    expect(figures).toEqual([
      { scheme: SchemeCode.AVDL, started: 0, closed: 0, activeAtEnd: 0, averageClosedDurationMonths: null },
      { scheme: SchemeCode.ASLL, ...expected },
    ]);
  });
});

describe('hasActivity', () => {
  it.each([
    [NO_ACTIVITY, false],
    [{ ...NO_ACTIVITY, started: 1 }, true],
    [{ ...NO_ACTIVITY, closed: 1 }, true],
    [{ ...NO_ACTIVITY, activeAtEnd: 1 }, true],
  ])('%p → %p', (counts, expected) => {
    expect(hasActivity(counts)).toBe(expected);
  });
});
