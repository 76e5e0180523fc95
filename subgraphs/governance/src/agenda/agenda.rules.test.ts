import { OCCUPANCY_REVIEW_YEARS, nextOccupancyReview } from './agenda.rules';

/** CCH L442-5-2: the occupancy of a tenancy is reviewed every three years. Dates written by hand. */

describe('the next occupancy review (CCH L442-5-2)', () => {
  it('comes every three years', () => {
    expect(OCCUPANCY_REVIEW_YEARS).toBe(3);
  });

  it.each([
    ['2026-06-30', '2029-06-30'],
    ['2026-01-01', '2029-01-01'],
    ['2026-12-31', '2029-12-31'],
    ['2027-03-15', '2030-03-15'],
    ['2028-02-29', '2031-02-28'], // a leap day, three years on: clamped to the end of February
    ['2024-02-29', '2027-02-28'],
    ['2025-02-28', '2028-02-28'], // into a leap year: stays on the 28th
    ['2029-02-28', '2032-02-28'],
  ])('reviewed on %s → next review on %s', (reviewedOn, next) => {
    expect(nextOccupancyReview(reviewedOn)).toBe(next);
  });
});
