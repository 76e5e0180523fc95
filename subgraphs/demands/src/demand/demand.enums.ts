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

/** The role of a person in the household (CERFA 14069, décret 2017-917 art. 3 a and d). */
export enum PersonRole {
  APPLICANT = 'APPLICANT',
  CO_APPLICANT = 'CO_APPLICANT',
  OTHER_ADULT = 'OTHER_ADULT',
  DEPENDANT = 'DEPENDANT',
}
registerEnumType(PersonRole, {
  name: 'PersonRole',
  description: 'The role of a person to be housed, as the CERFA 14069 form lists them.',
  valuesConfig: {
    APPLICANT: { description: 'The applicant (demandeur): exactly one per demand, listed first.' },
    CO_APPLICANT: { description: 'Spouse, civil partner or future co-tenant (co-demandeur).' },
    OTHER_ADULT: { description: 'Another adult to be housed who is not a co-tenant.' },
    DEPENDANT: { description: 'A dependant (personne à charge), usually a child.' },
  },
});

/** Family situation of the applicant (CERFA 14069, rubric "situation familiale"). */
export enum FamilySituation {
  SINGLE = 'SINGLE',
  MARRIED = 'MARRIED',
  CIVIL_PARTNERSHIP = 'CIVIL_PARTNERSHIP',
  COHABITING = 'COHABITING',
  SEPARATED = 'SEPARATED',
  DIVORCED = 'DIVORCED',
  WIDOWED = 'WIDOWED',
}
registerEnumType(FamilySituation, {
  name: 'FamilySituation',
  description: "The applicant's family situation (CERFA 14069).",
  valuesConfig: {
    SINGLE: { description: 'Single (célibataire).' },
    MARRIED: { description: 'Married.' },
    CIVIL_PARTNERSHIP: { description: 'In a civil partnership (PACS).' },
    COHABITING: { description: 'Living together without marriage or PACS (concubinage).' },
    SEPARATED: { description: 'Separated, divorce or dissolution pending.' },
    DIVORCED: { description: 'Divorced or PACS dissolved.' },
    WIDOWED: { description: 'Widowed.' },
  },
});

/** Professional situation of a person (CERFA 14069, rubric "situation professionnelle"). */
export enum ProfessionalSituation {
  PERMANENT_EMPLOYEE = 'PERMANENT_EMPLOYEE',
  FIXED_TERM_EMPLOYEE = 'FIXED_TERM_EMPLOYEE',
  TEMPORARY_WORKER = 'TEMPORARY_WORKER',
  APPRENTICE = 'APPRENTICE',
  CIVIL_SERVANT = 'CIVIL_SERVANT',
  SELF_EMPLOYED = 'SELF_EMPLOYED',
  JOB_SEEKER = 'JOB_SEEKER',
  STUDENT = 'STUDENT',
  RETIRED = 'RETIRED',
  UNABLE_TO_WORK = 'UNABLE_TO_WORK',
  OTHER = 'OTHER',
}
registerEnumType(ProfessionalSituation, {
  name: 'ProfessionalSituation',
  description: "A person's professional situation (CERFA 14069).",
  valuesConfig: {
    PERMANENT_EMPLOYEE: { description: 'Employee on a permanent contract (CDI).' },
    FIXED_TERM_EMPLOYEE: { description: 'Employee on a fixed-term contract (CDD).' },
    TEMPORARY_WORKER: { description: 'Temporary agency worker (intérim).' },
    APPRENTICE: { description: 'Apprentice or trainee under contract.' },
    CIVIL_SERVANT: { description: 'Civil servant (fonctionnaire), tenured or trainee.' },
    SELF_EMPLOYED: { description: 'Self-employed, craftsman, trader or liberal profession.' },
    JOB_SEEKER: { description: 'Registered job seeker.' },
    STUDENT: { description: 'Student or pupil.' },
    RETIRED: { description: 'Retired.' },
    UNABLE_TO_WORK: { description: 'Unable to work (disability, invalidity).' },
    OTHER: { description: 'Any other situation (without activity, parental leave…).' },
  },
});

/** Reasons for the demand (CERFA 14069, rubric "motifs de la demande"). */
export enum DemandMotive {
  WITHOUT_HOUSING = 'WITHOUT_HOUSING',
  HOSTED = 'HOSTED',
  TEMPORARY_HOUSING = 'TEMPORARY_HOUSING',
  UNFIT_HOUSING = 'UNFIT_HOUSING',
  EVICTION_PROCEDURE = 'EVICTION_PROCEDURE',
  DEMOLITION = 'DEMOLITION',
  TOO_SMALL = 'TOO_SMALL',
  TOO_LARGE = 'TOO_LARGE',
  TOO_EXPENSIVE = 'TOO_EXPENSIVE',
  UNSUITED_TO_DISABILITY = 'UNSUITED_TO_DISABILITY',
  DOMESTIC_VIOLENCE = 'DOMESTIC_VIOLENCE',
  SEPARATION = 'SEPARATION',
  FAMILY_REASONS = 'FAMILY_REASONS',
  CLOSER_TO_WORK = 'CLOSER_TO_WORK',
  NEIGHBOURHOOD_PROBLEMS = 'NEIGHBOURHOOD_PROBLEMS',
  OTHER = 'OTHER',
}
registerEnumType(DemandMotive, {
  name: 'DemandMotive',
  description: 'A reason for the demand (CERFA 14069, "motifs de la demande"); a demand gives one or several.',
  valuesConfig: {
    WITHOUT_HOUSING: { description: 'Without housing or in a makeshift shelter.' },
    HOSTED: { description: 'Hosted by family or friends.' },
    TEMPORARY_HOUSING: { description: 'In a shelter, hotel, residence or other temporary housing.' },
    UNFIT_HOUSING: { description: 'Current housing unfit, indecent or unhealthy.' },
    EVICTION_PROCEDURE: { description: 'Eviction procedure under way (procédure d’expulsion).' },
    DEMOLITION: { description: 'Current dwelling to be demolished (urban renewal).' },
    TOO_SMALL: { description: 'Current dwelling too small.' },
    TOO_LARGE: { description: 'Current dwelling too large.' },
    TOO_EXPENSIVE: { description: 'Current housing costs too high.' },
    UNSUITED_TO_DISABILITY: { description: 'Current dwelling unsuited to a disability or loss of autonomy.' },
    DOMESTIC_VIOLENCE: { description: 'Violence within the family or couple. Sensitive.' },
    SEPARATION: { description: 'Divorce or separation.' },
    FAMILY_REASONS: { description: 'Other family reasons (marriage, birth, moving closer to family).' },
    CLOSER_TO_WORK: { description: 'Moving closer to work or for a new job.' },
    NEIGHBOURHOOD_PROBLEMS: { description: 'Problems with the neighbourhood or the environment.' },
    OTHER: { description: 'Any other reason.' },
  },
});

