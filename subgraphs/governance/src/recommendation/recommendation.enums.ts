import { registerEnumType } from 'type-graphql';

/** What a recommendation applies to. */
export enum RecommendationScopeKind {
  RESIDENCE = 'RESIDENCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  PUBLIC_SEGMENT = 'PUBLIC_SEGMENT',
}
registerEnumType(RecommendationScopeKind, {
  name: 'RecommendationScopeKind',
  description: 'What a recommendation (préconisation) applies to.',
  valuesConfig: {
    RESIDENCE: { description: 'One residence (a group of buildings of one landlord); the value names it.' },
    DISTRICT: { description: 'A district; the value is a QPV code or a district name.' },
    COMMUNE: { description: 'A commune; the value is its INSEE code.' },
    PUBLIC_SEGMENT: {
      description: 'A public segment (e.g. DALO households, first-quartile households, young people under 30).',
    },
  },
});

/** Where a recommendation stands. */
export enum RecommendationStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  DROPPED = 'DROPPED',
}
registerEnumType(RecommendationStatus, {
  name: 'RecommendationStatus',
  description: 'Where a recommendation stands; DONE and DROPPED are final.',
  valuesConfig: {
    OPEN: { description: 'Issued, not yet acted upon.' },
    IN_PROGRESS: { description: 'Its owner is acting upon it.' },
    DONE: { description: 'Carried out, as reported at a meeting.' },
    DROPPED: { description: 'Abandoned by the body, with the reason in the follow-up note.' },
  },
});
