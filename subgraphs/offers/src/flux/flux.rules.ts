import { VacancyOrigin, WITHDRAWN_ORIGINS } from './flux.enums';

/**
 * Flux management (gestion en flux, décret n° 2020-145 of 20 February 2020, CCH R441-5): reservation
 * rights are no longer on given dwellings but on a share of the dwellings a landlord lets in a year on
 * a territory. These pure functions compute that annual flux, each holder's objective and balance,
 * and check a new agreement's share. Shares are stored in basis points (1 % = 100) so that all the
 * arithmetic is on integers.
 */

/** The annual flux of one landlord on one territory, with what it is made of. */
export interface AnnualFlux {
  /** Dwellings of the existing stock freed in the year: every origin but `FIRST_LETTING`. */
  freed: number;
  /** Dwellings of new programmes let for the first time in the year (`FIRST_LETTING`). */
  firstLettings: number;
  /** Dwellings withdrawn from the flux: internal transfers, urban-renewal and other legal rehousing. */
  withdrawn: number;
  /** freed + firstLettings − withdrawn (so the relets and first lettings). */
  flux: number;
}

/** Counts above this are refused: a guard far above any landlord's yearly lettings, keeping arithmetic exact. */
const MAX_COUNT = 1_000_000_000;

/** 100 % in basis points. */
const FULL_SHARE = 10_000;

/** The State's (préfet's) share of the flux: at most 30 % (CCH R441-5, L441-1: 25 % priority households + 5 % State agents). */
const STATE_MAX_SHARE = 3_000;

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_COUNT) {
    throw new RangeError(`${name} is a count of dwellings, a whole number from 0 to ${MAX_COUNT}; got ${value}.`);
  }
}

/**
 * The annual flux of a landlord on a territory (CCH R441-5, décret 2020-145): dwellings freed and put
 * back to let in the year, plus first lettings, minus the dwellings withdrawn from the flux (internal
 * transfers, urban-renewal rehousing, other legal rehousing).
 *
 * Each vacancy has one origin, so the counts do not overlap: the dwellings freed are those of every
 * origin but `FIRST_LETTING` (a withdrawn dwelling was freed too, then let outside the flux), and the
 * flux is what remains once the withdrawn are deducted — the relets and the first lettings.
 *
 * @param countsByOrigin Dwellings by origin over the year; a missing key counts 0.
 * @throws RangeError when a count is not a whole number from 0 to 1 000 000 000.
 */
export function annualFlux(countsByOrigin: Partial<Record<VacancyOrigin, number>>): AnnualFlux {
  const count = (origin: VacancyOrigin): number => {
    const value = countsByOrigin[origin] ?? 0;
    assertCount(`The count of ${origin}`, value);
    return value;
  };
  const withdrawn = WITHDRAWN_ORIGINS.reduce((sum, origin) => sum + count(origin), 0);
  const freed = count(VacancyOrigin.RELET) + withdrawn;
  const firstLettings = count(VacancyOrigin.FIRST_LETTING);
  return { freed, firstLettings, withdrawn, flux: freed + firstLettings - withdrawn };
}

function assertShare(name: string, shareBasisPoints: number): void {
  if (!Number.isInteger(shareBasisPoints) || shareBasisPoints < 1 || shareBasisPoints > FULL_SHARE) {
    throw new RangeError(
      `${name} is in basis points (1 % = 100), a whole number from 1 to ${FULL_SHARE}; got ${shareBasisPoints}.`,
    );
  }
}

/**
 * A reservation holder's objective for the year: flux × share, rounded half up to a whole dwelling
 * (10 × 25 % = 2.5 → 3; 7 × 30 % = 2.1 → 2), on integers.
 *
 * @param flux The annual flux (see {@link annualFlux}), a whole number >= 0.
 * @param shareBasisPoints The holder's share in basis points (1 % = 100, 30 % = 3000), 1..10000.
 * @throws RangeError when an argument is outside these ranges.
 */
export function fluxObjective(flux: number, shareBasisPoints: number): number {
  assertCount('The flux', flux);
  assertShare('The share', shareBasisPoints);
  return Math.floor((flux * shareBasisPoints + FULL_SHARE / 2) / FULL_SHARE);
}

