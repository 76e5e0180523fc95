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
