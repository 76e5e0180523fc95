/**
 * The three legal shares of attributions (signed leases) of CCH L441-1, measured over any period:
 * a share of qualifying attributions (numerator) among the attributions concerned (denominator),
 * against a target in whole percent. All comparisons are made on integers, so exactly 25 % meets a
 * 25 % target.
 */

/**
 * The three attribution obligations of CCH L441-1 (loi 2017-86 Égalité et Citoyenneté, art. 70):
 * - `OUTSIDE_QPV_FIRST_QUARTILE`: attributions of dwellings outside a QPV going to first-quartile
 *   households or to households rehoused by urban renewal (renouvellement urbain);
 * - `IN_QPV_ABOVE_FIRST_QUARTILE`: attributions of dwellings in a QPV going to households above the
 *   first quartile (quartiles 2 to 4);
 * - `PRIORITY_HOUSEHOLDS`: a reservation holder's attributions going to DALO households, then to the
 *   priority publics of L441-1.
 */
export type ObligationKind = 'OUTSIDE_QPV_FIRST_QUARTILE' | 'IN_QPV_ABOVE_FIRST_QUARTILE' | 'PRIORITY_HOUSEHOLDS';

/** Targets in whole percent (at least this share of the attributions concerned), with their article. */
export const OBLIGATION_TARGET_PERCENT: Readonly<Record<ObligationKind, number>> = Object.freeze({
  // CCH L441-1 al. 21 (as amended by loi 2017-86 art. 70): >= 25 % of attributions outside QPV to
  // first-quartile households or households rehoused by urban renewal.
  OUTSIDE_QPV_FIRST_QUARTILE: 25,
  // CCH L441-1 (loi 2017-86 art. 70): >= 50 % of attributions in QPV to households of quartiles 2 to 4.
  IN_QPV_ABOVE_FIRST_QUARTILE: 50,
  // CCH L441-1 (loi 2017-86 art. 70), L313-26-2 for Action Logement: >= 25 % of each reservation
  // holder's attributions to DALO households, then to the priority publics.
  PRIORITY_HOUSEHOLDS: 25,
});

/** What is counted over the period: qualifying attributions among the attributions concerned. */
export interface ObligationCounts {
  /** Attributions that count towards the obligation (e.g. outside QPV to first-quartile households). */
  numerator: number;
  /** Attributions the obligation is measured on (e.g. all attributions outside QPV). */
  denominator: number;
}

/** How far an obligation is met over a period. */
export interface ObligationMeasure {
  kind: ObligationKind;
  numerator: number;
  denominator: number;
  /** Target as a share 0..1 (0.25). */
  target: number;
  /** numerator / denominator rounded to 4 decimals (half up); null when denominator is 0 (nothing to measure). */
  share: number | null;
  /** share − target, 4 decimals (negative: behind the target); null when denominator is 0. */
  gap: number | null;
  /**
   * Qualifying attributions missing to reach the target with the same denominator:
   * max(0, ceil(targetPercent × denominator / 100) − numerator), on integers. 0 when denominator is 0.
   */
  missing: number;
  /**
   * numerator × 100 >= targetPercent × denominator (exactly 25 % meets a 25 % target); null when denominator is 0.
   * Decided on the counts, not on the rounded share: 24 999 of 100 000 shows share 0.25 and gap 0, yet is not met.
   */
  met: boolean | null;
}

/** Counts above this are refused: a guard far above any territory's attributions, keeping integer arithmetic exact. */
const MAX_COUNT = 1_000_000_000;

/** Four decimals: shares and gaps are computed in ten-thousandths. */
const SCALE = 10_000;

/**
 * Measures one obligation of CCH L441-1 over a period: share, gap to the target, attributions missing,
 * met or not. Pure: the counts come from the signed leases of the period.
 *
 * @throws RangeError when a count is not a whole number from 0 to 1 000 000 000, or the numerator
 *   exceeds the denominator.
 */
export function measureObligation(kind: ObligationKind, counts: ObligationCounts): ObligationMeasure {
  const targetPercent = OBLIGATION_TARGET_PERCENT[kind];
  if (targetPercent === undefined) throw new RangeError(`Unknown obligation: ${String(kind)}.`);
  const { numerator, denominator } = counts;
  for (const [name, value] of [
    ['numerator', numerator],
    ['denominator', denominator],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > MAX_COUNT) {
      throw new RangeError(
        `The ${name} is a count of attributions, a whole number from 0 to ${MAX_COUNT}; got ${value}.`,
      );
    }
  }
  if (numerator > denominator) {
    throw new RangeError(
      `The numerator (${numerator}) counts some of the attributions of the denominator (${denominator}): it cannot exceed it.`,
    );
  }
  const target = targetPercent / 100;
  if (denominator === 0) {
    return { kind, numerator, denominator, target, share: null, gap: null, missing: 0, met: null };
  }
  // share in ten-thousandths, rounded half up: floor((2 × numerator × 10 000 + denominator) / (2 × denominator)).
  const shareUnits = Math.floor((2 * numerator * SCALE + denominator) / (2 * denominator));
  // The target has at most 2 decimals, so subtracting it from the rounded share is exact.
  const gapUnits = shareUnits - targetPercent * (SCALE / 100);
  const required = Math.floor((targetPercent * denominator + 99) / 100); // ceil(a / 100) for an integer a >= 0
  return {
    kind,
    numerator,
    denominator,
    target,
    share: shareUnits / SCALE,
    gap: gapUnits / SCALE,
    missing: Math.max(0, required - numerator),
    met: numerator * 100 >= targetPercent * denominator,
  };
}