/** Where a reservation holder stands against its objective. */
export interface FluxBalance {
  /** Dwellings due to the holder for the year (see {@link fluxObjective}). */
  objective: number;
  /** Dwellings actually oriented to the holder and let. */
  achieved: number;
  /** achieved − objective: negative when the landlord still owes dwellings, positive when ahead. */
  balance: number;
  /** achieved / objective rounded to 4 decimals (half up); null when the objective is 0. */
  rate: number | null;
}

/**
 * A reservation holder's balance for the year: balance = achieved − objective; rate = achieved /
 * objective rounded to 4 decimals (half up), null when the objective is 0.
 *
 * @throws RangeError when a count is not a whole number from 0 to 1 000 000 000.
 */
export function fluxBalance(objective: number, achieved: number): FluxBalance {
  assertCount('The objective', objective);
  assertCount('The achieved count', achieved);
  const rate =
    objective === 0 ? null : Math.floor((2 * achieved * FULL_SHARE + objective) / (2 * objective)) / FULL_SHARE;
  return { objective, achieved, balance: achieved - objective, rate };
}

/** Basis points as a percentage for a sentence: 3001 → "30.01 %". */
function percent(basisPoints: number): string {
  return `${basisPoints / 100} %`;
}

/**
 * Why a new flux agreement's share is refused, or null when it is acceptable. The shares of one
 * landlord × territory × year sum to at most 100 %; the State's (préfet's) share is at most 30 % of the
 * flux (CCH R441-5, L441-1: 25 % for priority households + 5 % for State agents). The sentence gives
 * the figures, for a partner's developer, e.g. "The shares of this landlord's agreements on 59 for
 * 2026 would sum to 105 % (5 % over): at most 100 %."
 *
 * @param args.holderKind The kind of the new agreement's reservation holder.
 * @param args.shareBasisPoints The new agreement's share in basis points (1 % = 100), 1..10000.
 * @param args.otherSharesBasisPoints The shares of the landlord's other agreements on the same territory and year.
 * @param args.territory The territory's code, to word the sentence (e.g. "59").
 * @param args.year The year of the agreements, to word the sentence.
 * @throws RangeError when one of the other shares is not a whole number of basis points in 1..10000
 *   (they come from stored agreements: a guard).
 */
export function agreementShareProblem(args: {
  holderKind: 'STATE' | 'EPCI' | 'ACTION_LOGEMENT' | 'COMMUNE' | 'LANDLORD';
  shareBasisPoints: number;
  otherSharesBasisPoints: readonly number[];
  territory?: string;
  year?: number;
}): string | null {
  const { holderKind, shareBasisPoints, otherSharesBasisPoints, territory, year } = args;
  args.otherSharesBasisPoints.forEach((share, index) => assertShare(`Other share ${index + 1}`, share));
  if (!Number.isInteger(shareBasisPoints) || shareBasisPoints < 1 || shareBasisPoints > FULL_SHARE) {
    return `The share is ${String(shareBasisPoints)} basis points: a share is a whole number of basis points (1 % = 100) from 1 (0.01 %) to ${FULL_SHARE} (100 %).`;
  }
  if (holderKind === 'STATE' && shareBasisPoints > STATE_MAX_SHARE) {
    return `The State's (préfet's) share would be ${percent(shareBasisPoints)} of the flux (${percent(shareBasisPoints - STATE_MAX_SHARE)} over): at most ${percent(STATE_MAX_SHARE)} (CCH R441-5: 25 % for priority households + 5 % for State agents).`;
  }
  const total = otherSharesBasisPoints.reduce((sum, share) => sum + share, shareBasisPoints);
  if (total > FULL_SHARE) {
    const where = `${territory === undefined ? '' : ` on ${territory}`}${year === undefined ? '' : ` for ${year}`}`;
    return `The shares of this landlord's agreements${where} would sum to ${percent(total)} (${percent(total - FULL_SHARE)} over): at most 100 %.`;
  }
  return null;
}