/** Adaptations a disability requires (complément handicap of the CERFA form). */
export enum Adaptation {
  WHEELCHAIR_ACCESSIBLE = 'WHEELCHAIR_ACCESSIBLE',
  GROUND_FLOOR_OR_LIFT = 'GROUND_FLOOR_OR_LIFT',
  ADAPTED_BATHROOM = 'ADAPTED_BATHROOM',
  ADAPTED_KITCHEN = 'ADAPTED_KITCHEN',
  NEAR_PARKING = 'NEAR_PARKING',
  SENSORY_EQUIPMENT = 'SENSORY_EQUIPMENT',
  OTHER = 'OTHER',
}
registerEnumType(Adaptation, {
  name: 'Adaptation',
  description: 'An adaptation of the dwelling needed because of a disability (CERFA 14069, complément handicap).',
  valuesConfig: {
    WHEELCHAIR_ACCESSIBLE: { description: 'Accessible to a wheelchair user throughout.' },
    GROUND_FLOOR_OR_LIFT: { description: 'On the ground floor or served by a lift.' },
    ADAPTED_BATHROOM: { description: 'Walk-in shower, grab bars, adapted toilet.' },
    ADAPTED_KITCHEN: { description: 'Kitchen usable from a seated position.' },
    NEAR_PARKING: { description: 'A parking space close to the entrance.' },
    SENSORY_EQUIPMENT: { description: 'Equipment for a visual or hearing impairment.' },
    OTHER: { description: 'Another adaptation, described in `disability.detail`.' },
  },
});

/** The blocked or complex transfer criteria of the Lille demand-management plan. */
export enum TransferDifficulty {
  UNDER_OCCUPATION = 'UNDER_OCCUPATION',
  INSOLVENCY = 'INSOLVENCY',
  HEALTH_OR_DISABILITY_MISMATCH = 'HEALTH_OR_DISABILITY_MISMATCH',
  DANGEROUS_ENVIRONMENT = 'DANGEROUS_ENVIRONMENT',
  LONG_WAIT_WITHOUT_OFFER = 'LONG_WAIT_WITHOUT_OFFER',
  DOMESTIC_VIOLENCE = 'DOMESTIC_VIOLENCE',
  MANIFEST_OVER_OCCUPATION = 'MANIFEST_OVER_OCCUPATION',
}
registerEnumType(TransferDifficulty, {
  name: 'TransferDifficulty',
  description:
    'A criterion of blocked or complex transfer (mutation bloquée ou complexe) in the Lille demand-management plan: such transfers get inter-landlord follow-up (CRIB).',
  valuesConfig: {
    UNDER_OCCUPATION: { description: 'The household under-occupies its current dwelling.' },
    INSOLVENCY: { description: 'The household can no longer pay its current rent.' },
    HEALTH_OR_DISABILITY_MISMATCH: { description: 'The dwelling no longer suits a health condition or disability.' },
    DANGEROUS_ENVIRONMENT: { description: 'The household is in danger in its current environment.' },
    LONG_WAIT_WITHOUT_OFFER: { description: 'Waiting more than five years with no suitable offer.' },
    DOMESTIC_VIOLENCE: { description: 'Domestic violence. Sensitive.' },
    MANIFEST_OVER_OCCUPATION: { description: 'The current dwelling is manifestly over-occupied.' },
  },
});

/** The two only grounds on which a CAL may reject a demand as ineligible (CCH R441-3 e). */
export enum IneligibilityGround {
  RESOURCES_OVER_CEILING = 'RESOURCES_OVER_CEILING',
  IRREGULAR_STAY = 'IRREGULAR_STAY',
}
registerEnumType(IneligibilityGround, {
  name: 'IneligibilityGround',
  description: 'Why a CAL rejected a demand as ineligible (irrecevabilité): only these two grounds exist (CCH R441-3).',
  valuesConfig: {
    RESOURCES_OVER_CEILING: {
      description: "The household's resources exceed the ceiling of the dwelling's financing.",
    },
    IRREGULAR_STAY: { description: 'The applicant does not stay regularly in France (CCH R441-1).' },
  },
});
