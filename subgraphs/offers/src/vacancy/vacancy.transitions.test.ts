import { OfferRefusalMotive, ProposalOutcome as P } from '../proposal/proposal.enums';
import { VacancyStatus as S } from './vacancy.enums';
import { applyVacancyAction, type CandidacyState, type VacancyAction, type VacancyState } from './vacancy.transitions';

const TODAY = '2026-11-23';
const HOLDER = '00000000-0000-4000-8000-000000000001';
const [D1, D2, D3, D4] = [1, 2, 3, 4].map((n) => `00000000-0000-4000-8000-00000000010${n}`);

const vacancy = (status: S, lastStepOn = '2026-11-01'): VacancyState => ({
  status,
  vacatedOn: '2026-10-01',
  lastStepOn,
  reservationHolderId: status === S.VACATED ? null : HOLDER,
});
const candidacy = (id: string, outcome: P, answerDueOn: string | null = null): CandidacyState => ({
  id,
  demandId: `d-${id}`,
  outcome,
  outcomeOn: '2026-11-05',
  answerDueOn,
});
const designate = (demandIds: string[], extra: Partial<Extract<VacancyAction, { type: 'DESIGNATE' }>> = {}) =>
  ({
    type: 'DESIGNATE',
    demandIds,
    dalo: false,
    byState: false,
    fewerCandidatesReason: null,
    on: TODAY,
    ...extra,
  }) as const;

describe('applyVacancyAction: which step follows which (issue 5 lifecycle)', () => {
  const allowed: [string, S, VacancyAction, S][] = [
    ['orients a vacated dwelling', S.VACATED, { type: 'ORIENT', reservationHolderId: HOLDER, on: TODAY }, S.ORIENTED],
    [
      're-orients a returned vacancy',
      S.RETURNED,
      { type: 'ORIENT', reservationHolderId: HOLDER, on: TODAY },
      S.ORIENTED,
    ],
    ['records three designated candidates', S.ORIENTED, designate([D1, D2, D3]), S.CANDIDATES_DESIGNATED],
    ['records the CAL examination', S.CANDIDATES_DESIGNATED, { type: 'EXAMINE_IN_CAL', on: TODAY }, S.EXAMINED_IN_CAL],
    ['returns an oriented vacancy', S.ORIENTED, { type: 'RETURN', reason: 'No candidate', on: TODAY }, S.RETURNED],
    ['returns after the CAL', S.EXAMINED_IN_CAL, { type: 'RETURN', reason: 'All refused', on: TODAY }, S.RETURNED],
  ];
  it.each(allowed)('%s', (_name, from, action, to) => {
    const result = applyVacancyAction(vacancy(from), [], action, TODAY);
    expect(result).toMatchObject({
      ok: true,
      outcome: { vacancy: { status: to, lastStepOn: TODAY }, step: { status: to, on: TODAY } },
    });
  });

  const refused: [S, VacancyAction['type']][] = [
    [S.VACATED, 'DESIGNATE'],
    [S.VACATED, 'RETURN'],
    [S.ORIENTED, 'ORIENT'],
    [S.ORIENTED, 'EXAMINE_IN_CAL'],
    [S.CANDIDATES_DESIGNATED, 'NOTIFY_OFFER'],
    [S.EXAMINED_IN_CAL, 'SIGN_LEASE'],
    [S.LEASE_SIGNED, 'RETURN'],
    [S.LEASE_SIGNED, 'ORIENT'],
    [S.RETURNED, 'DESIGNATE'],
  ];
  const actionOf: Record<VacancyAction['type'], VacancyAction> = {
    ORIENT: { type: 'ORIENT', reservationHolderId: HOLDER, on: TODAY },
    DESIGNATE: designate([D1, D2, D3]),
    EXAMINE_IN_CAL: { type: 'EXAMINE_IN_CAL', on: TODAY },
    NOTIFY_OFFER: { type: 'NOTIFY_OFFER', proposalId: 'a', on: TODAY },
    ANSWER_OFFER: { type: 'ANSWER_OFFER', proposalId: 'a', accepted: true, motive: null, on: TODAY },
    EXPIRE_OFFER: { type: 'EXPIRE_OFFER', proposalId: 'a' },
    SIGN_LEASE: { type: 'SIGN_LEASE', proposalId: 'a', on: TODAY },
    RETURN: { type: 'RETURN', reason: 'x', on: TODAY },
  };
  it.each(refused)('refuses, from %s, to %s, with a CONFLICT naming the allowed statuses', (from, type) => {
    const result = applyVacancyAction(vacancy(from), [], actionOf[type], TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.code).toBe('CONFLICT');
    expect(result.refusal.message).toContain(`that is ${from}`);
    expect(result.refusal.message).toContain('allowed from');
  });

  it('refuses a step dated in the future or before the previous step, changing nothing', () => {
    expect(
      applyVacancyAction(vacancy(S.VACATED), [], { ...actionOf.ORIENT, on: '2026-11-24' } as VacancyAction, TODAY),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'BAD_USER_INPUT', field: 'on' },
    });
    expect(
      applyVacancyAction(vacancy(S.VACATED), [], { ...actionOf.ORIENT, on: '2026-10-31' } as VacancyAction, TODAY),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'BAD_USER_INPUT', field: 'on' },
    });
    // The same day as the previous step is fine.
    expect(
      applyVacancyAction(vacancy(S.VACATED), [], { ...actionOf.ORIENT, on: '2026-11-01' } as VacancyAction, TODAY).ok,
    ).toBe(true);
  });
});

