import { registerEnumType } from 'type-graphql';

/** The dated processing events of a demand (CCH R441-2-15). */
export enum DemandEventType {
  REGISTERED = 'REGISTERED',
  RENEWED = 'RENEWED',
  RECTIFIED = 'RECTIFIED',
  PRIORITY_RECOGNISED = 'PRIORITY_RECOGNISED',
  DOCUMENTS_REQUESTED = 'DOCUMENTS_REQUESTED',
  DESIGNATED = 'DESIGNATED',
  IDENTIFIED_BY_LANDLORD = 'IDENTIFIED_BY_LANDLORD',
  DWELLING_VISITED = 'DWELLING_VISITED',
  CAL_AGENDA = 'CAL_AGENDA',
  CAL_DECISION = 'CAL_DECISION',
  OFFER_REFUSED = 'OFFER_REFUSED',
  LEASE_SIGNED = 'LEASE_SIGNED',
  RADIATED = 'RADIATED',
}
registerEnumType(DemandEventType, {
  name: 'DemandEventType',
  description:
    'A dated processing event of a demand, as listed in CCH R441-2-15: the applicant\'s "where is my demand" timeline.',
  valuesConfig: {
    REGISTERED: { description: 'The demand was registered and its numéro unique (NUR) delivered.' },
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
    CAL_DECISION: { description: 'A CAL decided on the demand (CCH R441-3), with its motive.' },
    OFFER_REFUSED: { description: 'The applicant refused an offer, with the motive given.' },
    LEASE_SIGNED: { description: 'The household signed a lease.' },
    RADIATED: { description: 'The demand was radiated from the register, with its motive.' },
  },
});
