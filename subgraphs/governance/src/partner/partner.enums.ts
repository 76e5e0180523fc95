import { registerEnumType } from 'type-graphql';

/** The legal roles a partner can hold (the identity contract's `kind`). */
export enum PartnerKind {
  STATE = 'STATE',
  EPCI = 'EPCI',
  LANDLORD = 'LANDLORD',
  RESERVATION_HOLDER = 'RESERVATION_HOLDER',
  ASSOCIATION = 'ASSOCIATION',
  ANALYST = 'ANALYST',
  AUDITOR = 'AUDITOR',
}
registerEnumType(PartnerKind, {
  name: 'PartnerKind',
  description:
    "A partner's legal role in the housing policy; it decides what the partner may read, on its territories.",
  valuesConfig: {
    STATE: {
      description:
        "The State's services (préfecture, DDETS): priority labels (DALO, PDALHPD) and the préfet's contingent.",
    },
    EPCI: {
      description:
        'The intercommunal authority (e.g. a métropole): the intercommunal allocation policy, the CIL, the cotation grid and its contingent.',
    },
    LANDLORD: {
      description: "A social landlord (OPH, SA d'HLM): dwellings, vacancies, its CAL and its decisions, leases.",
    },
    RESERVATION_HOLDER: {
      description:
        'A reservation holder (réservataire: Action Logement, a commune): its flux agreement and the candidates it designates.',
    },
    ASSOCIATION: {
      description:
        'An association (SIAO, accompaniment operator): measures, social diagnostics and referrals of the households it accompanies.',
    },
    ANALYST: { description: 'A data team (e.g. an observatory): aggregates and pseudonymised data only.' },
    AUDITOR: { description: 'The data-protection officer: the access log.' },
  },
});