describe('designation (CCH R441-3: at least three candidates, except a DALO household designated by the State)', () => {
  const cases: [string, VacancyAction, 'ok' | string][] = [
    ['three candidates', designate([D1, D2, D3]), 'ok'],
    ['four candidates', designate([D1, D2, D3, D4]), 'ok'],
    ['two candidates without a reason', designate([D1, D2]), 'candidates'],
    [
      'two candidates with a reason',
      designate([D1, D2], { fewerCandidatesReason: 'Only two households wish this T5' }),
      'ok',
    ],
    ['two candidates with a blank reason', designate([D1, D2], { fewerCandidatesReason: '   ' }), 'candidates'],
    ['one DALO household by the State', designate([D1], { dalo: true, byState: true }), 'ok'],
    ['a DALO designation by another holder', designate([D1], { dalo: true, byState: false }), 'daloDesignation'],
    ['two households in a DALO designation', designate([D1, D2], { dalo: true, byState: true }), 'candidates'],
    ['the same demand twice', designate([D1, D1, D2]), 'candidates'],
    ['no candidate', designate([], { fewerCandidatesReason: 'none' }), 'candidates'],
    [
      'eleven candidates',
      designate(
        Array.from({ length: 11 }, (_, i) => `00000000-0000-4000-8000-0000000002${String(i).padStart(2, '0')}`),
      ),
      'candidates',
    ],
  ];
  it.each(cases)('%s', (_name, action, expected) => {
    const result = applyVacancyAction(vacancy(S.ORIENTED), [], action, TODAY);
    if (expected === 'ok') {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.outcome.designated.map((d) => d.demandId)).toEqual((action as any).demandIds);
    } else {
      expect(result).toMatchObject({ ok: false, refusal: { code: 'BAD_USER_INPUT', field: expected } });
    }
  });

  it('records the reason for fewer than three candidates on the step, and marks a DALO candidacy', () => {
    const few = applyVacancyAction(
      vacancy(S.ORIENTED),
      [],
      designate([D1, D2], { fewerCandidatesReason: ' Rare T6 ' }),
      TODAY,
    );
    expect(few.ok && few.outcome.step?.note).toBe('Rare T6');
    const dalo = applyVacancyAction(vacancy(S.ORIENTED), [], designate([D1], { dalo: true, byState: true }), TODAY);
    expect(dalo.ok && dalo.outcome.designated).toEqual([{ demandId: D1, dalo: true }]);
  });
});

