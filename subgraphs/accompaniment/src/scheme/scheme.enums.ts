import { registerEnumType } from 'type-graphql';

/** The accompaniment schemes of the catalogue: one row per code (DOMAIN.md §4). */
export enum SchemeCode {
  AVDL = 'AVDL',
  ASLL = 'ASLL',
  FSL_ACCESS = 'FSL_ACCESS',
  FSL_MAINTENANCE = 'FSL_MAINTENANCE',
  IML_SUBLETTING = 'IML_SUBLETTING',
  IML_MANAGEMENT_MANDATE = 'IML_MANAGEMENT_MANDATE',
  MOUS = 'MOUS',
  CLLAJ = 'CLLAJ',
  UN_CHEZ_SOI_D_ABORD = 'UN_CHEZ_SOI_D_ABORD',
  LOGEMENT_ACCOMPAGNE = 'LOGEMENT_ACCOMPAGNE',
}
registerEnumType(SchemeCode, {
  name: 'SchemeCode',
  description: 'Code of an accompaniment scheme (dispositif d’accompagnement) of the catalogue.',
  valuesConfig: {
    AVDL: {
      description:
        'Accompagnement vers et dans le logement: social support towards and into housing, financed by the FNAVDL; prescribed only by bodies (DALO commission, State services, landlords, SIAO…); diagnostic first.',
    },
    ASLL: {
      description:
        "Accompagnement social lié au logement: social support to access or keep a dwelling, financed by the département's housing solidarity fund (FSL).",
    },
    FSL_ACCESS: {
      description:
        "FSL access aid: the département's housing solidarity fund pays a deposit, first rent, insurance or moving costs to enter a dwelling.",
    },
    FSL_MAINTENANCE: {
      description:
        "FSL maintenance aid: the département's housing solidarity fund helps a household stay in its dwelling (rent arrears, energy and water bills).",
    },
    IML_SUBLETTING: {
      description:
        'Intermédiation locative by sub-letting (location / sous-location): an association rents a private dwelling and sub-lets it to the household, with support, until the lease can pass to it (bail glissant).',
    },
    IML_MANAGEMENT_MANDATE: {
      description:
        'Intermédiation locative by management mandate (mandat de gestion): a social letting agency (AIVS) manages a private dwelling let directly to the household, with support.',
    },
    MOUS: {
      description:
        'Maîtrise d’œuvre urbaine et sociale: a project-based social engineering mission commissioned by a local authority (e.g. rehousing for an urban-renewal operation).',
    },
    CLLAJ: {
      description:
        'Comité local pour le logement autonome des jeunes: information and support towards independent housing for young people (18–30).',
    },
    UN_CHEZ_SOI_D_ABORD: {
      description:
        'Un chez-soi d’abord: housing first for homeless adults with severe mental illness, with an intensive pluridisciplinary team (décret n° 2016-1940).',
    },
    LOGEMENT_ACCOMPAGNE: {
      description:
        'Logement accompagné: housing with support on site (pensions de famille, résidences sociales, foyers), reached through the SIAO.',
    },
  },
});

/** Who mainly finances a scheme. */
export enum SchemeFunder {
  FNAVDL = 'FNAVDL',
  FSL = 'FSL',
  STATE_BOP_177 = 'STATE_BOP_177',
  ARS = 'ARS',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
}
registerEnumType(SchemeFunder, {
  name: 'SchemeFunder',
  description: 'The main funder of an accompaniment scheme.',
  valuesConfig: {
    FNAVDL: {
      description:
        'Fonds national d’accompagnement vers et dans le logement, fed by the DALO penalties (astreintes) paid by the State, and by landlords and Action Logement.',
    },
    FSL: {
      description:
        "Fonds de solidarité pour le logement: the département's housing solidarity fund (loi Besson, 1990).",
    },
    STATE_BOP_177: {
      description:
        'The State budget programme 177 (hébergement, parcours vers le logement et insertion des personnes vulnérables).',
    },
    ARS: {
      description:
        'The regional health agency (agence régionale de santé), from health-insurance funds, with the State for the housing part.',
    },
    LOCAL_AUTHORITY: {
      description: 'The EPCI or commune commissioning the mission, often co-financed by the State or the CAF.',
    },
  },
});

/** Partner kinds that may prescribe a scheme: a subset of the identity contract's partner kinds. */
export enum SchemePrescriberKind {
  STATE = 'STATE',
  EPCI = 'EPCI',
  LANDLORD = 'LANDLORD',
  RESERVATION_HOLDER = 'RESERVATION_HOLDER',
  ASSOCIATION = 'ASSOCIATION',
}
registerEnumType(SchemePrescriberKind, {
  name: 'SchemePrescriberKind',
  description:
    'A kind of partner that may prescribe a scheme (same values as the partner kinds of the identity contract).',
  valuesConfig: {
    STATE: { description: 'State services: the préfecture / DDETS, including the DALO mediation commission.' },
    EPCI: { description: 'The intercommunal authority (EPCI) and its services.' },
    LANDLORD: { description: 'Social landlords (bailleurs sociaux), for their tenants or candidates.' },
    RESERVATION_HOLDER: {
      description: 'Reservation holders: Action Logement, communes and their social action centres (CCAS).',
    },
    ASSOCIATION: {
      description: 'Associations: the SIAO, shelters and accompaniment operators.',
    },
  },
});
