import { registerEnumType } from 'type-graphql';

/** What a measure alert warns about (issue 6). */
export enum MeasureAlertKind {
  ENDING_SOON = 'ENDING_SOON',
  OVER_12_MONTHS = 'OVER_12_MONTHS',
  DIAGNOSTIC_WAITING = 'DIAGNOSTIC_WAITING',
}
registerEnumType(MeasureAlertKind, {
  name: 'MeasureAlertKind',
  description: 'What an alert on an accompaniment measure warns about.',
  valuesConfig: {
    ENDING_SOON: {
      description:
        'A running measure (ACTIVE, RENEWED or SUSPENDED) whose planned end is within 30 days of today, or already past without a closure; `dueOn` is the planned end.',
    },
    OVER_12_MONTHS: {
      description:
        'A running measure (ACTIVE, RENEWED or SUSPENDED) that started more than 12 months ago (DOMAIN.md §4); `dueOn` is the day it reached 12 months.',
    },
    DIAGNOSTIC_WAITING: {
      description:
        'A PRESCRIBED measure waiting for its diagnostic for more than N days (15 by default); `dueOn` is the prescription day plus N days.',
    },
  },
});
