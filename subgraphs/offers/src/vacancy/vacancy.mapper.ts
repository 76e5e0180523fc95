import type { DwellingEntity } from '../dwelling/dwelling.entity';
import type { VacancyTransitionEntity } from './vacancy-transition.entity';
import type { VacancyEntity } from './vacancy.entity';
import type { Attribution, Vacancy, VacancyTransition } from './vacancy.type';

/** The public shape of a stored vacancy. */
export const toVacancy = (row: VacancyEntity): Vacancy => ({
  id: row.id,
  dwellingId: row.dwellingId,
  status: row.status,
  vacatedOn: row.vacatedOn,
  reservationHolderId: row.reservationHolderId,
  tenantDemandId: row.tenantDemandId,
  leaseSignedOn: row.leaseSignedOn,
});

export const toVacancyTransition = (row: VacancyTransitionEntity): VacancyTransition => ({
  status: row.status,
  occurredOn: row.occurredOn,
});

/**
 * The signed lease of a vacancy, or null while none is signed. The tenant's demand is shown only
 * when `showsHousehold` (the household-link policy, decided by the caller).
 */
export function toAttribution(vacancy: Vacancy, dwelling: DwellingEntity, showsHousehold: boolean): Attribution | null {
  if (vacancy.tenantDemandId === null || vacancy.leaseSignedOn === null) return null;
  return {
    demand: showsHousehold ? { id: vacancy.tenantDemandId } : null,
    leaseSignedOn: vacancy.leaseSignedOn,
    inQpv: dwelling.qpv !== null,
  };
}
