import type { AttributionEntity } from '../attribution/attribution.entity';
import type { VacancyTransitionEntity } from './vacancy-transition.entity';
import type { VacancyEntity } from './vacancy.entity';
import type { Attribution, AttributionHousehold, Vacancy, VacancyTransition } from './vacancy.type';

/** The public shape of a stored vacancy. */
export const toVacancy = (row: VacancyEntity): Vacancy => ({
  id: row.id,
  dwellingId: row.dwellingId,
  status: row.status,
  vacatedOn: row.vacatedOn,
  reservationHolderId: row.reservationHolderId,
  origin: row.origin,
  version: row.version,
});

export const toVacancyTransition = (row: VacancyTransitionEntity): VacancyTransition => ({
  status: row.status,
  occurredOn: row.occurredOn,
  reservationHolderId: row.reservationHolderId,
  note: row.note,
  vacancyId: row.vacancyId,
});

/** The signed lease of a vacancy; who reads its tenant and household is the field policy's (`policy.ts`). */
export const toAttribution = (row: AttributionEntity): Attribution => ({
  id: row.id,
  vacancyId: row.vacancyId,
  reservationHolderId: row.reservationHolderId,
  demand: { id: row.demandId },
  leaseSignedOn: row.leaseSignedOn,
  inQpv: row.inQpv,
  household: toAttributionHousehold(row),
});

/** The household at signature; null for a lease recorded before it was (none since version 2). */
export function toAttributionHousehold(row: AttributionEntity): AttributionHousehold | null {
  if (row.memberCount === null || row.priority === null) return null;
  return {
    memberCount: row.memberCount,
    consumptionUnits: row.consumptionUnits!,
    annualResources: row.annualResources!,
    resourcesPerConsumptionUnit: row.resourcesPerUnit!,
    firstQuartileThreshold: row.quartileThreshold,
    firstQuartile: row.firstQuartile,
    priority: row.priority,
    urbanRenewalRehousing: row.urbanRenewalRehousing,
  };
}
