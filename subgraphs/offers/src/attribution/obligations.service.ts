import { parisDate, type CalendarDate, type Clock } from '@passerelle/shared/dates';
import { BadUserInputError, ForbiddenError } from '@passerelle/shared/errors';
import { reportingPeriod } from '@passerelle/shared/validation';
import { readsHouseholdLinks, requireIndicatorAccess, requireStockAccess, type OffersAccess } from '../policy';
import { territoryScope } from '../territory/territory-scope';
import type { ObligationLoaders } from './obligations.loaders';
import type { ObligationCounts, ObligationRepository, ObligationRequest } from './obligations.repository';
import { measureObligation } from './obligations.rules';
import type { ObligationMeasure as RuleMeasure } from './obligations.rules';
import type { AttributionObligations, FirstQuartileThreshold } from './obligations.type';

/** Whose attributions: a territory's, or a landlord's or reservation holder's (optionally on a territory). */
export type ObligationSubject =
  | { kind: 'TERRITORY'; code: string }
  | { kind: 'LANDLORD'; id: string; territory: string | undefined }
  | { kind: 'RESERVATION_HOLDER'; id: string; territory: string | undefined };

/**
 * The legal shares of attributions of CCH L441-1 over a period, for a territory, a landlord or a
 * reservation holder. Statistics on signed leases: open to every partner of the hub, never any
 * household identifier.
 */
export class ObligationService {
  constructor(
    private readonly repository: ObligationRepository,
    private readonly now: Clock,
  ) {}

  async of(
    access: OffersAccess,
    loaders: ObligationLoaders,
    subject: ObligationSubject,
    from: string | undefined,
    to: string | undefined,
  ): Promise<AttributionObligations> {
    requireIndicatorAccess(access);
    const today = parisDate(this.now());
    const period = seesSmallCells(access) ? reportingPeriod(from, to, today) : closedYear(from, to, today);
    const request = { ...scopeOf(subject), ...period };
    const key = JSON.stringify([
      subject.kind,
      subject.kind === 'TERRITORY' ? subject.code : [subject.id, subject.territory ?? null],
      period.from,
      period.to,
    ]);
    const counts = await loaders.countsOf.load({ key, ...request });
    const shown = disclosure(access);
    return {
      ...period,
      attributions: counts.attributions,
      unclassified: counts.unclassified,
      outsideQpvFirstQuartile: shown.measure(
        measureObligation('OUTSIDE_QPV_FIRST_QUARTILE', {
          numerator: counts.outsideQpvFirstQuartile,
          denominator: counts.outsideQpv,
        }),
      ),
      inQpvAboveFirstQuartile: shown.measure(
        measureObligation('IN_QPV_ABOVE_FIRST_QUARTILE', {
          numerator: counts.inQpvAboveFirstQuartile,
          denominator: counts.inQpv,
        }),
      ),
      priorityHouseholds: shown.measure(priorityMeasure(counts)),
      daloHouseholds: shown.count(counts.dalo, counts.attributions),
      byReservationHolder: counts.byHolder.map((holder) => ({
        reservationHolderId: holder.holderId,
        attributions: holder.attributions,
        daloHouseholds: shown.count(holder.dalo, holder.attributions),
        priorityHouseholds: shown.measure(priorityMeasure(holder)),
      })),
    };
  }

  /** The first-quartile thresholds of an EPCI (reference data), newest year first. */
  async thresholds(access: OffersAccess, epci: string): Promise<FirstQuartileThreshold[]> {
    requireStockAccess(access);
    if (!/^[0-9]{9}$/.test(epci)) {
      throw new BadUserInputError(`"epci" is the SIREN of an EPCI, 9 digits; got ${JSON.stringify(epci)}.`, 'epci');
    }
    return (await this.repository.thresholdsOf(epci)).map(({ epci, year, eurosPerUnit, source }) => ({
      epci,
      year,
      eurosPerUnit,
      source,
    }));
  }
}

/** Below this many attributions, a count about households is withheld from those who do not read the households. */
export const MIN_DISCLOSED_CELL = 5;

/**
 * Statistical confidentiality: a share over one to four leases, with a lease's day and address
 * (public stock fields), would tell a household's situation. Only the State and the EPCI, who read
 * the households of their territory anyway (`policy.ts`), see small cells.
 */
type ObligationMeasure = Omit<RuleMeasure, 'numerator' | 'missing'> & {
  numerator: number | null;
  missing: number | null;
};

/** The State and the EPCI read the households of their territory anyway: small cells and any period. */
const seesSmallCells = (access: OffersAccess) =>
  access.householdLinks.scope === 'COMMUNES' && readsHouseholdLinks(access);

/**
 * For the other partners, a closed calendar year only (the legal shares are yearly, CCH L441-1), by
 * default the last one. Any two periods, or a period still running read on two days, could be
 * subtracted to isolate one lease whose day and address are public — and so its household's
 * situation — whatever the threshold on each answer.
 */
function closedYear(from: string | undefined, to: string | undefined, today: CalendarDate) {
  const lastYear = Number(today.slice(0, 4)) - 1;
  if (from === undefined && to === undefined) return { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` };
  const year = from?.slice(0, 4);
  if (from !== `${year}-01-01` || to !== `${year}-12-31` || Number(year) > lastYear) {
    throw new ForbiddenError(
      `Partners other than the State and the EPCI read the legal shares by closed calendar year (from "YYYY-01-01" to "YYYY-12-31", ${lastYear} at the latest): two overlapping periods could be subtracted to isolate one household's lease.`,
    );
  }
  return { from, to };
}

function disclosure(access: OffersAccess) {
  const small = (denominator: number) => !seesSmallCells(access) && denominator > 0 && denominator < MIN_DISCLOSED_CELL;
  return {
    measure: (measure: ObligationMeasure): ObligationMeasure & { suppressed: boolean } =>
      small(measure.denominator)
        ? { ...measure, numerator: null, share: null, gap: null, missing: null, met: null, suppressed: true }
        : { ...measure, suppressed: false },
    count: (count: number, denominator: number): number | null => (small(denominator) ? null : count),
  };
}

const priorityMeasure = (counts: ObligationCounts) =>
  measureObligation('PRIORITY_HOUSEHOLDS', { numerator: counts.priority, denominator: counts.attributions });

/** The scope of a subject as the repository takes it; a territory code unknown to the geography is refused. */
function scopeOf(subject: ObligationSubject): Omit<ObligationRequest, 'key' | 'from' | 'to'> {
  const code = subject.kind === 'TERRITORY' ? subject.code : subject.territory;
  const field = subject.kind === 'TERRITORY' ? 'code' : 'territory';
  let communes: readonly string[] | null = null;
  let qpv: string | null = null;
  if (code !== undefined) {
    const scope = territoryScope(code);
    if (!scope) {
      throw new BadUserInputError(
        `"${field}": ${JSON.stringify(code)} is not a territory of the official geography.`,
        field,
      );
    }
    // A QPV is matched on its own code, anything else on its communes.
    if (scope.qpv === null) communes = scope.communes;
    else qpv = scope.qpv;
  }
  return {
    communes,
    qpv,
    landlordId: subject.kind === 'LANDLORD' ? subject.id : null,
    holderId: subject.kind === 'RESERVATION_HOLDER' ? subject.id : null,
  };
}
