import { registerEnumType } from 'type-graphql';

/** Where a vacancy stands in its lifecycle (DOMAIN.md §3), in order. */
export enum VacancyStatus {
  VACATED = 'VACATED',
  ORIENTED = 'ORIENTED',
  CANDIDATES_DESIGNATED = 'CANDIDATES_DESIGNATED',
  EXAMINED_IN_CAL = 'EXAMINED_IN_CAL',
  OFFER_NOTIFIED = 'OFFER_NOTIFIED',
  LEASE_SIGNED = 'LEASE_SIGNED',
  RETURNED = 'RETURNED',
}
registerEnumType(VacancyStatus, {
  name: 'VacancyStatus',
  description:
    'Where a vacancy stands in its lifecycle: vacated → oriented → candidates designated → examined in CAL → offer notified → lease signed, or returned.',
  valuesConfig: {
    VACATED: {
      description:
        'The dwelling was freed (or delivered) and is to be let again; it counts in the annual flux (décret 2020-145). The landlord has not yet oriented it.',
    },
    ORIENTED: {
      description:
        'The landlord oriented the vacancy to a reservation holder under their flux agreement; that holder is to designate candidates.',
    },
    CANDIDATES_DESIGNATED: {
      description:
        'The reservation holder designated its candidates: at least three per dwelling (CCH R441-3), except a DALO household designated alone by the préfet or when candidates are too few.',
    },
    EXAMINED_IN_CAL: {
      description:
        "The landlord's allocation commission (CAL, commission d'attribution des logements et d'examen de l'occupation des logements) examined the candidates and took one of the five decisions of CCH R441-3 for each.",
    },
    OFFER_NOTIFIED: {
      description:
        'The landlord notified the offer to an attributed candidate, who has 10 days to answer (CCH R441-10); silence is a refusal, and the offer then goes to the next ranked candidate.',
    },
    LEASE_SIGNED: {
      description:
        "A candidate signed the lease: the attribution is made (see `attribution`) and the household's demand is radiated.",
    },
    RETURNED: {
      description:
        'No designated candidate took the dwelling (all refused, none attributed): the vacancy went back to the landlord for this turn (remise à disposition), who lets it outside the contingent.',
    },
  },
});
