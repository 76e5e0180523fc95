import type { DemandEntity } from './demand.entity';
import type { Demand } from './demand.type';

/** The public shape of a stored demand. */
export function toDemand(row: DemandEntity): Demand {
  return {
    id: row.id,
    nur: row.nur,
    departement: row.departement,
    status: row.status,
    radiationMotive: row.radiationMotive,
    kind: row.kind,
    filingDate: row.filingDate,
    validUntil: row.validUntil,
    applicant: {
      givenName: row.applicantGivenName,
      familyName: row.applicantFamilyName,
      birthDate: row.applicantBirthDate,
    },
    household: {
      size: row.adults + row.children,
      adults: row.adults,
      children: row.children,
      singleParent: row.singleParent,
    },
    resources: { annualTaxableIncome: row.annualTaxableIncome, monthlyIncome: row.monthlyIncome },
    wishedCommunes: row.wishedCommunes,
    wishedTypologies: row.wishedTypologies,
    currentHousing: row.currentHousing,
    currentLandlordSiren: row.currentLandlordSiren,
    priorityLabels: row.priorityLabels,
  };
}
