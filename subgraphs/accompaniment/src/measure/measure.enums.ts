import { registerEnumType } from 'type-graphql';

/** Where a measure stands in its lifecycle: prescribed → diagnostic → active → renewed → closed (DOMAIN.md §4). */
export enum MeasureStatus {
  PRESCRIBED = 'PRESCRIBED',
  DIAGNOSTIC = 'DIAGNOSTIC',
  ACTIVE = 'ACTIVE',
  RENEWED = 'RENEWED',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeasureStatus, {
  name: 'MeasureStatus',
  description:
    'Where an accompaniment measure stands: prescribed → diagnostic → active → renewed → closed; suspended and cancelled where they apply.',
  valuesConfig: {
    PRESCRIBED: {
      description: 'Prescribed by a partner; the operator has not yet met the household.',
    },
    DIAGNOSTIC: {
      description:
        "The operator is assessing the household's situation (social diagnostic) before the accompaniment starts.",
    },
    ACTIVE: { description: 'The accompaniment runs within its first planned period (`startedOn` to `plannedEndOn`).' },
    RENEWED: {
      description: 'The accompaniment runs beyond its first period, renewed; `plannedEndOn` is the renewed end.',
    },
    SUSPENDED: {
      description:
        'Paused on `suspendedOn` (hospitalisation, absence…); resuming returns it to the status it had (ACTIVE or RENEWED).',
    },
    CLOSED: { description: 'Ended on `closedOn`; `closureMotive` says why.' },
    CANCELLED: {
      description:
        'Withdrawn before it started (prescribed or in diagnostic) on `cancelledOn`; `cancellationReason` says why.',
    },
  },
});

/** Why a measure ended. */
export enum MeasureClosureMotive {
  GOAL_REACHED = 'GOAL_REACHED',
  REHOUSED = 'REHOUSED',
  MOVED_AWAY = 'MOVED_AWAY',
  REFUSED = 'REFUSED',
  INTERRUPTED = 'INTERRUPTED',
}
registerEnumType(MeasureClosureMotive, {
  name: 'MeasureClosureMotive',
  description: 'Why an accompaniment measure was closed.',
  valuesConfig: {
    GOAL_REACHED: { description: 'The goals set at the diagnostic were reached (e.g. the household is settled).' },
    REHOUSED: { description: 'The household was rehoused (e.g. signed a lease for a social dwelling).' },
    MOVED_AWAY: { description: "The household left the operator's territory." },
    REFUSED: { description: 'The household refused the accompaniment, at the diagnostic or later.' },
    INTERRUPTED: { description: 'Interrupted: contact lost, or the operator or prescriber ended it.' },
  },
});
