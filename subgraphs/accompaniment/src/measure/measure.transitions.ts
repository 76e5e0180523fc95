import { addMonths, type CalendarDate } from '@passerelle/shared/dates';
import { MeasureStatus, type MeasureClosureMotive } from './measure.enums';

/**
 * The state machine of a measure (DOMAIN.md §4, issue 6), as a pure function:
 *
 * | from                 | action          | to                          |
 * | -------------------- | --------------- | --------------------------- |
 * | PRESCRIBED           | START_DIAGNOSTIC| DIAGNOSTIC                  |
 * | DIAGNOSTIC           | ACTIVATE        | ACTIVE                      |
 * | ACTIVE, RENEWED      | RENEW           | RENEWED (renewable again)   |
 * | ACTIVE, RENEWED      | SUSPEND         | SUSPENDED                   |
 * | SUSPENDED            | RESUME          | the status it had           |
 * | ACTIVE, RENEWED, SUSPENDED | CLOSE     | CLOSED (with a motive)      |
 * | PRESCRIBED, DIAGNOSTIC | CANCEL        | CANCELLED (with a reason)   |
 *
 * Anything else is refused with a sentence saying why. Every date is a calendar date, never in
 * the future, never before the step it follows. A renewal extends the planned end by the
 * scheme's typical duration, within the scheme's maximum duration counted from the start.
 */

/** What the rules need of a measure. */
export interface MeasureState {
  status: MeasureStatus;
  prescribedOn: CalendarDate;
  diagnosticOn: CalendarDate | null;
  startedOn: CalendarDate | null;
  plannedEndOn: CalendarDate | null;
  referent: string | null;
  renewalCount: number;
  renewedOn: CalendarDate | null;
  suspendedOn: CalendarDate | null;
  suspendedFrom: MeasureStatus | null;
  closedOn: CalendarDate | null;
  closureMotive: MeasureClosureMotive | null;
  cancelledOn: CalendarDate | null;
  cancellationReason: string | null;
}

/** What the rules need of the measure's scheme. */
export interface SchemeDurations {
  typicalDurationMonths: number;
  /** Null: no maximum (housing first, pensions de famille). */
  maxDurationMonths: number | null;
}

/** A change asked for a measure; each date defaults to today. */
export type MeasureAction =
  | { type: 'START_DIAGNOSTIC'; on?: CalendarDate }
  | { type: 'ACTIVATE'; startedOn?: CalendarDate; plannedEndOn?: CalendarDate; referent: string }
  | { type: 'RENEW'; on?: CalendarDate }
  | { type: 'SUSPEND'; on?: CalendarDate }
  | { type: 'RESUME'; on?: CalendarDate }
  | { type: 'CLOSE'; motive: MeasureClosureMotive; closedOn?: CalendarDate }
  | { type: 'CANCEL'; reason: string; on?: CalendarDate };

/** Why a change is refused: CONFLICT when the measure's state forbids it, BAD_USER_INPUT when an input is wrong. */
export type TransitionRefusal =
  { code: 'CONFLICT'; message: string } | { code: 'BAD_USER_INPUT'; message: string; field: string };

export type TransitionResult = { ok: true; state: MeasureState } | { ok: false; refusal: TransitionRefusal };

const { PRESCRIBED, DIAGNOSTIC, ACTIVE, RENEWED, SUSPENDED, CLOSED, CANCELLED } = MeasureStatus;

/** The statuses each action starts from. */
export const ALLOWED_FROM: Record<MeasureAction['type'], readonly MeasureStatus[]> = {
  START_DIAGNOSTIC: [PRESCRIBED],
  ACTIVATE: [DIAGNOSTIC],
  RENEW: [ACTIVE, RENEWED],
  SUSPEND: [ACTIVE, RENEWED],
  RESUME: [SUSPENDED],
  CLOSE: [ACTIVE, RENEWED, SUSPENDED],
  CANCEL: [PRESCRIBED, DIAGNOSTIC],
};

const VERB: Record<MeasureAction['type'], string> = {
  START_DIAGNOSTIC: 'start a diagnostic on',
  ACTIVATE: 'start',
  RENEW: 'renew',
  SUSPEND: 'suspend',
  RESUME: 'resume',
  CLOSE: 'close',
  CANCEL: 'cancel',
};

const conflict = (message: string): TransitionResult => ({ ok: false, refusal: { code: 'CONFLICT', message } });
const badInput = (field: string, message: string): TransitionResult => ({
  ok: false,
  refusal: { code: 'BAD_USER_INPUT', message, field },
});

/** Checks a date of the action: a calendar day, not after today, not before `earliest` (the step it follows). */
function dateProblem(
  field: string,
  day: CalendarDate,
  today: CalendarDate,
  earliest: CalendarDate,
  after: string,
): TransitionResult | null {
  if (day > today) return badInput(field, `"${field}" is ${day}: a measure's dates are never in the future.`);
  if (day < earliest) return badInput(field, `"${field}" is ${day}, before ${after} (${earliest}).`);
  return null;
}

