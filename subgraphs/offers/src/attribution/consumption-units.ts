/**
 * Resources per consumption unit (unité de consommation, UC), the measure of the first quartile of
 * CCH L441-1 (loi 2017-86 Égalité et Citoyenneté): a household belongs to the first quartile when its
 * annual resources per UC are at most the threshold of the poorest quartile of applicants.
 *
 * The scale is the OECD-modified scale used by INSEE: 1 for the first person, 0.5 for each other
 * person aged 14 or over, 0.3 for each child under 14. Units are counted in tenths (integers) so that
 * sums are exact: 1 + 0.3 + 0.3 + 0.5 is 2.1, not 2.0999999999999996.
 */

/** The most members a household may list: a guard, far above any real household. */
const MAX_HOUSEHOLD_MEMBERS = 30;

/** The oldest age accepted: a guard against typing errors (a year of birth given as an age). */
const MAX_AGE = 130;

/** From this age a person counts as an adult on the OECD-modified scale (INSEE). */
const ADULT_AGE = 14;

/** Tenths of a unit: 1 for the applicant, 0.5 for another person aged 14 or over, 0.3 under 14. */
const APPLICANT_TENTHS = 10;
const OTHER_ADULT_TENTHS = 5;
const CHILD_TENTHS = 3;

/**
 * The household's consumption units (OECD-modified scale, INSEE; CCH L441-1 as amended by loi
 * 2017-86): the first listed member, the applicant, counts 1 whatever their age; each other member
 * counts 0.5 from 14 years old, 0.3 under 14. Exact to the tenth (computed in integer tenths).
 *
 * @param memberAges Ages in whole years, the applicant first (1 to 30 members, ages 0 to 130).
 * @throws RangeError when the list is empty, too long, or holds an age that is not a whole number in
 *   0..130 (the service validates inputs first; this is a guard).
 */
export function consumptionUnits(memberAges: readonly number[]): number {
  if (memberAges.length === 0) {
    throw new RangeError('A household has at least one member, the applicant: the list of ages is empty.');
  }
  if (memberAges.length > MAX_HOUSEHOLD_MEMBERS) {
    throw new RangeError(
      `A household lists at most ${MAX_HOUSEHOLD_MEMBERS} members; this one lists ${memberAges.length}.`,
    );
  }
  memberAges.forEach((age, index) => {
    if (!Number.isInteger(age) || age < 0 || age > MAX_AGE) {
      throw new RangeError(
        `The age of member ${index + 1} is ${String(age)}: an age is a whole number of years from 0 to ${MAX_AGE}.`,
      );
    }
  });
  const tenths = memberAges
    .slice(1)
    .reduce((sum, age) => sum + (age >= ADULT_AGE ? OTHER_ADULT_TENTHS : CHILD_TENTHS), APPLICANT_TENTHS);
  return tenths / 10;
}

/**
 * Annual resources per consumption unit, in euros per UC per year, rounded to the cent (half away
 * from zero; resources are never negative, so half up). Computed on integers: the units are taken in
 * tenths, so 10 001 € for 1.6 UC gives 6 250.63 € (exactly 6 250.625), where floating point would
 * give 6 250.62.
 *
 * @param annualResources Annual resources of the whole household in euros, an integer >= 0.
 * @param units Consumption units as {@link consumptionUnits} returns them: a multiple of 0.1, at least 1.
 * @throws RangeError when an argument is outside these ranges.
 */
export function resourcesPerConsumptionUnit(annualResources: number, units: number): number {
  if (!Number.isSafeInteger(annualResources) || annualResources < 0) {
    throw new RangeError(`Annual resources are whole euros, 0 or more; got ${String(annualResources)}.`);
  }
  const tenths = Math.round(units * 10);
  if (!Number.isFinite(units) || tenths < APPLICANT_TENTHS || Math.abs(units * 10 - tenths) > 1e-9) {
    throw new RangeError(`Consumption units are a multiple of 0.1, at least 1 (the applicant); got ${String(units)}.`);
  }
  // cents = resources × 100 / (tenths / 10), rounded half up: floor((2 × resources × 1000 + tenths) / (2 × tenths)).
  // BigInt keeps it exact for any safe integer of resources.
  const divisor = 2n * BigInt(tenths);
  const cents = (2000n * BigInt(annualResources) + BigInt(tenths)) / divisor;
  return Number(cents) / 100;
}

/**
 * Whether a household is in the first quartile: its resources per UC are at most the threshold.
 *
 * The threshold is published as the highest annual resource level per UC of the poorest quartile of
 * applicants of the territory (arrêté of 13 May 2024, yearly, per EPCI or département): a household
 * exactly at the threshold is the richest household of that quartile, so it belongs to it — hence
 * `<=`, not `<`. Both amounts are compared to the cent. The threshold is a row of a reference table
 * seeded from the published values, never a literal in code.
 *
 * @param resourcesPerUnit The household's annual resources per UC in euros (see {@link resourcesPerConsumptionUnit}).
 * @param thresholdPerUnit The first-quartile threshold in euros per UC for the territory and year.
 * @throws RangeError when an amount is negative or not a finite number.
 */
export function isFirstQuartile(resourcesPerUnit: number, thresholdPerUnit: number): boolean {
  for (const [name, amount] of [
    ['resources per unit', resourcesPerUnit],
    ['first-quartile threshold', thresholdPerUnit],
  ] as const) {
    if (!Number.isFinite(amount) || amount < 0) {
      throw new RangeError(`The ${name} is an amount in euros, 0 or more; got ${String(amount)}.`);
    }
  }
  return Math.round(resourcesPerUnit * 100) <= Math.round(thresholdPerUnit * 100);
}
