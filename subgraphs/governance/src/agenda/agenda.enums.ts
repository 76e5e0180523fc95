import { registerEnumType } from 'type-graphql';

/** What an agenda item is about. */
export enum AgendaItemKind {
  CASE_REVIEW = 'CASE_REVIEW',
  OCCUPANCY_REVIEW = 'OCCUPANCY_REVIEW',
  POLICY = 'POLICY',
  REPORTING = 'REPORTING',
  RECOMMENDATION_FOLLOW_UP = 'RECOMMENDATION_FOLLOW_UP',
}
registerEnumType(AgendaItemKind, {
  name: 'AgendaItemKind',
  description: 'What an agenda item is about.',
  valuesConfig: {
    CASE_REVIEW: {
      description:
        'Review of one household’s demand, for a dwelling (a vacancy) in a CAL. A case file: readable by the body’s members only.',
    },
    OCCUPANCY_REVIEW: {
      description:
        'CALEOL occupancy review of a tenant household’s dwelling (CCH L442-5-2), with the commission’s opinion. A case file: members only.',
    },
    POLICY: { description: 'A policy item: orientations, conventions, allocation objectives.' },
    REPORTING: { description: 'Reporting: figures, assessments, the annual report.' },
    RECOMMENDATION_FOLLOW_UP: { description: 'Follow-up of a recommendation issued at an earlier meeting.' },
  },
});

/** The five situations of the occupancy review (CCH L442-5-2). */
export enum OccupancySituation {
  OVER_OCCUPATION = 'OVER_OCCUPATION',
  UNDER_OCCUPATION = 'UNDER_OCCUPATION',
  ADAPTED_DWELLING_NOT_NEEDED = 'ADAPTED_DWELLING_NOT_NEEDED',
  LOSS_OF_AUTONOMY = 'LOSS_OF_AUTONOMY',
  RESOURCES_OVER_CEILING = 'RESOURCES_OVER_CEILING',
}
registerEnumType(OccupancySituation, {
  name: 'OccupancySituation',
  description:
    'Why a tenancy comes to the CALEOL’s occupancy review (CCH L442-5-2, every three years in tight areas): the five situations of the law.',
  valuesConfig: {
    OVER_OCCUPATION: { description: 'The dwelling is over-occupied (sur-occupation).' },
    UNDER_OCCUPATION: { description: 'The dwelling is under-occupied (sous-occupation).' },
    ADAPTED_DWELLING_NOT_NEEDED: {
      description: 'A dwelling adapted to a disability is no longer occupied by a person who needs it.',
    },
    LOSS_OF_AUTONOMY: { description: 'An occupant has lost autonomy or has a disability the dwelling does not suit.' },
    RESOURCES_OVER_CEILING: { description: 'The household’s resources exceed the ceiling of the dwelling’s category.' },
  },
});

/** Whether a member partner attended. */
export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  EXCUSED = 'EXCUSED',
  ABSENT = 'ABSENT',
}
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: 'Whether a member partner attended a meeting.',
  valuesConfig: {
    PRESENT: { description: 'Present (or took part in the asynchronous session).' },
    EXCUSED: { description: 'Absent and excused beforehand.' },
    ABSENT: { description: 'Absent without excuse.' },
  },
});
