import { MeetingStatus } from './meeting.enums';
import { agendaChangeRefusal, attendanceRate, cancelRefusal, holdRefusal, quorumReached } from './meeting.rules';

/** Expected values written by hand from the life of a meeting: planned, then held or cancelled. */

const { PLANNED, HELD, CANCELLED } = MeetingStatus;
const REFUSE = 'refused' as const;
const ALLOW = 'allowed' as const;
type Outcome = typeof REFUSE | typeof ALLOW;

const expectOutcome = (refusal: string | null, expected: Outcome) => {
  if (expected === ALLOW) expect(refusal).toBeNull();
  else expect(refusal).toEqual(expect.any(String));
};

describe('the agenda changes only while the meeting is planned', () => {
  it.each<[MeetingStatus, Outcome]>([
    [PLANNED, ALLOW],
    [HELD, REFUSE],
    [CANCELLED, REFUSE],
  ])('%s → %s', (status, expected) => {
    expectOutcome(agendaChangeRefusal(status), expected);
  });
});

describe('the quorum', () => {
  it.each<[number, number | null, boolean]>([
    [0, null, true],
    [7, null, true],
    [5, 5, true],
    [6, 5, true],
    [4, 5, false],
    [0, 5, false],
    [0, 0, true],
    [1, 1, true],
  ])('%i voting member(s) present, quorum %p → reached: %p', (present, quorum, expected) => {
    expect(quorumReached(present, quorum)).toBe(expected);
  });
});

describe('holding a meeting', () => {
  const date = '2026-03-12';
  it.each<[string, MeetingStatus, string, number, number | null, Outcome]>([
    ['planned, on its day, quorum reached', PLANNED, '2026-03-12', 6, 5, ALLOW],
    ['planned, the day after', PLANNED, '2026-03-13', 6, 5, ALLOW],
    ['planned, months after', PLANNED, '2026-07-01', 6, 5, ALLOW],
    ['planned, the day before', PLANNED, '2026-03-11', 6, 5, REFUSE],
    ['planned, a year before', PLANNED, '2025-03-12', 6, 5, REFUSE],
    ['planned, exactly the quorum', PLANNED, '2026-03-12', 5, 5, ALLOW],
    ['planned, one short of the quorum', PLANNED, '2026-03-12', 4, 5, REFUSE],
    ['planned, nobody present, quorum 5', PLANNED, '2026-03-12', 0, 5, REFUSE],
    ['planned, no quorum rule, nobody present', PLANNED, '2026-03-12', 0, null, ALLOW],
    ['planned, no quorum rule, three present', PLANNED, '2026-03-12', 3, null, ALLOW],
    ['already held', HELD, '2026-03-12', 6, 5, REFUSE],
    ['cancelled', CANCELLED, '2026-03-12', 6, 5, REFUSE],
    ['cancelled, no quorum rule', CANCELLED, '2026-03-13', 0, null, REFUSE],
  ])('%s (today %s) → %s', (_label, status, today, present, quorum, expected) => {
    expectOutcome(holdRefusal({ status, date }, today, present, quorum), expected);
  });

  it('names the meeting date when held too early', () => {
    expect(holdRefusal({ status: PLANNED, date }, '2026-03-11', 6, 5)).toContain(date);
  });

  it('names the members present and the quorum when it is not reached', () => {
    const refusal = holdRefusal({ status: PLANNED, date }, date, 4, 5);
    expect(refusal).toMatch(/\b4\b/);
    expect(refusal).toMatch(/\b5\b/);
  });

  it('names the status of a meeting no longer planned', () => {
    expect(holdRefusal({ status: CANCELLED, date }, date, 6, 5)).toContain(CANCELLED);
  });
});

describe('cancelling a meeting', () => {
  it.each<[MeetingStatus, Outcome]>([
    [PLANNED, ALLOW],
    [HELD, REFUSE],
    [CANCELLED, REFUSE],
  ])('%s → %s', (status, expected) => {
    expectOutcome(cancelRefusal({ status }), expected);
  });
});

describe('attendance rate of a partner', () => {
  it.each<[number, number, number | null]>([
    [3, 4, 0.75],
    [4, 4, 1],
    [0, 5, 0],
    [1, 2, 0.5],
    [1, 8, 0.125],
    [0, 0, null],
  ])('present at %i of %i expected meetings → %p', (present, expected, rate) => {
    expect(attendanceRate(present, expected)).toBe(rate);
  });

  it('present at 2 of 3 → about 0.6667', () => {
    expect(attendanceRate(2, 3)).toBeCloseTo(0.6667, 4);
  });
});
