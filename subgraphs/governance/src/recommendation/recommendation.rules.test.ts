import { RecommendationStatus } from './recommendation.enums';
import { followUpRefusal, isOpen, isOverdue } from './recommendation.rules';

/** Expected values written by hand: open until DONE or DROPPED, overdue the day after the due date. */

const { OPEN, IN_PROGRESS, DONE, DROPPED } = RecommendationStatus;
const REFUSE = 'refused' as const;
const ALLOW = 'allowed' as const;
type Outcome = typeof REFUSE | typeof ALLOW;

describe('a recommendation is open until done or dropped', () => {
  it.each<[RecommendationStatus, boolean]>([
    [OPEN, true],
    [IN_PROGRESS, true],
    [DONE, false],
    [DROPPED, false],
  ])('%s → open: %p', (status, expected) => {
    expect(isOpen(status)).toBe(expected);
  });
});

describe('overdue recommendations', () => {
  const dueOn = '2026-06-30';
  it.each<[RecommendationStatus, string, boolean]>([
    [OPEN, '2026-07-01', true],
    [OPEN, '2027-01-15', true],
    [OPEN, '2026-06-30', false], // the due day itself
    [OPEN, '2026-06-29', false],
    [IN_PROGRESS, '2026-07-01', true],
    [IN_PROGRESS, '2026-06-30', false],
    [IN_PROGRESS, '2026-01-01', false],
    [DONE, '2026-07-01', false],
    [DONE, '2030-01-01', false],
    [DONE, '2026-06-01', false],
    [DROPPED, '2026-07-01', false],
    [DROPPED, '2030-01-01', false],
  ])('%s, due 2026-06-30, as of %s → overdue: %p', (status, asOf, expected) => {
    expect(isOverdue({ status, dueOn }, asOf)).toBe(expected);
  });
});

describe('following up a recommendation at a meeting', () => {
  const issuedOn = '2026-03-12';
  const body = 'body-cil';
  it.each<[string, RecommendationStatus, { bodyId: string; date: string; held: boolean }, Outcome]>([
    ['open, a later held meeting of the same body', OPEN, { bodyId: body, date: '2026-06-11', held: true }, ALLOW],
    ['in progress, a later held meeting', IN_PROGRESS, { bodyId: body, date: '2026-09-17', held: true }, ALLOW],
    ['open, a held meeting on the issue date itself', OPEN, { bodyId: body, date: '2026-03-12', held: true }, ALLOW],
    ['open, a meeting the day before the issue', OPEN, { bodyId: body, date: '2026-03-11', held: true }, REFUSE],
    ['open, a meeting a year before the issue', OPEN, { bodyId: body, date: '2025-03-12', held: true }, REFUSE],
    ['open, a meeting not held', OPEN, { bodyId: body, date: '2026-06-11', held: false }, REFUSE],
    ['open, a meeting of another body', OPEN, { bodyId: 'body-cal', date: '2026-06-11', held: true }, REFUSE],
    ['done', DONE, { bodyId: body, date: '2026-06-11', held: true }, REFUSE],
    ['dropped', DROPPED, { bodyId: body, date: '2026-06-11', held: true }, REFUSE],
    ['in progress, another body, not held', IN_PROGRESS, { bodyId: 'other', date: '2026-06-11', held: false }, REFUSE],
  ])('%s → %s', (_label, status, meeting, expected) => {
    const refusal = followUpRefusal({ status, issuedOn, bodyId: body }, meeting);
    if (expected === ALLOW) expect(refusal).toBeNull();
    else expect(refusal).toEqual(expect.any(String));
  });

  it.each([DONE, DROPPED])('names the final status %s', (status) => {
    expect(
      followUpRefusal({ status, issuedOn, bodyId: body }, { bodyId: body, date: '2026-06-11', held: true }),
    ).toContain(status);
  });
});