describe('offers (CCH R441-10: ten days to answer, silence is a refusal)', () => {
  const examined = [
    candidacy('a', P.EXAMINED_IN_CAL),
    candidacy('b', P.EXAMINED_IN_CAL),
    candidacy('c', P.EXAMINED_IN_CAL),
  ];

  it('marks every designated candidate as examined by the CAL', () => {
    const result = applyVacancyAction(
      vacancy(S.CANDIDATES_DESIGNATED),
      [candidacy('a', P.DESIGNATED), candidacy('b', P.DESIGNATED)],
      { type: 'EXAMINE_IN_CAL', on: TODAY },
      TODAY,
    );
    expect(result.ok && result.outcome.changed).toEqual([
      { id: 'a', outcome: P.EXAMINED_IN_CAL, outcomeOn: TODAY },
      { id: 'b', outcome: P.EXAMINED_IN_CAL, outcomeOn: TODAY },
    ]);
  });

  it('notifies an offer due ten calendar days later, across a month end', () => {
    const result = applyVacancyAction(
      vacancy(S.EXAMINED_IN_CAL, '2026-10-20'),
      examined,
      { type: 'NOTIFY_OFFER', proposalId: 'a', on: '2026-10-25' },
      TODAY,
    );
    expect(result.ok && result.outcome.changed).toEqual([
      {
        id: 'a',
        outcome: P.OFFER_NOTIFIED,
        outcomeOn: '2026-10-25',
        notifiedOn: '2026-10-25',
        answerDueOn: '2026-11-04',
      },
    ]);
    expect(result.ok && result.outcome.step).toEqual({ status: S.OFFER_NOTIFIED, on: '2026-10-25', note: null });
  });

  it('makes one offer at a time, then the next after a refusal (no new step)', () => {
    const pending = [candidacy('a', P.OFFER_NOTIFIED, '2026-11-15'), ...examined.slice(1)];
    expect(
      applyVacancyAction(
        vacancy(S.OFFER_NOTIFIED),
        pending,
        { type: 'NOTIFY_OFFER', proposalId: 'b', on: TODAY },
        TODAY,
      ),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'CONFLICT' },
    });
    const refusedFirst = [candidacy('a', P.REFUSED), ...examined.slice(1)];
    const next = applyVacancyAction(
      vacancy(S.OFFER_NOTIFIED),
      refusedFirst,
      { type: 'NOTIFY_OFFER', proposalId: 'b', on: TODAY },
      TODAY,
    );
    expect(next.ok && next.outcome.step).toBeNull();
    expect(next.ok && next.outcome.changed[0]).toMatchObject({ id: 'b', outcome: P.OFFER_NOTIFIED });
  });

  const answers: [string, string, boolean, OfferRefusalMotive | null, 'ACCEPTED' | 'REFUSED' | string][] = [
    ['accepts on the tenth day', '2026-11-15', true, null, 'ACCEPTED'],
    ['cannot accept on the eleventh day', '2026-11-16', true, null, 'CONFLICT'],
    ['refuses with a motive', '2026-11-10', false, OfferRefusalMotive.RENT_TOO_HIGH, 'REFUSED'],
    ['refuses after the deadline too', '2026-11-20', false, OfferRefusalMotive.LOCATION, 'REFUSED'],
    ['cannot refuse without a motive', '2026-11-10', false, null, 'BAD_USER_INPUT'],
    ['cannot accept with a refusal motive', '2026-11-10', true, OfferRefusalMotive.SIZE, 'BAD_USER_INPUT'],
  ];
  it.each(answers)('%s', (_name, on, accepted, motive, expected) => {
    const pending = [candidacy('a', P.OFFER_NOTIFIED, '2026-11-15')];
    const result = applyVacancyAction(
      vacancy(S.OFFER_NOTIFIED),
      pending,
      { type: 'ANSWER_OFFER', proposalId: 'a', accepted, motive, on },
      TODAY,
    );
    if (expected === 'ACCEPTED' || expected === 'REFUSED') {
      expect(result.ok && result.outcome.changed[0]).toMatchObject({ outcome: expected, outcomeOn: on });
      expect(result.ok && result.outcome.step).toBeNull();
    } else {
      expect(result).toMatchObject({ ok: false, refusal: { code: expected } });
    }
  });

  it('turns silence into a refusal the day after the tenth day, not before', () => {
    const pending = [candidacy('a', P.OFFER_NOTIFIED, '2026-11-15')];
    const early = applyVacancyAction(
      vacancy(S.OFFER_NOTIFIED),
      pending,
      { type: 'EXPIRE_OFFER', proposalId: 'a' },
      '2026-11-15',
    );
    expect(early.ok).toBe(false);
    const late = applyVacancyAction(
      vacancy(S.OFFER_NOTIFIED),
      pending,
      { type: 'EXPIRE_OFFER', proposalId: 'a' },
      '2026-11-16',
    );
    expect(late.ok && late.outcome.changed).toEqual([
      { id: 'a', outcome: P.REFUSED, outcomeOn: '2026-11-16', refusalMotiveCode: OfferRefusalMotive.NO_ANSWER },
    ]);
  });
});

