import { registerEnumType } from 'type-graphql';

/** How a meeting sits. */
export enum MeetingMode {
  IN_PERSON = 'IN_PERSON',
  REMOTE = 'REMOTE',
  ASYNCHRONOUS = 'ASYNCHRONOUS',
}
registerEnumType(MeetingMode, {
  name: 'MeetingMode',
  description: 'How a meeting sits.',
  valuesConfig: {
    IN_PERSON: { description: 'Members meet in one room.' },
    REMOTE: { description: 'Members meet by video conference, at the same time.' },
    ASYNCHRONOUS: {
      description:
        'Members deliberate online over a set period (e.g. a 24-hour digital CAL session, under rules approved by the préfet).',
    },
  },
});

/** Where a meeting stands. */
export enum MeetingStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: 'Where a meeting stands.',
  valuesConfig: {
    PLANNED: { description: 'Scheduled, not yet held.' },
    HELD: { description: 'The meeting took place; its decisions are recorded.' },
    CANCELLED: { description: 'Called off; nothing was decided.' },
  },
});
