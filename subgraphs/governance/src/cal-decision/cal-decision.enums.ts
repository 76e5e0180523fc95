import { registerEnumType } from 'type-graphql';

/** The documented list of coded motives: non-attribution (R441-3 d) and ineligibility grounds (R441-3 e). */
export enum DecisionMotiveCode {
  UNSUITED_TO_HOUSEHOLD = 'UNSUITED_TO_HOUSEHOLD',
  EXCESSIVE_EFFORT_RATE = 'EXCESSIVE_EFFORT_RATE',
  TOO_FAR_FROM_WORK = 'TOO_FAR_FROM_WORK',
  BETTER_PLACED_CANDIDATE = 'BETTER_PLACED_CANDIDATE',
  OTHER = 'OTHER',
  RESOURCES_OVER_CEILING = 'RESOURCES_OVER_CEILING',
  IRREGULAR_STAY = 'IRREGULAR_STAY',
}
registerEnumType(DecisionMotiveCode, {
  name: 'DecisionMotiveCode',
  description:
    'The coded motive of a refusal by the CAL: for a non-attribution (R441-3 d), one of the first five; for ineligibility (R441-3 e), one of the two legal grounds only.',
  valuesConfig: {
    UNSUITED_TO_HOUSEHOLD: {
      description: 'Non-attribution: the dwelling does not suit the household’s size or needs.',
    },
    EXCESSIVE_EFFORT_RATE: {
      description: 'Non-attribution: the rent would weigh too heavily on the household (effort rate).',
    },
    TOO_FAR_FROM_WORK: { description: 'Non-attribution: the dwelling is too far from work or schools.' },
    BETTER_PLACED_CANDIDATE: {
      description: 'Non-attribution: another candidate was preferred under the allocation criteria.',
    },
    OTHER: { description: 'Non-attribution: another motive, stated in `motive`.' },
    RESOURCES_OVER_CEILING: { description: 'Ineligibility: resources over the ceiling of the dwelling’s financing.' },
    IRREGULAR_STAY: { description: 'Ineligibility: the applicant does not stay regularly in France.' },
  },
});

/** The candidate's answer to the offer that follows an attribution. */
export enum OfferAnswer {
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
}
registerEnumType(OfferAnswer, {
  name: 'OfferAnswer',
  description: 'The candidate’s answer to the landlord’s offer (10 days to answer; silence is a refusal, CCH R441-10).',
  valuesConfig: {
    ACCEPTED: { description: 'The candidate accepted: the lease follows.' },
    REFUSED: {
      description: 'The candidate refused or did not answer within 10 days; the offer passes to the next rank.',
    },
  },
});

/** Where the offer stands for one attribution of a dwelling. */
export enum OfferStatus {
  PENDING = 'PENDING',
  WAITING = 'WAITING',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
  NOT_REACHED = 'NOT_REACHED',
}
registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  description:
    'For an attribution, where the offer of the dwelling stands (CCH R441-3 b: a ranked candidate gets it when those before refuse).',
  valuesConfig: {
    PENDING: { description: 'This candidate holds the offer and has not answered yet.' },
    WAITING: { description: 'A candidate ranked before still holds the offer.' },
    ACCEPTED: { description: 'This candidate accepted the offer.' },
    REFUSED: { description: 'This candidate refused the offer.' },
    NOT_REACHED: { description: 'A candidate ranked before accepted: the offer never reached this one.' },
  },
});
