import { registerEnumType } from 'type-graphql';

/** Where a demand stands in the register. */
export enum DemandStatus {
  ACTIVE = 'ACTIVE',
  RADIATED = 'RADIATED',
}
registerEnumType(DemandStatus, {
  name: 'DemandStatus',
  description: 'Where a demand stands in the register.',
  valuesConfig: {
    ACTIVE: {
      description: 'Valid and waiting: filed or renewed less than a year ago (or within the renewal grace period).',
    },
    RADIATED: { description: 'Removed from the register (radiation); `radiationMotive` says why.' },
  },
});

/** The closed list of radiation motives (arrêté of 23 March 2015, annex; CCH R441-2-8). */
export enum RadiationMotive {
  NON_RENEWAL = 'NON_RENEWAL',
  LEASE_SIGNED = 'LEASE_SIGNED',
  RENUNCIATION = 'RENUNCIATION',
  INELIGIBILITY = 'INELIGIBILITY',
  NO_ANSWER = 'NO_ANSWER',
}
registerEnumType(RadiationMotive, {
  name: 'RadiationMotive',
  description: 'Why a demand was radiated: the closed legal list (CCH R441-2-8).',
  valuesConfig: {
    NON_RENEWAL: {
      description:
        'Not renewed: radiated 13 months after filing or last renewal; reactivable until 18 months, keeping seniority.',
    },
    LEASE_SIGNED: { description: 'The household signed a lease for a social dwelling (attribution satisfied).' },
    RENUNCIATION: { description: 'The applicant renounced in writing.' },
    INELIGIBILITY: {
      description: 'Ineligible, as pronounced by a CAL (resources over ceiling or irregular stay only).',
    },
    NO_ANSWER: { description: 'No answer to a letter: radiated 2 months after the warning; reactivable for 5 months.' },
  },
});

/** First access to social housing, or a transfer (mutation) of a current social tenant. */
export enum DemandKind {
  FIRST_ACCESS = 'FIRST_ACCESS',
  TRANSFER = 'TRANSFER',
}
registerEnumType(DemandKind, {
  name: 'DemandKind',
  description: 'First access to social housing, or transfer (mutation) of a household already renting social housing.',
  valuesConfig: {
    FIRST_ACCESS: { description: 'The household does not rent social housing today.' },
    TRANSFER: {
      description:
        'A current social tenant asks for another dwelling (mutation); `currentLandlordSiren` names its landlord.',
    },
  },
});

/** The applicant's housing today (CERFA 14069 rubric "logement actuel"). */
export enum HousingSituation {
  HOMELESS = 'HOMELESS',
  SHELTER = 'SHELTER',
  HOSTED_BY_THIRD_PARTY = 'HOSTED_BY_THIRD_PARTY',
  PRIVATE_TENANT = 'PRIVATE_TENANT',
  SOCIAL_TENANT = 'SOCIAL_TENANT',
  HOMEOWNER = 'HOMEOWNER',
  OTHER = 'OTHER',
}
registerEnumType(HousingSituation, {
  name: 'HousingSituation',
  description: "The applicant's housing at filing or last update (CERFA 14069, current housing).",
  valuesConfig: {
    HOMELESS: { description: 'Without housing (street, car, squat).' },
    SHELTER: {
      description:
        'In an emergency or integration shelter, hotel paid by a social service, or a residence with support.',
    },
    HOSTED_BY_THIRD_PARTY: { description: 'Hosted by family or friends.' },
    PRIVATE_TENANT: { description: 'Tenant of a private landlord.' },
    SOCIAL_TENANT: { description: 'Tenant of a social landlord (the demand is then a transfer).' },
    HOMEOWNER: { description: 'Owner-occupier.' },
    OTHER: { description: 'Any other situation (lodging, caravan, furnished room…).' },
  },
});

/** Priority labels recognised for a household. */
export enum PriorityLabel {
  DALO = 'DALO',
  PDALHPD = 'PDALHPD',
  ACCORD_COLLECTIF = 'ACCORD_COLLECTIF',
  L441_1 = 'L441_1',
}
registerEnumType(PriorityLabel, {
  name: 'PriorityLabel',
  description: 'A priority recognised for the household; DALO households come first.',
  valuesConfig: {
    DALO: {
      description: 'Droit au logement opposable: recognised priority and urgent by the DALO mediation commission.',
    },
    PDALHPD: { description: "Priority under the département's plan for housing the most deprived (PDALHPD)." },
    ACCORD_COLLECTIF: { description: 'One of the situations of the intercommunal accord collectif (13 in Lille).' },
    L441_1: {
      description: 'A priority public of CCH L441-1 (disability, unfit housing, shelter, violence, eviction…).',
    },
  },
});
