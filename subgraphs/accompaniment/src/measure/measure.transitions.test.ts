import { MeasureClosureMotive, MeasureStatus } from './measure.enums';
import { applyTransition, type MeasureAction, type MeasureState } from './measure.transitions';

const TODAY = '2026-06-30';
const AVDL = { typicalDurationMonths: 6, maxDurationMonths: 12 };
const HOUSING_FIRST = { typicalDurationMonths: 24, maxDurationMonths: null };

const { PRESCRIBED, DIAGNOSTIC, ACTIVE, RENEWED, SUSPENDED, CLOSED, CANCELLED } = MeasureStatus;

/** A measure in each status, with the dates that status implies. */
const BASE: MeasureState = {
  status: PRESCRIBED,
  prescribedOn: '2026-01-05',
  diagnosticOn: null,
  startedOn: null,
  plannedEndOn: null,
  referent: null,
  renewalCount: 0,
  renewedOn: null,
  suspendedOn: null,
  suspendedFrom: null,
  closedOn: null,
  closureMotive: null,
  cancelledOn: null,
  cancellationReason: null,
};
const started = {
  diagnosticOn: '2026-01-12',
  startedOn: '2026-01-31',
  plannedEndOn: '2026-07-31',
  referent: 'A. Martin',
};
const STATES: Record<MeasureStatus, MeasureState> = {
  PRESCRIBED: BASE,
  DIAGNOSTIC: { ...BASE, status: DIAGNOSTIC, diagnosticOn: '2026-01-12' },
  ACTIVE: { ...BASE, ...started, status: ACTIVE },
  RENEWED: { ...BASE, ...started, status: RENEWED, renewalCount: 1, renewedOn: '2026-06-01' },
  SUSPENDED: { ...BASE, ...started, status: SUSPENDED, suspendedOn: '2026-05-01', suspendedFrom: ACTIVE },
  CLOSED: { ...BASE, ...started, status: CLOSED, closedOn: '2026-06-01', closureMotive: MeasureClosureMotive.REHOUSED },
  CANCELLED: { ...BASE, status: CANCELLED, cancelledOn: '2026-02-01', cancellationReason: 'moved away' },
};

const ACTIONS: Record<string, MeasureAction> = {
  START_DIAGNOSTIC: { type: 'START_DIAGNOSTIC' },
  ACTIVATE: { type: 'ACTIVATE', referent: 'B. Leroy' },
  RENEW: { type: 'RENEW' },
  SUSPEND: { type: 'SUSPEND' },
  RESUME: { type: 'RESUME' },
  CLOSE: { type: 'CLOSE', motive: MeasureClosureMotive.GOAL_REACHED },
  CANCEL: { type: 'CANCEL', reason: 'The household declined.' },
};

/** Written by hand: status × action → the status after, or null when refused. */
const MATRIX: Record<MeasureStatus, Record<string, MeasureStatus | null>> = {
  //          START_DIAG   ACTIVATE  RENEW    SUSPEND    RESUME  CLOSE   CANCEL
  PRESCRIBED: row(DIAGNOSTIC, null, null, null, null, null, CANCELLED),
  DIAGNOSTIC: row(null, ACTIVE, null, null, null, null, CANCELLED),
  ACTIVE: row(null, null, RENEWED, SUSPENDED, null, CLOSED, null),
  RENEWED: row(null, null, RENEWED, SUSPENDED, null, CLOSED, null),
  SUSPENDED: row(null, null, null, null, ACTIVE, CLOSED, null),
  CLOSED: row(null, null, null, null, null, null, null),
  CANCELLED: row(null, null, null, null, null, null, null),
};
function row(...to: (MeasureStatus | null)[]) {
  return Object.fromEntries(Object.keys(ACTIONS).map((action, n) => [action, to[n]!]));
}

const CASES = Object.entries(MATRIX).flatMap(([from, actions]) =>
  Object.entries(actions).map(([action, to]) => [from as MeasureStatus, action, to] as const),
);

