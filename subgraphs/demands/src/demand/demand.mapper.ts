import type { CalendarDate } from '@passerelle/shared/dates';
import { reactivableUntil, waitMonths } from '../lifecycle/lifecycle.rules';
import { ageOn } from '../registration/registration.rules';
import type { DemandEntity, StoredPerson } from './demand.entity';
import type { Demand, Person } from './demand.type';

/**
 * The public shape of a stored demand, as of `today` (ages, wait and DAL status depend on it).
 * Only demands not yet purged are ever read (see the repository), so NUR and applicant exist.
 */
export function toDemand(row: DemandEntity, today: CalendarDate): Demand {
  const applicant = row.persons[0]!;
  return {
    id: row.id,
    nur: row.nur!,
    version: row.version,
    registeredBy: row.registeredBy,
    departement: row.departement,
    status: row.status,
    radiationMotive: row.radiationMotive,
    radiatedOn: row.radiatedOn,
    reactivableUntil: reactivableUntil(row),
    kind: row.kind,
    filingDate: row.filingDate,
    validUntil: row.validUntil,
    applicant: { givenName: applicant.givenName, familyName: applicant.familyName, birthDate: applicant.birthDate },
    persons: row.persons.map((person) => toPerson(person, today)),
    household: {
      size: row.adults + row.children,
      adults: row.adults,
      children: row.children,
      singleParent: row.singleParent,
    },
    resources: { annualTaxableIncome: row.annualTaxableIncome, monthlyIncome: row.monthlyIncome },
    familySituation: row.familySituation,
    contact: row.contact,
    motives: row.motives,
    disability:
      row.disabilityAdaptations.length || row.disabilityDetail
        ? { adaptations: row.disabilityAdaptations, detail: row.disabilityDetail, demandId: row.id }
        : null,
    assistedBy: row.assistedBy,
    employerSiret: row.employerSiret,
    wishedCommunes: row.wishedCommunes,
    wishedTypologies: row.wishedTypologies,
    currentHousing: row.currentHousing,
    currentLandlordSiren: row.currentLandlordSiren,
    transferDifficulties: row.transferDifficulties,
    priorityLabels: row.priorityLabels,
    priorities: row.priorities.map((priority) => ({ ...priority, demandId: row.id })),
    daloOfferDeadline: row.daloOfferDeadline,
    waitMonths: waitMonths(row.filingDate, today),
    dalDate: row.dalDate,
    dalExceeded: row.dalDate === null ? null : row.dalDate <= today,
    suspectedDuplicate: row.suspectedDuplicate,
  };
}

function toPerson(person: StoredPerson, today: CalendarDate): Person {
  return {
    role: person.role,
    givenName: person.givenName,
    familyName: person.familyName,
    birthDate: person.birthDate,
    age: ageOn(person.birthDate, today),
    relationship: person.relationship ?? null,
    professionalSituation: person.professionalSituation ?? null,
    annualTaxableIncome: person.annualTaxableIncome,
    monthlyIncome: person.monthlyIncome,
  };
}
