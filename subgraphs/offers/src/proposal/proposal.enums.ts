import { registerEnumType } from 'type-graphql';

/** How far a candidacy went (ARCHITECTURE.md: a "proposal", seen from the demand's side). */
export enum ProposalOutcome {
  DESIGNATED = 'DESIGNATED',
  EXAMINED_IN_CAL = 'EXAMINED_IN_CAL',
  OFFER_NOTIFIED = 'OFFER_NOTIFIED',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
  LEASE_SIGNED = 'LEASE_SIGNED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ProposalOutcome, {
  name: 'ProposalOutcome',
  description: 'The outcome so far of a candidacy of a household for a vacancy.',
  valuesConfig: {
    DESIGNATED: {
      description: 'Designated as a candidate by the reservation holder (or the landlord); not yet examined.',
    },
    EXAMINED_IN_CAL: {
      description:
        "Examined by the landlord's allocation commission (CAL); its decision (one of the five of CCH R441-3) is a governance `CalDecision`.",
    },
    OFFER_NOTIFIED: {
      description:
        'The landlord notified the offer: the applicant has 10 days to answer (CCH R441-10); silence is a refusal.',
    },
    ACCEPTED: { description: 'The applicant accepted the offer; the lease is to be signed.' },
    REFUSED: {
      description: 'The applicant refused the offer, or did not answer within the 10 days; `refusalMotive` says why.',
    },
    LEASE_SIGNED: { description: 'The household signed the lease: the vacancy is attributed to it.' },
    WITHDRAWN: {
      description: 'The candidacy was withdrawn before an offer (the demand was radiated or satisfied elsewhere).',
    },
  },
});

/** Why an applicant refused an offer (CCH R441-10: silence within the 10 days counts as a refusal). */
export enum OfferRefusalMotive {
  RENT_TOO_HIGH = 'RENT_TOO_HIGH',
  LOCATION = 'LOCATION',
  TOO_FAR_FROM_WORK = 'TOO_FAR_FROM_WORK',
  SIZE = 'SIZE',
  FLOOR_OR_ACCESSIBILITY = 'FLOOR_OR_ACCESSIBILITY',
  CONDITION = 'CONDITION',
  PERSONAL_CHANGE = 'PERSONAL_CHANGE',
  NO_ANSWER = 'NO_ANSWER',
  OTHER = 'OTHER',
}
registerEnumType(OfferRefusalMotive, {
  name: 'OfferRefusalMotive',
  description:
    'Why an applicant refused an offer, as the landlord records it. Refusals feed the refusal-rate indicators; a refusal deemed illegitimate may cost a DALO household its priority.',
  valuesConfig: {
    RENT_TOO_HIGH: { description: 'The rent and charges are too high for the household (taux d’effort).' },
    LOCATION: { description: 'The neighbourhood or commune does not suit the household.' },
    TOO_FAR_FROM_WORK: { description: 'The dwelling is too far from work, school or care.' },
    SIZE: { description: 'The dwelling is too small or too large for the household.' },
    FLOOR_OR_ACCESSIBILITY: { description: 'Floor without a lift, or not accessible to a person of the household.' },
    CONDITION: { description: 'The condition of the dwelling or the building.' },
    PERSONAL_CHANGE: { description: 'The household’s situation changed (housed elsewhere, moved away…).' },
    NO_ANSWER: {
      description:
        'No answer within the 10 days of CCH R441-10: silence is a refusal (recorded by the scheduled job or by the landlord).',
    },
    OTHER: { description: 'Another motive, said in the refusal’s words.' },
  },
});