describe('the end of a vacancy', () => {
  it('signs the lease of the candidate who accepted, withdrawing the others still in the running', () => {
    const state = [candidacy('a', P.ACCEPTED), candidacy('b', P.EXAMINED_IN_CAL), candidacy('c', P.REFUSED)];
    const result = applyVacancyAction(
      vacancy(S.OFFER_NOTIFIED),
      state,
      { type: 'SIGN_LEASE', proposalId: 'a', on: TODAY },
      TODAY,
    );
    expect(result.ok && result.outcome.changed).toEqual([
      { id: 'a', outcome: P.LEASE_SIGNED, outcomeOn: TODAY },
      { id: 'b', outcome: P.WITHDRAWN, outcomeOn: TODAY },
    ]);
    expect(result.ok && result.outcome.vacancy.status).toBe(S.LEASE_SIGNED);
  });

  it('refuses a lease for a candidate who did not accept', () => {
    const state = [candidacy('a', P.OFFER_NOTIFIED, '2026-11-30')];
    expect(
      applyVacancyAction(vacancy(S.OFFER_NOTIFIED), state, { type: 'SIGN_LEASE', proposalId: 'a', on: TODAY }, TODAY),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'CONFLICT' },
    });
  });

  it('returns a vacancy with a reason, withdrawing pending candidacies, but not once a candidate accepted', () => {
    const pending = [candidacy('a', P.REFUSED), candidacy('b', P.OFFER_NOTIFIED, '2026-11-30')];
    const result = applyVacancyAction(
      vacancy(S.OFFER_NOTIFIED),
      pending,
      { type: 'RETURN', reason: ' All refused ', on: TODAY },
      TODAY,
    );
    expect(result.ok && result.outcome.step).toEqual({ status: S.RETURNED, on: TODAY, note: 'All refused' });
    expect(result.ok && result.outcome.changed).toEqual([{ id: 'b', outcome: P.WITHDRAWN, outcomeOn: TODAY }]);
    const accepted = [candidacy('a', P.ACCEPTED)];
    expect(
      applyVacancyAction(vacancy(S.OFFER_NOTIFIED), accepted, { type: 'RETURN', reason: 'x', on: TODAY }, TODAY).ok,
    ).toBe(false);
    expect(
      applyVacancyAction(vacancy(S.ORIENTED), [], { type: 'RETURN', reason: '  ', on: TODAY }, TODAY),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'BAD_USER_INPUT', field: 'reason' },
    });
  });
});
