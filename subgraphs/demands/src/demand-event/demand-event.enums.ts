import { registerEnumType } from 'type-graphql';

/** The dated processing events of a demand (CCH R441-2-15). */
export enum DemandEventType {
  REGISTERED = 'REGISTERED',
  MODIFIED = 'MODIFIED',
  RENEWAL_NOTICE_SENT = 'RENEWAL_NOTICE_SENT',
  RENEWED = 'RENEWED',
  RECTIFIED = 'RECTIFIED',
  PRIORITY_RECOGNISED = 'PRIORITY_RECOGNISED',
  PRIORITY_WITHDRAWN = 'PRIORITY_WITHDRAWN',
  DOCUMENTS_REQUESTED = 'DOCUMENTS_REQUESTED',
  ANSWER_REQUESTED = 'ANSWER_REQUESTED',
  DESIGNATED = 'DESIGNATED',
  IDENTIFIED_BY_LANDLORD = 'IDENTIFIED_BY_LANDLORD',
  DWELLING_VISITED = 'DWELLING_VISITED',
  CAL_AGENDA = 'CAL_AGENDA',
  CAL_DECISION = 'CAL_DECISION',
  OFFER_NOTIFIED = 'OFFER_NOTIFIED',
  OFFER_ACCEPTED = 'OFFER_ACCEPTED',
  OFFER_REFUSED = 'OFFER_REFUSED',
  LEASE_SIGNED = 'LEASE_SIGNED',
  RADIATED = 'RADIATED',
  REACTIVATED = 'REACTIVATED',
  DATA_ERASED = 'DATA_ERASED',
}
registerEnumType(DemandEventType, {
  name: 'DemandEventType',
  description:
    'A dated processing event of a demand, as listed in CCH R441-2-15: the applicant\'s "where is my demand" timeline.',
  valuesConfig: {
    REGISTERED: { description: 'The demand was registered and its numéro unique (NUR) delivered.' },
    MODIFIED: {
      description: 'The demand was modified by a registration desk; `detail` names the rubrics that changed.',
    },
    RENEWAL_NOTICE_SENT: { description: 'The renewal notice was sent, one month before the end of validity.' },
    PRIORITY_WITHDRAWN: { description: 'A priority previously recognised was withdrawn; `detail` names it.' },
    ANSWER_REQUESTED: {
      description:
        'A letter asked the applicant to answer; without an answer the demand may be radiated two months later.',
    },
    OFFER_NOTIFIED: { description: 'A landlord notified an offer: the applicant has 10 days to answer (CCH R441-10).' },
    OFFER_ACCEPTED: { description: 'The applicant accepted an offer.' },
    REACTIVATED: { description: 'A radiated demand was reactivated within its window, keeping its NUR and seniority.' },
    DATA_ERASED: {
      description:
        'The retention period after radiation ended: nominative data were erased, anonymous statistics kept.',
    },
    RENEWED: { description: 'The demand was renewed for one year, keeping its NUR and filing date.' },
    RECTIFIED: { description: 'Data rectified from documents supplied by the applicant.' },
    PRIORITY_RECOGNISED: {
      description: 'A priority was recognised (DALO decision, PDALHPD, accord collectif, L441-1).',
    },
    DOCUMENTS_REQUESTED: { description: 'Supporting documents were requested from the applicant.' },
    DESIGNATED: { description: 'A reservation holder designated the household as a candidate for a dwelling.' },
    IDENTIFIED_BY_LANDLORD: {
      description: 'A landlord identified the household as a candidate for one of its dwellings.',
    },
    DWELLING_VISITED: { description: 'The household visited a proposed dwelling.' },
    CAL_AGENDA: { description: "The demand was put on a CAL's agenda (landlord's allocation commission)." },
    CAL_DECISION: {
      description: 'A CAL decided on the demand (CCH R441-3): `calDecision` says which decision, `detail` its motive.',
    },
    OFFER_REFUSED: { description: 'The applicant refused an offer, with the motive given.' },
    LEASE_SIGNED: { description: 'The household signed a lease.' },
    RADIATED: { description: 'The demand was radiated from the register, with its motive.' },
  },
});