describe('the measure state machine', () => {
  it.each(CASES)('%s + %s → %s', (from, action, to) => {
    const result = applyTransition(STATES[from], ACTIONS[action]!, AVDL, TODAY);
    if (to === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.refusal.code).toBe('CONFLICT');
        expect(result.refusal.message).toMatch(/^Cannot .+ a measure that is [A-Z]+: allowed from [A-Z ,or]+ only/);
      }
    } else {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.state.status).toBe(to);
    }
  });

  /** Hand-computed dated outcomes of the allowed transitions. */
  const DATED: [string, MeasureState, MeasureAction, Partial<MeasureState>][] = [
    ['diagnostic dated today by default', STATES.PRESCRIBED, ACTIONS.START_DIAGNOSTIC!, { diagnosticOn: TODAY }],
    [
      'activation: planned end = start + typical duration',
      STATES.DIAGNOSTIC,
      { type: 'ACTIVATE', startedOn: '2026-01-31', referent: ' C. Dupont ' },
      { startedOn: '2026-01-31', plannedEndOn: '2026-07-31', referent: 'C. Dupont' },
    ],
    [
      'activation with a planned end given',
      STATES.DIAGNOSTIC,
      { type: 'ACTIVATE', startedOn: '2026-02-01', plannedEndOn: '2026-05-01', referent: 'C. Dupont' },
      { plannedEndOn: '2026-05-01' },
    ],
    [
      'renewal: planned end + 6 months (12 from the start: at the maximum)',
      STATES.ACTIVE,
      ACTIONS.RENEW!,
      { plannedEndOn: '2027-01-31', renewalCount: 1, renewedOn: TODAY },
    ],
    [
      'suspension remembers the status',
      STATES.RENEWED,
      ACTIONS.SUSPEND!,
      { suspendedOn: TODAY, suspendedFrom: RENEWED },
    ],
    [
      'resume returns to it',
      STATES.SUSPENDED,
      ACTIONS.RESUME!,
      { status: ACTIVE, suspendedOn: null, suspendedFrom: null },
    ],
    [
      'resume to RENEWED',
      { ...STATES.SUSPENDED, suspendedFrom: RENEWED, renewalCount: 1 },
      ACTIONS.RESUME!,
      { status: RENEWED },
    ],
    [
      'closure dated and motivated',
      STATES.SUSPENDED,
      { type: 'CLOSE', motive: MeasureClosureMotive.INTERRUPTED, closedOn: '2026-06-15' },
      { closedOn: '2026-06-15', closureMotive: MeasureClosureMotive.INTERRUPTED, suspendedOn: null },
    ],
    [
      'cancellation with its reason',
      STATES.DIAGNOSTIC,
      ACTIONS.CANCEL!,
      { cancelledOn: TODAY, cancellationReason: 'The household declined.' },
    ],
  ];
  it.each(DATED)('%s', (_, state, action, expected) => {
    const result = applyTransition(state, action, AVDL, TODAY);
    expect(result).toEqual({ ok: true, state: expect.objectContaining(expected) });
  });

  /** Hand-written refusals of inputs and of the maximum duration. */
  const REFUSED: [string, MeasureState, MeasureAction, 'CONFLICT' | 'BAD_USER_INPUT', string | undefined][] = [
    ['a date in the future', STATES.PRESCRIBED, { type: 'START_DIAGNOSTIC', on: '2026-07-01' }, 'BAD_USER_INPUT', 'on'],
    [
      'a diagnostic before the prescription',
      STATES.PRESCRIBED,
      { type: 'START_DIAGNOSTIC', on: '2026-01-04' },
      'BAD_USER_INPUT',
      'on',
    ],
    [
      'a start before the diagnostic',
      STATES.DIAGNOSTIC,
      { type: 'ACTIVATE', startedOn: '2026-01-11', referent: 'X' },
      'BAD_USER_INPUT',
      'startedOn',
    ],
    ['an empty referent', STATES.DIAGNOSTIC, { type: 'ACTIVATE', referent: '  ' }, 'BAD_USER_INPUT', 'referent'],
    [
      'a planned end before the start',
      STATES.DIAGNOSTIC,
      { type: 'ACTIVATE', startedOn: '2026-03-01', plannedEndOn: '2026-03-01', referent: 'X' },
      'BAD_USER_INPUT',
      'plannedEndOn',
    ],
    [
      'a planned end beyond the maximum',
      STATES.DIAGNOSTIC,
      { type: 'ACTIVATE', startedOn: '2026-03-01', plannedEndOn: '2027-03-02', referent: 'X' },
      'BAD_USER_INPUT',
      'plannedEndOn',
    ],
    [
      'a second AVDL renewal beyond 12 months',
      { ...STATES.RENEWED, plannedEndOn: '2027-01-31' },
      ACTIONS.RENEW!,
      'CONFLICT',
      undefined,
    ],
    [
      'a closure before the suspension',
      STATES.SUSPENDED,
      { type: 'CLOSE', motive: MeasureClosureMotive.REFUSED, closedOn: '2026-04-30' },
      'BAD_USER_INPUT',
      'closedOn',
    ],
    ['a resume before the suspension', STATES.SUSPENDED, { type: 'RESUME', on: '2026-04-30' }, 'BAD_USER_INPUT', 'on'],
    ['a cancellation without a reason', STATES.PRESCRIBED, { type: 'CANCEL', reason: '' }, 'BAD_USER_INPUT', 'reason'],
  ];
  it.each(REFUSED)('refuses %s', (_, state, action, code, field) => {
    const result = applyTransition(state, action, AVDL, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.refusal.code).toBe(code);
      expect('field' in result.refusal ? result.refusal.field : undefined).toBe(field);
    }
  });

  it('renews a scheme without a maximum again and again', () => {
    let state: MeasureState = { ...STATES.ACTIVE, plannedEndOn: '2028-01-31' };
    for (const end of ['2030-01-31', '2032-01-31', '2034-01-31']) {
      const result = applyTransition(state, ACTIONS.RENEW!, HOUSING_FIRST, TODAY);
      expect(result.ok).toBe(true);
      if (result.ok) state = result.state;
      expect(state.plannedEndOn).toBe(end);
    }
    expect(state.renewalCount).toBe(3);
  });

  it('renews at the month end as the calendar says (31 August + 6 months = 28 February)', () => {
    const result = applyTransition(
      { ...STATES.ACTIVE, startedOn: '2026-02-28', plannedEndOn: '2026-08-31' },
      ACTIONS.RENEW!,
      AVDL,
      TODAY,
    );
    expect(result).toEqual({ ok: true, state: expect.objectContaining({ plannedEndOn: '2027-02-28' }) });
  });
});
