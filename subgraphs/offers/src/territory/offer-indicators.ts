import type { CalendarDate } from '@passerelle/shared/dates';
import { VacancyStatus } from '../vacancy/vacancy.enums';
import type { OfferIndicators } from './offer-indicators.type';

/** What the indicator query counts for one territory and reference day. */
export interface OfferIndicatorCounts {
  /** Vacancies by their status on the reference day; statuses with none may be absent. */
  byStatus: Partial<Record<VacancyStatus, number>>;
  attributions: number;
  attributionsOutsideQpv: number;
}

/** Statuses that close a vacancy: it is no longer to be let. */
const CLOSED: ReadonlySet<VacancyStatus> = new Set([VacancyStatus.LEASE_SIGNED, VacancyStatus.RETURNED]);

/** Turns the counts into the published indicators: every status listed, open vacancies, the outside-QPV share. */
export function toOfferIndicators(asOf: CalendarDate, counts: OfferIndicatorCounts): OfferIndicators {
  const vacanciesByStatus = Object.values(VacancyStatus).map((status) => ({
    status,
    count: counts.byStatus[status] ?? 0,
  }));
  return {
    asOf,
    vacanciesByStatus,
    vacanciesOpen: vacanciesByStatus.filter(({ status }) => !CLOSED.has(status)).reduce((sum, s) => sum + s.count, 0),
    attributionsThisYear: counts.attributions,
    attributionsOutsideQpvThisYear: counts.attributionsOutsideQpv,
    shareOutsideQpv: counts.attributions === 0 ? null : counts.attributionsOutsideQpv / counts.attributions,
  };
}