/** The state after `action`, or why it is refused. Pure: same inputs, same answer. */
export function applyTransition(
  state: MeasureState,
  action: MeasureAction,
  scheme: SchemeDurations,
  today: CalendarDate,
): TransitionResult {
  if (!ALLOWED_FROM[action.type].includes(state.status)) {
    const from = ALLOWED_FROM[action.type].join(' or ');
    return conflict(
      `Cannot ${VERB[action.type]} a measure that is ${state.status}: allowed from ${from} only${suggestion(state.status, action.type)}.`,
    );
  }
  switch (action.type) {
    case 'START_DIAGNOSTIC': {
      const on = action.on ?? today;
      const problem = dateProblem('on', on, today, state.prescribedOn, 'the prescription');
      return problem ?? { ok: true, state: { ...state, status: DIAGNOSTIC, diagnosticOn: on } };
    }
    case 'ACTIVATE': {
      const startedOn = action.startedOn ?? today;
      const problem = dateProblem(
        'startedOn',
        startedOn,
        today,
        state.diagnosticOn ?? state.prescribedOn,
        'the diagnostic',
      );
      if (problem) return problem;
      const referent = action.referent.trim();
      if (referent.length === 0 || referent.length > 120) {
        return badInput(
          'referent',
          'The referent is the name of the social worker following the household (1 to 120 characters).',
        );
      }
      const plannedEndOn = action.plannedEndOn ?? addMonths(startedOn, scheme.typicalDurationMonths);
      if (plannedEndOn <= startedOn) {
        return badInput('plannedEndOn', `The planned end (${plannedEndOn}) comes after the start (${startedOn}).`);
      }
      if (scheme.maxDurationMonths !== null && plannedEndOn > addMonths(startedOn, scheme.maxDurationMonths)) {
        return badInput(
          'plannedEndOn',
          `The planned end (${plannedEndOn}) is beyond the scheme's maximum of ${scheme.maxDurationMonths} months from the start (${addMonths(startedOn, scheme.maxDurationMonths)}).`,
        );
      }
      return { ok: true, state: { ...state, status: ACTIVE, startedOn, plannedEndOn, referent } };
    }
    case 'RENEW': {
      const on = action.on ?? today;
      const problem = dateProblem('on', on, today, state.renewedOn ?? state.startedOn!, 'the start or last renewal');
      if (problem) return problem;
      const plannedEndOn = addMonths(state.plannedEndOn!, scheme.typicalDurationMonths);
      if (scheme.maxDurationMonths !== null) {
        const limit = addMonths(state.startedOn!, scheme.maxDurationMonths);
        if (plannedEndOn > limit) {
          return conflict(
            `Renewing would run the measure from ${state.startedOn} to ${plannedEndOn}, beyond the scheme's maximum of ${scheme.maxDurationMonths} months (${limit}): close it, or prescribe another scheme.`,
          );
        }
      }
      return {
        ok: true,
        state: { ...state, status: RENEWED, plannedEndOn, renewalCount: state.renewalCount + 1, renewedOn: on },
      };
    }
    case 'SUSPEND': {
      const on = action.on ?? today;
      const problem = dateProblem('on', on, today, state.renewedOn ?? state.startedOn!, 'the start or last renewal');
      return (
        problem ?? { ok: true, state: { ...state, status: SUSPENDED, suspendedOn: on, suspendedFrom: state.status } }
      );
    }
    case 'RESUME': {
      const on = action.on ?? today;
      const problem = dateProblem('on', on, today, state.suspendedOn!, 'the suspension');
      return (
        problem ?? {
          ok: true,
          state: { ...state, status: state.suspendedFrom!, suspendedOn: null, suspendedFrom: null },
        }
      );
    }
    case 'CLOSE': {
      const closedOn = action.closedOn ?? today;
      const earliest = [state.startedOn!, state.renewedOn, state.suspendedOn]
        .filter((day): day is CalendarDate => day !== null)
        .reduce((a, b) => (a > b ? a : b));
      const problem = dateProblem('closedOn', closedOn, today, earliest, 'its last step');
      return (
        problem ?? {
          ok: true,
          state: {
            ...state,
            status: CLOSED,
            closedOn,
            closureMotive: action.motive,
            suspendedOn: null,
            suspendedFrom: null,
          },
        }
      );
    }
    case 'CANCEL': {
      const on = action.on ?? today;
      const problem = dateProblem('on', on, today, state.diagnosticOn ?? state.prescribedOn, 'its last step');
      if (problem) return problem;
      const reason = action.reason.trim();
      if (reason.length === 0 || reason.length > 500) {
        return badInput('reason', 'A cancellation says why, in 1 to 500 characters.');
      }
      return { ok: true, state: { ...state, status: CANCELLED, cancelledOn: on, cancellationReason: reason } };
    }
  }
}

function suggestion(status: MeasureStatus, action: MeasureAction['type']): string {
  if (status === CLOSED || status === CANCELLED) return `; a ${status} measure is final (prescribe a new one)`;
  if (status === SUSPENDED && action !== 'RESUME') return '; resume it first';
  if ((status === PRESCRIBED || status === DIAGNOSTIC) && action === 'CLOSE') {
    return '; a measure that has not started is cancelled, not closed';
  }
  return '';
}
