import { registerEnumType } from 'type-graphql';

/** The kinds of bodies of the local housing policy (DOMAIN.md §5). */
export enum BodyKind {
  CIL = 'CIL',
  COORDINATION = 'COORDINATION',
  CAL = 'CAL',
  CTT = 'CTT',
  CRIB = 'CRIB',
  URBAN_RENEWAL_GROUP = 'URBAN_RENEWAL_GROUP',
  SETTLEMENT_MONITORING_GROUP = 'SETTLEMENT_MONITORING_GROUP',
  DALO_COMMISSION = 'DALO_COMMISSION',
  CCAPEX = 'CCAPEX',
  SIAO_COMMISSION = 'SIAO_COMMISSION',
}
registerEnumType(BodyKind, {
  name: 'BodyKind',
  description: 'The kind of a governance body, by its French name, with a short gloss.',
  valuesConfig: {
    CIL: {
      description:
        "Conférence intercommunale du logement: the EPCI's housing conference, co-chaired by the préfet and the EPCI president; adopts the allocation policy, the intercommunal allocation convention and the demand-management plan (CCH L441-1-5).",
    },
    COORDINATION: {
      description:
        'Commission de coordination of the intercommunal allocation convention: co-piloted by the EPCI, the State and the landlords; examines priority and blocked cases, about every 6 months; its recommendations bind the CALs.',
    },
    CAL: {
      description:
        "Commission d'attribution des logements et d'examen de l'occupation des logements (CAL / CALEOL): a landlord's allocation commission, deciding for each candidate (CCH R441-3).",
    },
    CTT: {
      description: 'Comité technique territorial: technical committee for the priority first access of households.',
    },
    CRIB: {
      description:
        'Comité de relogement inter-bailleurs: inter-landlord rehousing committee for priority cases and blocked transfers.',
    },
    URBAN_RENEWAL_GROUP: {
      description: 'Groupe technique de relogement (GTRM / GTR): rehousing of households of urban-renewal operations.',
    },
    SETTLEMENT_MONITORING_GROUP: {
      description: 'Groupe de suivi du peuplement (GSP): monitors the social mix of allocations, district by district.',
    },
    DALO_COMMISSION: {
      description:
        'Commission de médiation DALO (droit au logement opposable): recognises households as priority and urgent to rehouse.',
    },
    CCAPEX: {
      description:
        "Commission de coordination des actions de prévention des expulsions locatives: the département's eviction-prevention commission.",
    },
    SIAO_COMMISSION: {
      description:
        "Commission d'orientation of the SIAO (integrated reception and orientation service): orients households towards shelter or supported housing.",
    },
  },
});

/** Whether a member votes or only gives an opinion. */
export enum BodyMemberRole {
  VOTING = 'VOTING',
  CONSULTATIVE = 'CONSULTATIVE',
}
registerEnumType(BodyMemberRole, {
  name: 'BodyMemberRole',
  description: 'Whether a member of a body votes or only gives an opinion.',
  valuesConfig: {
    VOTING: { description: 'Voting member (voix délibérative), e.g. the préfet or the mayor in a CAL.' },
    CONSULTATIVE: {
      description: 'Consultative member (voix consultative), e.g. a reservation holder in a CAL for its dwellings.',
    },
  },
});

/** The three colleges of a CIL (CCH L441-1-5). */
export enum College {
  LOCAL_AUTHORITIES = 'LOCAL_AUTHORITIES',
  HOUSING_PROFESSIONALS = 'HOUSING_PROFESSIONALS',
  USERS_AND_ASSOCIATIONS = 'USERS_AND_ASSOCIATIONS',
}
registerEnumType(College, {
  name: 'College',
  description: 'The college a member sits in, in a CIL (CCH L441-1-5): three colleges.',
  valuesConfig: {
    LOCAL_AUTHORITIES: { description: 'Representatives of the communes and local authorities.' },
    HOUSING_PROFESSIONALS: {
      description: 'Professionals of housing: landlords, reservation holders, Action Logement, the State’s services.',
    },
    USERS_AND_ASSOCIATIONS: {
      description: 'Users and associations: tenants’ associations, integration and housing associations.',
    },
  },
});
