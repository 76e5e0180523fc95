import { registerEnumType } from 'type-graphql';

/**
 * The five decisions a CAL takes for each candidate (CCH R441-3). One definition for governance,
 * which records them, and demands, whose timeline holds them (the ineligibility radiation reads it).
 */
export enum CalDecisionType {
  ATTRIBUTION = 'ATTRIBUTION',
  ATTRIBUTION_RANKED = 'ATTRIBUTION_RANKED',
  ATTRIBUTION_CONDITIONAL = 'ATTRIBUTION_CONDITIONAL',
  NON_ATTRIBUTION = 'NON_ATTRIBUTION',
  INELIGIBLE = 'INELIGIBLE',
}
registerEnumType(CalDecisionType, {
  name: 'CalDecisionType',
  description: 'The decision a CAL takes for one candidate to one dwelling: one of the five of CCH R441-3.',
  valuesConfig: {
    ATTRIBUTION: { description: 'R441-3 a): the dwelling is attributed to the candidate.' },
    ATTRIBUTION_RANKED: {
      description:
        'R441-3 b): attribution by order of priority; the candidate of `rank` 2, 3… gets the dwelling if those ranked before refuse the offer.',
    },
    ATTRIBUTION_CONDITIONAL: {
      description:
        'R441-3 c): attribution under a suspensive condition: a document of the limitative list (R441-2-4-1) is missing; the lease is signed if it arrives by the deadline and does not call eligibility into question.',
    },
    NON_ATTRIBUTION: { description: 'R441-3 d): the dwelling is not attributed to the candidate, with a motive.' },
    INELIGIBLE: {
      description:
        'R441-3 e): rejection as ineligible (irrecevabilité), on only two grounds: resources over the ceiling or irregular stay; the demand is then radiated.',
    },
  },
});
