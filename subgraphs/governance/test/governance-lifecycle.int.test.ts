import { SENSITIVE_SCOPE } from '@passerelle/shared/access';
import { TEST_REFERENCE_DATE, uuidV5 } from '@passerelle/shared/demo';
import { ANONYMOUS, type Viewer } from '@passerelle/shared/identity';
import {
  type GraphQLResponse,
  type SeededSubgraph,
  type SubgraphClient,
  demoViewer,
  openSeededSubgraph,
} from '@passerelle/shared/testing';
import type { DataSource } from 'typeorm';
import { createGovernanceDataSource } from '../src/data-source';
import { seedDemoGovernance } from '../src/seed/demo-seed';
import { buildGovernanceServer } from '../src/server';

/**
 * The life of meetings, CAL decisions, offers and recommendations, through the governance
 * subgraph's mutations over HTTP on real PostgreSQL, with the clock fixed on the seed's reference
 * day. Every fixture is built here through the mutations (the seed only gives partners, bodies,
 * members and a few past meetings); expected values come from SQL or hand-written tables, and
 * every refusal is checked to change nothing.
 */
let db: DataSource;
let governance: SubgraphClient;

const TODAY = TEST_REFERENCE_DATE; // 2026-06-30: the fixed clock's day in Paris
const YESTERDAY = '2026-06-29';
const TOMORROW = '2026-07-01';
const MEL = '200093201';
const LILLE = '59350';
const ROUBAIX = '59512';
const NOUVEAU_ROUBAIX = 'QN05981M'; // a QPV of Roubaix
const LILLE_SECTEUR_OUEST = 'QN05971M'; // a QPV of Lille, not of Roubaix
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Ids of demands, vacancies and dwellings (owned by other subgraphs): deterministic UUIDs. */
const ref = (key: string) => uuidV5(`governance-lifecycle-test:${key}`);

// The chairs' persons who keep the agendas read the occupancy reviews they write, whose situation and
// opinion are sensitive (a tenant household's loss of autonomy or disability): their tokens carry the
// `read:sensitive` scope, as they would in production.
const vilogia = demoViewer('vilogia', [SENSITIVE_SCOPE]); // landlord: its CAL's chair
const mel = demoViewer('mel', [SENSITIVE_SCOPE]); // EPCI: voting in the CALs, chair of the coordination commission
const prefecture = demoViewer('prefecture-nord'); // STATE: co-chair of the coordination commission
const lmh = demoViewer('lille-metropole-habitat'); // another landlord: not in Vilogia's CAL
const actionLogement = demoViewer('action-logement'); // reservation holder, consultative in the CALs
const siao = demoViewer('siao-nord'); // association
const analyst = demoViewer('observatoire-mel'); // analyst

/** Bodies found by SQL in beforeAll. */
const body = { cal: '', coordination: '', cil: '' };

let subject: SeededSubgraph;
beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'governance',
    createDataSource: createGovernanceDataSource,
    seed: seedDemoGovernance,
    buildApp: (options) => buildGovernanceServer({ ...options, now: () => new Date('2026-06-30T10:00:00Z') }),
    demands: 200,
  });
  ({ db, client: governance } = subject);
  [{ id: body.cal }] = await db.query(
    `SELECT b.id FROM body b JOIN partner p ON p.id = b.landlord_partner_id WHERE b.kind = 'CAL' AND p.slug = 'vilogia'`,
  );
  [{ id: body.coordination }] = await db.query(
    `SELECT id FROM body WHERE kind = 'COORDINATION' AND territory_code = $1`,
    [MEL],
  );
  [{ id: body.cil }] = await db.query(`SELECT id FROM body WHERE kind = 'CIL' AND territory_code = $1`, [MEL]);
  // The fixtures' quorum rules: Vilogia's CAL decides with 3 voting members, the coordination commission has none.
  await db.query(`UPDATE body SET quorum = 3 WHERE id = $1`, [body.cal]);
  await db.query(`UPDATE body SET quorum = NULL WHERE id = $1`, [body.coordination]);
});
afterAll(() => subject?.close());

// ── helpers ─────────────────────────────────────────────────────────────────────────────────

const sql = (query: string, parameters: unknown[] = []): Promise<any[]> => db.query(query, parameters);

/** Row counts (and versions, opinions, presences) of everything the mutations write. */
async function counts() {
  const [row] = await sql(`SELECT
    (SELECT count(*)::int FROM meeting) AS meetings,
    (SELECT sum(version)::int FROM meeting) AS "meetingVersions",
    (SELECT count(*)::int FROM agenda_item) AS "agendaItems",
    (SELECT count(opinion)::int FROM agenda_item) AS opinions,
    (SELECT count(*)::int FROM attendance) AS attendance,
    (SELECT count(*)::int FROM attendance WHERE status = 'PRESENT') AS present,
    (SELECT count(*)::int FROM cal_decision) AS "calDecisions",
    (SELECT count(*)::int FROM offer_answer) AS "offerAnswers",
    (SELECT count(*)::int FROM recommendation) AS recommendations,
    (SELECT coalesce(sum(version), 0)::int FROM recommendation) AS "recommendationVersions",
    (SELECT count(*)::int FROM recommendation_follow_up) AS "followUps"`);
  return row;
}

function expectError(response: GraphQLResponse, code: string, mention?: string) {
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  if (mention) expect(response.errors?.[0]?.message).toContain(mention);
}

/** Runs an operation that must succeed; returns its (single) root field. */
async function ok(viewer: Viewer, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await governance.query(viewer, query, variables);
  expect(response.errors).toBeUndefined();
  return Object.values(response.data!)[0];
}

/** Runs a mutation that must be refused with `code` (and `mention`), and checks that nothing changed. */
async function refused(
  viewer: Viewer,
  query: string,
  variables: Record<string, unknown>,
  code: string,
  mention?: string,
) {
  const before = await counts();
  const response = await governance.query(viewer, query, variables);
  expectError(response, code, mention);
  expect(response.data ?? null).toBeNull();
  expect(await counts()).toEqual(before);
  return response;
}

const MEETING = 'id date mode status windowOpens cancellationReason version minutes';
const PLAN = `mutation($meeting: PlanMeetingInput!) { planMeeting(meeting: $meeting) { ${MEETING} } }`;
const ITEM = 'id position kind title daloDesignatedByState commune occupancySituation opinion nextOccupancyReview';
const ADD_ITEM = `mutation($meetingId: ID!, $item: AgendaItemInput!) {
  addAgendaItem(meetingId: $meetingId, item: $item) { ${ITEM} } }`;
const ATTEND = `mutation($meetingId: ID!, $entries: [AttendanceInput!]!) {
  recordAttendance(meetingId: $meetingId, entries: $entries) { ${MEETING} attendance { status partner { slug } } } }`;
const HOLD = `mutation($meetingId: ID!, $expectedVersion: Int!, $minutes: String) {
  holdMeeting(meetingId: $meetingId, expectedVersion: $expectedVersion, minutes: $minutes) { ${MEETING} } }`;
const CANCEL = `mutation($meetingId: ID!, $expectedVersion: Int!, $reason: String!) {
  cancelMeeting(meetingId: $meetingId, expectedVersion: $expectedVersion, reason: $reason) { ${MEETING} } }`;
const MINUTES = `mutation($meetingId: ID!, $expectedVersion: Int!, $minutes: String!) {
  recordMinutes(meetingId: $meetingId, expectedVersion: $expectedVersion, minutes: $minutes) { ${MEETING} } }`;
const DECISION = `id type rank motive motiveCode decidedOn condition { document deadline } commune { code }
  offerStatus offerAnswer { answer motive answeredOn }`;
const DECIDE = `mutation($decision: CalDecisionInput!) { recordCalDecision(decision: $decision) { ${DECISION} } }`;
const ANSWER = `mutation($answer: OfferAnswerInput!) { recordOfferAnswer(answer: $answer) { ${DECISION} } }`;
const OPINION = `mutation($agendaItemId: ID!, $opinion: String!) {
  recordOccupancyOpinion(agendaItemId: $agendaItemId, opinion: $opinion) { ${ITEM} } }`;
const RECOMMENDATION = `id title text status binding scopeKind scopeValue issuedOn dueOn overdue owner { slug }
  body { id } issuedAt { id } followUps { status note recordedOn recordedBy meeting { id } }`;
const ISSUE = `mutation($recommendation: IssueRecommendationInput!) {
  issueRecommendation(recommendation: $recommendation) { ${RECOMMENDATION} } }`;
const FOLLOW_UP = `mutation($followUp: RecommendationFollowUpInput!) {
  followUpRecommendation(followUp: $followUp) { ${RECOMMENDATION} } }`;

const plan = (viewer: Viewer, bodyId: string, date = TODAY, mode = 'IN_PERSON') =>
  ok(viewer, PLAN, { meeting: { bodyId, date, mode } });
const addItem = (meetingId: string, item: Record<string, unknown>, viewer = vilogia) =>
  ok(viewer, ADD_ITEM, { meetingId, item });

/** A CASE_REVIEW of demand `demand` for vacancy `vacancy` (keys of `ref`). */
const caseReview = (demand: string, vacancy: string, commune = LILLE, extra: Record<string, unknown> = {}) => ({
  kind: 'CASE_REVIEW',
  title: `Candidature ${demand} — logement ${vacancy}`,
  demandId: ref(`demand:${demand}`),
  vacancyId: ref(`vacancy:${vacancy}`),
  commune,
  ...extra,
});
const occupancyReview = (dwelling: string, situation = 'UNDER_OCCUPATION') => ({
  kind: 'OCCUPANCY_REVIEW',
  title: `Examen d'occupation ${dwelling}`,
  dwellingId: ref(`dwelling:${dwelling}`),
  occupancySituation: situation,
  commune: LILLE,
});
const policy = (title: string) => ({ kind: 'POLICY', title });
const reporting = (title: string) => ({ kind: 'REPORTING', title });

/** Three voting members of Vilogia's CAL present: its quorum. */
const QUORUM = [
  { partner: 'vilogia', status: 'PRESENT' },
  { partner: 'mel', status: 'PRESENT' },
  { partner: 'ville-de-lille', status: 'PRESENT' },
];

/** A meeting of Vilogia's CAL with these items (keyed), held (with quorum and minutes) or left planned. */
async function calMeeting(items: Record<string, Record<string, unknown>>, held: boolean, minutes?: string) {
  const meeting = await plan(vilogia, body.cal);
  const ids: Record<string, string> = {};
  for (const [key, item] of Object.entries(items)) ids[key] = (await addItem(meeting.id, item)).id;
  if (held) {
    await ok(vilogia, ATTEND, { meetingId: meeting.id, entries: QUORUM });
    expect(await ok(vilogia, HOLD, { meetingId: meeting.id, expectedVersion: 1, minutes })).toMatchObject({
      status: 'HELD',
    });
  }
  return { meetingId: meeting.id as string, item: ids };
}

const meetingRow = async (id: string) =>
  (
    await sql(
      `SELECT body_id, to_char(date, 'YYYY-MM-DD') AS date, mode, status, version, to_char(window_opens, 'YYYY-MM-DD') AS window_opens,
              minutes, cancellation_reason FROM meeting WHERE id = $1`,
      [id],
    )
  )[0];

/** The seat a partner holds in a body, by SQL (null when it is no member). */
async function seat(bodyId: string, slug: string) {
  const [row] = await sql(
    `SELECT m.role, m.chair FROM body_member m JOIN partner p ON p.id = m.partner_id WHERE m.body_id = $1 AND p.slug = $2`,
    [bodyId, slug],
  );
  return row ?? null;
}

// ── the fixtures' premises ──────────────────────────────────────────────────────────────────

describe('the seats the fixtures rely on (SQL)', () => {
  it.each([
    ['cal', 'vilogia', { role: 'VOTING', chair: true }],
    ['cal', 'mel', { role: 'VOTING', chair: false }],
    ['cal', 'ville-de-lille', { role: 'VOTING', chair: false }],
    ['cal', 'action-logement', { role: 'CONSULTATIVE', chair: false }],
    ['cal', 'lille-metropole-habitat', null],
    ['cal', 'siao-nord', null],
    ['cal', 'observatoire-mel', null],
    ['coordination', 'mel', { role: 'VOTING', chair: true }],
    ['coordination', 'prefecture-nord', { role: 'VOTING', chair: true }],
    ['coordination', 'vilogia', { role: 'VOTING', chair: false }],
    ['coordination', 'lille-metropole-habitat', { role: 'VOTING', chair: false }],
    ['coordination', 'observatoire-mel', null],
  ] as const)('%s: %s holds %j', async (key, slug, expected) => {
    expect(await seat(body[key], slug)).toEqual(expected);
  });

  it('Vilogia is the landlord of its CAL; the coordination commission has no landlord', async () => {
    const rows = await sql(
      `SELECT b.id, p.slug FROM body b LEFT JOIN partner p ON p.id = b.landlord_partner_id WHERE b.id = ANY($1::uuid[])`,
      [[body.cal, body.coordination]],
    );
    expect(new Map(rows.map((row) => [row.id, row.slug]))).toEqual(
      new Map([
        [body.cal, 'vilogia'],
        [body.coordination, null],
      ]),
    );
  });
});

// ── 1. planMeeting ──────────────────────────────────────────────────────────────────────────

describe('planMeeting', () => {
  it.each([
    ['cal', vilogia, 'REMOTE'],
    ['coordination', mel, 'IN_PERSON'],
    ['coordination', prefecture, 'REMOTE'],
  ] as const)(
    'plans a meeting of the %s for its chair %#: PLANNED, version 1, as SQL stores it',
    async (key, viewer, mode) => {
      const before = await counts();
      const meeting = await ok(viewer, PLAN, { meeting: { bodyId: body[key], date: TODAY, mode } });
      expect(meeting).toEqual({
        id: expect.any(String),
        date: TODAY,
        mode,
        status: 'PLANNED',
        windowOpens: null,
        cancellationReason: null,
        version: 1,
        minutes: null,
      });
      expect(await meetingRow(meeting.id)).toEqual({
        body_id: body[key],
        date: TODAY,
        mode,
        status: 'PLANNED',
        version: 1,
        window_opens: null,
        minutes: null,
        cancellation_reason: null,
      });
      expect(await counts()).toEqual({
        ...before,
        meetings: before.meetings + 1,
        meetingVersions: before.meetingVersions + 1,
      });
    },
  );

  it('plans an asynchronous session with its window (windowOpens on or before its date)', async () => {
    const meeting = await ok(vilogia, PLAN, {
      meeting: { bodyId: body.cal, date: TOMORROW, mode: 'ASYNCHRONOUS', windowOpens: '2026-06-24' },
    });
    expect(meeting).toMatchObject({
      date: TOMORROW,
      mode: 'ASYNCHRONOUS',
      windowOpens: '2026-06-24',
      status: 'PLANNED',
    });
    expect(await meetingRow(meeting.id)).toMatchObject({ mode: 'ASYNCHRONOUS', window_opens: '2026-06-24' });
  });

  it.each([
    ['a voting member that does not chair (mel in the CAL)', mel, 'cal', {}, 'FORBIDDEN', 'chairs'],
    ['a consultative member (action-logement in the CAL)', actionLogement, 'cal', {}, 'FORBIDDEN', 'chairs'],
    ['a non-member: another landlord', lmh, 'cal', {}, 'FORBIDDEN', 'chairs'],
    ['a non-member: an association', siao, 'cal', {}, 'FORBIDDEN', 'chairs'],
    ['a member that does not chair (vilogia in the coordination)', vilogia, 'coordination', {}, 'FORBIDDEN', 'chairs'],
    ['an anonymous caller', ANONYMOUS, 'cal', {}, 'FORBIDDEN', undefined],
    ['a date in the past', vilogia, 'cal', { date: YESTERDAY }, 'BAD_USER_INPUT', TODAY],
    [
      'an asynchronous session without windowOpens',
      vilogia,
      'cal',
      { mode: 'ASYNCHRONOUS' },
      'BAD_USER_INPUT',
      'window',
    ],
    ['a window for a meeting in person', vilogia, 'cal', { windowOpens: '2026-06-24' }, 'BAD_USER_INPUT', 'window'],
    [
      'a window opening after the session',
      vilogia,
      'cal',
      { mode: 'ASYNCHRONOUS', windowOpens: '2026-07-02' },
      'BAD_USER_INPUT',
      'window',
    ],
    ['an unknown body', vilogia, 'unknown', {}, 'BAD_USER_INPUT', UNKNOWN_ID],
  ] as const)('refuses %s, planning nothing', async (_case, viewer, key, change, code, mention) => {
    const bodyId = key === 'unknown' ? UNKNOWN_ID : body[key];
    await refused(viewer, PLAN, { meeting: { bodyId, date: TODAY, mode: 'IN_PERSON', ...change } }, code, mention);
  });
});

// ── 2. addAgendaItem ────────────────────────────────────────────────────────────────────────

describe('addAgendaItem', () => {
  let calPlanned: string;
  let coordinationPlanned: string;
  beforeAll(async () => {
    calPlanned = (await plan(vilogia, body.cal)).id;
    coordinationPlanned = (await plan(mel, body.coordination)).id;
  });

  it('appends items at positions 1..n, stored as given (territories of the commune and QPV)', async () => {
    const { id: meetingId } = await plan(vilogia, body.cal);
    const added = [];
    for (const item of [
      policy('Orientations 2026'),
      caseReview('A1', 'A', ROUBAIX, { qpv: NOUVEAU_ROUBAIX, daloDesignatedByState: true }),
      occupancyReview('L1', 'OVER_OCCUPATION'),
      reporting('Bilan du semestre'),
    ]) {
      added.push(await addItem(meetingId, item));
    }
    expect(added.map((item) => [item.position, item.kind])).toEqual([
      [1, 'POLICY'],
      [2, 'CASE_REVIEW'],
      [3, 'OCCUPANCY_REVIEW'],
      [4, 'REPORTING'],
    ]);
    expect(added[2]).toMatchObject({ occupancySituation: 'OVER_OCCUPATION', nextOccupancyReview: '2029-06-30' });
    expect(added[1]).toMatchObject({ daloDesignatedByState: true, commune: ROUBAIX, nextOccupancyReview: null });
    const rows = await sql(
      `SELECT id, position, kind, demand_id, vacancy_id, dwelling_id, dalo_designated_by_state AS dalo, commune, qpv,
              territory_codes, occupancy_situation, opinion, recommendation_id
         FROM agenda_item WHERE meeting_id = $1 ORDER BY position`,
      [meetingId],
    );
    const none = { demand_id: null, vacancy_id: null, dwelling_id: null, dalo: false, commune: null, qpv: null };
    const rest = { territory_codes: [], occupancy_situation: null, opinion: null, recommendation_id: null };
    expect(rows).toEqual([
      { id: added[0].id, position: 1, kind: 'POLICY', ...none, ...rest },
      {
        ...rest,
        id: added[1].id,
        position: 2,
        kind: 'CASE_REVIEW',
        ...none,
        demand_id: ref('demand:A1'),
        vacancy_id: ref('vacancy:A'),
        dalo: true,
        commune: ROUBAIX,
        qpv: NOUVEAU_ROUBAIX,
        territory_codes: [ROUBAIX, MEL, '59', NOUVEAU_ROUBAIX],
      },
      {
        ...rest,
        id: added[2].id,
        position: 3,
        kind: 'OCCUPANCY_REVIEW',
        ...none,
        dwelling_id: ref('dwelling:L1'),
        commune: LILLE,
        territory_codes: [LILLE, MEL, '59'],
        occupancy_situation: 'OVER_OCCUPATION',
      },
      { id: added[3].id, position: 4, kind: 'REPORTING', ...none, ...rest },
    ]);
  });

  it.each([
    ['a CASE_REVIEW in a CAL without vacancyId', 'cal', { ...caseReview('B1', 'B'), vacancyId: null }, 'vacancyId'],
    ['a CASE_REVIEW without demandId', 'cal', { ...caseReview('B1', 'B'), demandId: undefined }, 'demandId'],
    ['a CASE_REVIEW whose demandId is no UUID', 'cal', { ...caseReview('B1', 'B'), demandId: 'D-1' }, 'demandId'],
    ['an unknown commune', 'cal', caseReview('B1', 'B', '59999'), 'commune'],
    ['a commune outside the geography', 'cal', caseReview('B1', 'B', '75056'), 'commune'],
    ['a case review without commune', 'cal', { ...caseReview('B1', 'B'), commune: undefined }, 'commune'],
    ['a QPV not of the commune', 'cal', caseReview('B1', 'B', ROUBAIX, { qpv: LILLE_SECTEUR_OUEST }), 'qpv'],
    ['an OCCUPANCY_REVIEW in a body that is no CAL', 'coordination', occupancyReview('L2'), 'kind'],
    [
      'an OCCUPANCY_REVIEW without its situation',
      'cal',
      { ...occupancyReview('L2'), occupancySituation: undefined },
      'occupancySituation',
    ],
    [
      'an OCCUPANCY_REVIEW without its dwelling',
      'cal',
      { ...occupancyReview('L2'), dwellingId: undefined },
      'dwellingId',
    ],
    ['a POLICY item with a demandId', 'cal', { ...policy('P'), demandId: ref('demand:B1') }, 'demandId'],
    ['a POLICY item with a commune', 'cal', { ...policy('P'), commune: LILLE }, 'commune'],
    [
      'a REPORTING item flagged DALO',
      'coordination',
      { ...reporting('R'), daloDesignatedByState: true },
      'daloDesignatedByState',
    ],
    [
      'an OCCUPANCY_REVIEW with a vacancyId',
      'cal',
      { ...occupancyReview('L2'), vacancyId: ref('vacancy:B') },
      'vacancyId',
    ],
    [
      'a CASE_REVIEW with a dwellingId',
      'cal',
      { ...caseReview('B1', 'B'), dwellingId: ref('dwelling:L2') },
      'dwellingId',
    ],
    [
      'a CASE_REVIEW with an occupancy situation',
      'cal',
      { ...caseReview('B1', 'B'), occupancySituation: 'OVER_OCCUPATION' },
      'occupancySituation',
    ],
    [
      'a POLICY item naming a recommendation',
      'coordination',
      { ...policy('P'), recommendationId: UNKNOWN_ID },
      'recommendationId',
    ],
    [
      'a follow-up without its recommendation',
      'coordination',
      { kind: 'RECOMMENDATION_FOLLOW_UP', title: 'Suivi' },
      'recommendationId',
    ],
    [
      'a follow-up of an unknown recommendation',
      'coordination',
      { kind: 'RECOMMENDATION_FOLLOW_UP', title: 'Suivi', recommendationId: UNKNOWN_ID },
      'recommendationId',
    ],
    ['a blank title', 'coordination', policy('   '), 'title'],
  ] as const)('refuses %s with BAD_USER_INPUT (on %s), adding nothing', async (_case, key, item, field) => {
    const meetingId = key === 'cal' ? calPlanned : coordinationPlanned;
    const viewer = key === 'cal' ? vilogia : mel;
    const response = await refused(viewer, ADD_ITEM, { meetingId, item }, 'BAD_USER_INPUT');
    expect(response.errors![0]!.extensions!.field).toBe(field);
  });

  it('accepts the allowed twins: the same items well formed', async () => {
    const before = (await counts()).agendaItems;
    await addItem(calPlanned, caseReview('B1', 'B', ROUBAIX, { qpv: NOUVEAU_ROUBAIX }));
    await addItem(calPlanned, occupancyReview('L2'));
    await addItem(coordinationPlanned, reporting('R'), mel);
    // A case review in a body that is no CAL names no vacancy.
    await addItem(
      coordinationPlanned,
      { kind: 'CASE_REVIEW', title: 'Situation bloquée', demandId: ref('demand:B9'), commune: LILLE },
      mel,
    );
    expect((await counts()).agendaItems).toBe(before + 4);
  });

  it.each([
    ['a member that does not chair', mel],
    ['the consultative reservation holder', actionLogement],
    ['another landlord', lmh],
  ])('refuses items from %s (FORBIDDEN); its chair adds them', async (_case, viewer) => {
    await refused(viewer, ADD_ITEM, { meetingId: calPlanned, item: policy('Point divers') }, 'FORBIDDEN');
  });

  it('refuses the same candidate twice for a dwelling (CONFLICT), not the same candidate for another dwelling', async () => {
    const { id: meetingId } = await plan(vilogia, body.cal);
    await addItem(meetingId, caseReview('C1', 'C'));
    await refused(vilogia, ADD_ITEM, { meetingId, item: caseReview('C1', 'C') }, 'CONFLICT', 'already on the agenda');
    const other = await addItem(meetingId, caseReview('C1', 'D'));
    expect(other.position).toBe(2);
  });

  it('refuses items once the meeting is held or cancelled (CONFLICT)', async () => {
    const held = await plan(mel, body.coordination);
    await addItem(held.id, policy('Avant la séance'), mel);
    await ok(mel, HOLD, { meetingId: held.id, expectedVersion: 1 });
    await refused(mel, ADD_ITEM, { meetingId: held.id, item: policy('Trop tard') }, 'CONFLICT', 'held');
    const cancelled = await plan(mel, body.coordination);
    await ok(mel, CANCEL, { meetingId: cancelled.id, expectedVersion: 1, reason: 'Report' });
    await refused(mel, ADD_ITEM, { meetingId: cancelled.id, item: policy('Trop tard') }, 'CONFLICT', 'cancelled');
  });

  it('answers NOT_FOUND for an unknown meeting', async () => {
    await refused(vilogia, ADD_ITEM, { meetingId: UNKNOWN_ID, item: policy('P') }, 'NOT_FOUND');
  });
});

// ── 3. need to know ─────────────────────────────────────────────────────────────────────────

describe('need to know: case files and minutes are for the body’s members', () => {
  const MINUTES_TEXT = 'Procès-verbal : la commission a examiné deux candidatures et une situation d’occupation.';
  const READ = `query($id: ID!) { meeting(id: $id) { id minutes agenda { id position kind } } }`;
  let meetingId: string;
  beforeAll(async () => {
    ({ meetingId } = await calMeeting(
      {
        policy: policy('Règlement intérieur'),
        case1: caseReview('N1', 'N', LILLE),
        occupancy: occupancyReview('N-L'),
        reporting: reporting('Bilan des attributions'),
        case2: caseReview('N2', 'N', LILLE),
      },
      true,
      MINUTES_TEXT,
    ));
  });

  it.each([
    ['vilogia', true, 'the landlord, chair of its CAL'],
    ['action-logement', true, 'a consultative reservation holder of the CAL'],
    ['ville-de-lille', true, 'a voting reservation holder of the CAL'],
    ['mel', true, 'the EPCI, voting member'],
    ['lille-metropole-habitat', false, 'another landlord'],
    ['partenord-habitat', false, 'another landlord'],
    ['siao-nord', false, 'an association'],
    ['observatoire-mel', false, 'an analyst'],
    ['dpo-mel', false, 'the auditor'],
  ])(
    '%s (member: %s — %s) reads the agenda and minutes its seat allows, as SQL lists them (minutes: FORBIDDEN otherwise)',
    async (slug, member) => {
      const [{ seated }] = await sql(
        `SELECT EXISTS (SELECT 1 FROM body_member m JOIN partner p ON p.id = m.partner_id
                       JOIN meeting g ON g.body_id = m.body_id WHERE g.id = $1 AND p.slug = $2) AS seated`,
        [meetingId, slug],
      );
      expect(seated).toBe(member);
      const all = await sql(`SELECT id, position, kind FROM agenda_item WHERE meeting_id = $1 ORDER BY position`, [
        meetingId,
      ]);
      const visible = member
        ? all
        : all.filter((item) => item.kind !== 'CASE_REVIEW' && item.kind !== 'OCCUPANCY_REVIEW');
      const [{ minutes }] = await sql(`SELECT minutes FROM meeting WHERE id = $1`, [meetingId]);
      expect(minutes).toBe(MINUTES_TEXT);

      const response = await governance.query(demoViewer(slug), READ, { id: meetingId });
      // Minutes refused: null with FORBIDDEN at their path, the rest of the meeting intact.
      expect(response.errors?.map((error) => [error.extensions?.code, error.path?.join('.')])).toEqual(
        member ? undefined : [['FORBIDDEN', 'meeting.minutes']],
      );
      const read = response.data!.meeting;
      expect(read.id).toBe(meetingId);
      expect(read.agenda).toEqual(visible);
      expect(read.minutes).toBe(member ? minutes : null);
      // The agenda holds both sorts of items, so that each answer shows the filter at work.
      expect(all.map((item) => item.kind)).toEqual([
        'POLICY',
        'CASE_REVIEW',
        'OCCUPANCY_REVIEW',
        'REPORTING',
        'CASE_REVIEW',
      ]);
      expect(read.agenda).toHaveLength(member ? 5 : 2);
    },
  );

  it('gives no minutes before they are recorded, even to members', async () => {
    const { meetingId: planned } = await calMeeting({ policy: policy('Ordre du jour') }, false);
    expect((await ok(vilogia, READ, { id: planned })).minutes).toBeNull();
  });
});

// ── 4. attendance, holding, cancelling ──────────────────────────────────────────────────────

describe('recordAttendance, holdMeeting (quorum), cancelMeeting', () => {
  const attendanceRows = (meetingId: string) =>
    sql(
      `SELECT p.slug, a.status FROM attendance a JOIN partner p ON p.id = a.partner_id WHERE a.meeting_id = $1 ORDER BY p.slug`,
      [meetingId],
    );

  it('holds only with the quorum: 2 voting members present → CONFLICT naming it; a third → HELD, version + 1', async () => {
    expect(await sql(`SELECT quorum FROM body WHERE id = $1`, [body.cal])).toEqual([{ quorum: 3 }]);
    const { id: meetingId } = await plan(vilogia, body.cal);
    const recorded = await ok(vilogia, ATTEND, {
      meetingId,
      entries: [
        { partner: 'vilogia', status: 'PRESENT' },
        { partner: 'mel', status: 'PRESENT' },
        { partner: 'action-logement', status: 'PRESENT' }, // consultative: does not count
        { partner: 'prefecture-nord', status: 'EXCUSED' },
        { partner: 'ville-de-roubaix', status: 'ABSENT' },
      ],
    });
    expect(recorded).toMatchObject({ status: 'PLANNED', version: 1 });
    const rows = await attendanceRows(meetingId);
    expect(rows).toEqual([
      { slug: 'action-logement', status: 'PRESENT' },
      { slug: 'mel', status: 'PRESENT' },
      { slug: 'prefecture-nord', status: 'EXCUSED' },
      { slug: 'ville-de-roubaix', status: 'ABSENT' },
      { slug: 'vilogia', status: 'PRESENT' },
    ]);
    const read = recorded.attendance.map((entry: any) => ({ slug: entry.partner.slug, status: entry.status }));
    expect(read.sort((a: any, b: any) => (a.slug < b.slug ? -1 : 1))).toEqual(rows);
    await refused(
      vilogia,
      HOLD,
      { meetingId, expectedVersion: 1 },
      'CONFLICT',
      'Quorum not reached: 2 voting member(s) present, 3 required',
    );
    expect(await meetingRow(meetingId)).toMatchObject({ status: 'PLANNED', version: 1 });

    // Entries replace earlier ones: the préfecture arrives after all, and Lille too.
    await ok(vilogia, ATTEND, {
      meetingId,
      entries: [
        { partner: 'prefecture-nord', status: 'PRESENT' },
        { partner: 'ville-de-lille', status: 'PRESENT' },
      ],
    });
    expect(await attendanceRows(meetingId)).toHaveLength(6);
    const held = await ok(vilogia, HOLD, { meetingId, expectedVersion: 1, minutes: 'PV de séance' });
    expect(held).toMatchObject({ status: 'HELD', version: 2, minutes: 'PV de séance' });
    expect(await meetingRow(meetingId)).toMatchObject({ status: 'HELD', version: 2, minutes: 'PV de séance' });
  });

  it('refuses a stale expectedVersion (CONFLICT naming the version), then holds with the current one', async () => {
    const { id: meetingId } = await plan(mel, body.coordination);
    await refused(mel, HOLD, { meetingId, expectedVersion: 2 }, 'CONFLICT', 'version 1');
    expect(await ok(mel, HOLD, { meetingId, expectedVersion: 1 })).toMatchObject({ status: 'HELD', version: 2 });
    await refused(mel, MINUTES, { meetingId, expectedVersion: 1, minutes: 'PV' }, 'CONFLICT', 'version 2');
    expect(await ok(mel, MINUTES, { meetingId, expectedVersion: 2, minutes: 'PV' })).toMatchObject({
      version: 3,
      minutes: 'PV',
    });
    expect(await meetingRow(meetingId)).toMatchObject({ status: 'HELD', version: 3, minutes: 'PV' });
  });

  it.each([
    ['a member that does not chair', mel],
    ['another landlord', lmh],
  ])('refuses holding to %s (FORBIDDEN)', async (_case, viewer) => {
    const { id: meetingId } = await plan(vilogia, body.cal);
    await ok(vilogia, ATTEND, { meetingId, entries: QUORUM });
    await refused(viewer, HOLD, { meetingId, expectedVersion: 1 }, 'FORBIDDEN');
    expect(await ok(vilogia, HOLD, { meetingId, expectedVersion: 1 })).toMatchObject({ status: 'HELD' });
  });

  it('does not hold a meeting dated tomorrow (CONFLICT); cancels it with its reason, once', async () => {
    const { id: meetingId } = await plan(vilogia, body.cal, TOMORROW);
    await ok(vilogia, ATTEND, { meetingId, entries: QUORUM });
    await refused(vilogia, HOLD, { meetingId, expectedVersion: 1 }, 'CONFLICT', `on ${TOMORROW}`);
    await refused(vilogia, CANCEL, { meetingId, expectedVersion: 1, reason: '   ' }, 'BAD_USER_INPUT', 'reason');
    await refused(vilogia, CANCEL, { meetingId, expectedVersion: 3, reason: 'Report' }, 'CONFLICT', 'version 1');
    await refused(mel, CANCEL, { meetingId, expectedVersion: 1, reason: 'Report' }, 'FORBIDDEN');
    const cancelled = await ok(vilogia, CANCEL, {
      meetingId,
      expectedVersion: 1,
      reason: '  Séance reportée (grève).  ',
    });
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      version: 2,
      cancellationReason: 'Séance reportée (grève).',
    });
    expect(await meetingRow(meetingId)).toMatchObject({
      status: 'CANCELLED',
      version: 2,
      cancellation_reason: 'Séance reportée (grève).',
    });
    await refused(vilogia, CANCEL, { meetingId, expectedVersion: 2, reason: 'Encore' }, 'CONFLICT', 'CANCELLED');
    await refused(vilogia, HOLD, { meetingId, expectedVersion: 2 }, 'CONFLICT', 'CANCELLED');
    await refused(vilogia, ATTEND, { meetingId, entries: QUORUM }, 'CONFLICT', 'cancelled');
  });

  it('does not cancel a held meeting (CONFLICT)', async () => {
    const { id: meetingId } = await plan(mel, body.coordination);
    await ok(mel, HOLD, { meetingId, expectedVersion: 1 });
    await refused(mel, CANCEL, { meetingId, expectedVersion: 2, reason: 'Trop tard' }, 'CONFLICT', 'HELD');
    expect(await meetingRow(meetingId)).toMatchObject({ status: 'HELD', version: 2, cancellation_reason: null });
  });

  const present = (...slugs: string[]) => slugs.map((partner) => ({ partner, status: 'PRESENT' }));
  it.each([
    [
      'a partner that is no member (another landlord)',
      present('vilogia', 'lille-metropole-habitat'),
      'lille-metropole-habitat',
    ],
    ['a partner that is no member (an analyst)', present('vilogia', 'observatoire-mel'), 'observatoire-mel'],
    ['an unknown partner', present('vilogia', 'nobody-here'), 'nobody-here'],
    ['a partner listed twice', present('vilogia', 'mel', 'mel'), 'twice'],
    ['no entry', [], 'entries'],
  ])('refuses attendance naming %s (BAD_USER_INPUT), recording none of it', async (_case, entries, mention) => {
    const { id: meetingId } = await plan(vilogia, body.cal);
    await refused(vilogia, ATTEND, { meetingId, entries }, 'BAD_USER_INPUT', mention);
    expect(await attendanceRows(meetingId)).toEqual([]);
  });

  it('refuses attendance from a member that does not chair (FORBIDDEN); the chair records it', async () => {
    const { id: meetingId } = await plan(vilogia, body.cal);
    await refused(mel, ATTEND, { meetingId, entries: QUORUM }, 'FORBIDDEN');
    await ok(vilogia, ATTEND, { meetingId, entries: QUORUM });
    expect(await attendanceRows(meetingId)).toEqual([
      { slug: 'mel', status: 'PRESENT' },
      { slug: 'ville-de-lille', status: 'PRESENT' },
      { slug: 'vilogia', status: 'PRESENT' },
    ]);
  });
});

// ── 5. recordCalDecision ────────────────────────────────────────────────────────────────────

describe('recordCalDecision', () => {
  let held: { meetingId: string; item: Record<string, string> };
  let planned: { meetingId: string; item: Record<string, string> };
  beforeAll(async () => {
    held = await calMeeting(
      {
        // Vacancy A: two candidates, no DALO household designated by the State.
        A1: caseReview('DA1', 'DA'),
        A2: caseReview('DA2', 'DA'),
        // Vacancy B: two candidates, one designated by the State under the DALO.
        B1: caseReview('DB1', 'DB', LILLE, { daloDesignatedByState: true }),
        B2: caseReview('DB2', 'DB'),
        // Vacancy C: five candidates, in a QPV of Roubaix.
        ...Object.fromEntries(
          [1, 2, 3, 4, 5].map((n) => [`C${n}`, caseReview(`DC${n}`, 'DC', ROUBAIX, { qpv: NOUVEAU_ROUBAIX })]),
        ),
        // Vacancy D: three candidates who never get a decision (the refusals).
        D1: caseReview('DD1', 'DD'),
        D2: caseReview('DD2', 'DD'),
        D3: caseReview('DD3', 'DD'),
        // Vacancy E: the allowed twins of the refusals.
        E1: caseReview('DE1', 'DE'),
        E2: caseReview('DE2', 'DE'),
        E3: caseReview('DE3', 'DE'),
        policy: policy('Point d’information'),
      },
      true,
    );
    planned = await calMeeting(
      { P1: caseReview('DP1', 'DP'), P2: caseReview('DP2', 'DP'), P3: caseReview('DP3', 'DP') },
      false,
    );
  });

  const decide = (item: string, input: Record<string, unknown>) => ({
    decision: { agendaItemId: held.item[item], ...input },
  });
  const decisionRow = async (id: string) =>
    (
      await sql(
        `SELECT meeting_id, demand_id, vacancy_id, type, rank, motive, motive_code, condition_document,
                to_char(condition_deadline, 'YYYY-MM-DD') AS condition_deadline, to_char(decided_on, 'YYYY-MM-DD') AS decided_on,
                commune, qpv, territory_codes, agenda_item_id, recorded_by
           FROM cal_decision WHERE id = $1`,
        [id],
      )
    )[0];

  it('refuses a decision when only 2 candidates are examined for the dwelling (CONFLICT, CCH R441-3)', async () => {
    await refused(vilogia, DECIDE, decide('A1', { type: 'ATTRIBUTION' }), 'CONFLICT', 'at least 3 candidates');
  });

  it('allows 2 candidates when one is a DALO household designated by the State', async () => {
    const decision = await ok(vilogia, DECIDE, decide('B1', { type: 'ATTRIBUTION' }));
    expect(decision).toMatchObject({ type: 'ATTRIBUTION', rank: 1, decidedOn: TODAY, commune: { code: LILLE } });
    expect(await decisionRow(decision.id)).toMatchObject({
      demand_id: ref('demand:DB1'),
      territory_codes: [LILLE, MEL, '59'],
    });
  });

  it('records rank 1, then rank 2 (not rank 3 first, not rank 2 twice), then a non-attribution; rows as SQL stores them', async () => {
    const first = await ok(vilogia, DECIDE, decide('C1', { type: 'ATTRIBUTION' }));
    await refused(
      vilogia,
      DECIDE,
      decide('C3', { type: 'ATTRIBUTION_RANKED', rank: 3 }),
      'BAD_USER_INPUT',
      'Record rank 2 before rank 3',
    );
    const second = await ok(vilogia, DECIDE, decide('C2', { type: 'ATTRIBUTION_RANKED', rank: 2 }));
    await refused(
      vilogia,
      DECIDE,
      decide('C3', { type: 'ATTRIBUTION_RANKED', rank: 2 }),
      'BAD_USER_INPUT',
      'Rank 2 is already given',
    );
    await refused(vilogia, DECIDE, decide('C3', { type: 'ATTRIBUTION' }), 'BAD_USER_INPUT', 'Rank 1 is already given');
    const refusal = await ok(
      vilogia,
      DECIDE,
      decide('C4', { type: 'NON_ATTRIBUTION', motiveCode: 'BETTER_PLACED_CANDIDATE' }),
    );
    expect([first, second, refusal].map((decision) => [decision.type, decision.rank, decision.motiveCode])).toEqual([
      ['ATTRIBUTION', 1, null],
      ['ATTRIBUTION_RANKED', 2, null],
      ['NON_ATTRIBUTION', null, 'BETTER_PLACED_CANDIDATE'],
    ]);
    const common = {
      meeting_id: held.meetingId,
      vacancy_id: ref('vacancy:DC'),
      condition_document: null,
      condition_deadline: null,
      decided_on: TODAY,
      commune: ROUBAIX,
      qpv: NOUVEAU_ROUBAIX,
      territory_codes: [ROUBAIX, MEL, '59', NOUVEAU_ROUBAIX],
      recorded_by: 'vilogia',
    };
    expect(await decisionRow(first.id)).toEqual({
      ...common,
      demand_id: ref('demand:DC1'),
      type: 'ATTRIBUTION',
      rank: 1,
      motive: null,
      motive_code: null,
      agenda_item_id: held.item.C1,
    });
    expect(await decisionRow(second.id)).toEqual({
      ...common,
      demand_id: ref('demand:DC2'),
      type: 'ATTRIBUTION_RANKED',
      rank: 2,
      motive: null,
      motive_code: null,
      agenda_item_id: held.item.C2,
    });
    expect(await decisionRow(refusal.id)).toEqual({
      ...common,
      demand_id: ref('demand:DC4'),
      type: 'NON_ATTRIBUTION',
      rank: null,
      motive: 'BETTER_PLACED_CANDIDATE',
      motive_code: 'BETTER_PLACED_CANDIDATE',
      agenda_item_id: held.item.C4,
    });
    // One decision per candidate: a second one for C1 is refused.
    await refused(
      vilogia,
      DECIDE,
      decide('C1', { type: 'NON_ATTRIBUTION', motiveCode: 'UNSUITED_TO_HOUSEHOLD' }),
      'CONFLICT',
      'already has a decision',
    );
  });

  it.each([
    [
      'INELIGIBLE with a non-attribution motive',
      { type: 'INELIGIBLE', motiveCode: 'UNSUITED_TO_HOUSEHOLD' },
      'two grounds',
    ],
    ['INELIGIBLE without motive', { type: 'INELIGIBLE' }, 'two grounds'],
    [
      'NON_ATTRIBUTION with an ineligibility ground',
      { type: 'NON_ATTRIBUTION', motiveCode: 'IRREGULAR_STAY' },
      'states its motive',
    ],
    ['NON_ATTRIBUTION without motiveCode', { type: 'NON_ATTRIBUTION', motive: 'Trop cher' }, 'states its motive'],
    ['OTHER without text', { type: 'NON_ATTRIBUTION', motiveCode: 'OTHER' }, 'OTHER'],
    ['OTHER with blank text', { type: 'NON_ATTRIBUTION', motiveCode: 'OTHER', motive: '   ' }, 'OTHER'],
    [
      'an attribution with a motive code',
      { type: 'ATTRIBUTION', motiveCode: 'OTHER', motive: 'x' },
      'no refusal motive',
    ],
    [
      'a conditional attribution with its deadline before the meeting',
      { type: 'ATTRIBUTION_CONDITIONAL', condition: { document: 'Avis d’imposition 2025', deadline: YESTERDAY } },
      `precede the decision (${TODAY})`,
    ],
    ['a conditional attribution without condition', { type: 'ATTRIBUTION_CONDITIONAL' }, 'missing document'],
    [
      'a condition on a plain attribution',
      { type: 'ATTRIBUTION', condition: { document: 'Avis d’imposition 2025', deadline: TOMORROW } },
      'Only an attribution under suspensive condition',
    ],
    ['a ranked attribution before rank 1', { type: 'ATTRIBUTION_RANKED', rank: 2 }, 'Record rank 1 before rank 2'],
    ['a ranked attribution of rank 1', { type: 'ATTRIBUTION_RANKED', rank: 1 }, 'rank of 2 or more'],
    ['a rank on a refusal', { type: 'NON_ATTRIBUTION', motiveCode: 'TOO_FAR_FROM_WORK', rank: 2 }, 'has no rank'],
    ['a motive over 500 characters', { type: 'NON_ATTRIBUTION', motiveCode: 'OTHER', motive: 'x'.repeat(501) }, '500'],
  ])('refuses %s (BAD_USER_INPUT), recording nothing', async (_case, input, mention) => {
    await refused(vilogia, DECIDE, decide('D1', input), 'BAD_USER_INPUT', mention);
  });

  it('records the allowed twins: a conditional attribution due on the meeting day, ineligibility and OTHER with their motives', async () => {
    const conditional = await ok(
      vilogia,
      DECIDE,
      decide('E1', {
        type: 'ATTRIBUTION_CONDITIONAL',
        condition: { document: 'Avis d’imposition 2025', deadline: TODAY },
      }),
    );
    const ineligible = await ok(
      vilogia,
      DECIDE,
      decide('E2', { type: 'INELIGIBLE', motiveCode: 'RESOURCES_OVER_CEILING' }),
    );
    const other = await ok(
      vilogia,
      DECIDE,
      decide('E3', { type: 'NON_ATTRIBUTION', motiveCode: 'OTHER', motive: '  Dossier incomplet  ' }),
    );
    expect(conditional).toMatchObject({ rank: 1, condition: { document: 'Avis d’imposition 2025', deadline: TODAY } });
    expect(await decisionRow(conditional.id)).toMatchObject({
      type: 'ATTRIBUTION_CONDITIONAL',
      rank: 1,
      condition_document: 'Avis d’imposition 2025',
      condition_deadline: TODAY,
    });
    expect(await decisionRow(ineligible.id)).toMatchObject({
      type: 'INELIGIBLE',
      rank: null,
      motive_code: 'RESOURCES_OVER_CEILING',
      motive: 'RESOURCES_OVER_CEILING',
    });
    expect(await decisionRow(other.id)).toMatchObject({ motive_code: 'OTHER', motive: 'Dossier incomplet' });
  });

  // Members read the case file, so they are told why (FORBIDDEN); to others a case file does not
  // exist (NOT_FOUND, as for an unknown item), so that a refusal reveals nothing.
  it.each([
    ['a consultative reservation holder of the CAL', actionLogement, 'FORBIDDEN'],
    ['a voting member of the CAL', mel, 'FORBIDDEN'],
    ['another landlord (not a member)', lmh, 'NOT_FOUND'],
    ['an association (not a member)', siao, 'NOT_FOUND'],
  ])('refuses a decision recorded by %s (%s): only the CAL’s landlord records', async (_case, viewer, code) => {
    await refused(viewer, DECIDE, decide('D1', { type: 'ATTRIBUTION' }), code);
  });

  it('refuses a decision at a planned meeting (CONFLICT)', async () => {
    await refused(
      vilogia,
      DECIDE,
      { decision: { agendaItemId: planned.item.P1, type: 'ATTRIBUTION' } },
      'CONFLICT',
      'held',
    );
  });

  it('refuses a decision on an item that is no case review, and answers NOT_FOUND for an unknown item', async () => {
    await refused(vilogia, DECIDE, decide('policy', { type: 'ATTRIBUTION' }), 'BAD_USER_INPUT', 'case reviews');
    await refused(vilogia, DECIDE, { decision: { agendaItemId: UNKNOWN_ID, type: 'ATTRIBUTION' } }, 'NOT_FOUND');
  });
});

// ── 6. recordOfferAnswer and offerStatus (ordered: each test builds on the previous) ───────

describe('recordOfferAnswer and offerStatus', () => {
  const STATUS = `query($id: ID!) { calDecision(id: $id) { id rank offerStatus offerAnswer { answer motive answeredOn } } }`;
  const decisions: Record<string, string> = {};
  beforeAll(async () => {
    const { item } = await calMeeting(
      {
        F1: caseReview('DF1', 'DF'),
        F2: caseReview('DF2', 'DF'),
        F3: caseReview('DF3', 'DF'),
        F4: caseReview('DF4', 'DF'),
      },
      true,
    );
    for (const [key, input] of [
      ['F1', { type: 'ATTRIBUTION' }],
      ['F2', { type: 'ATTRIBUTION_RANKED', rank: 2 }],
      ['F3', { type: 'ATTRIBUTION_RANKED', rank: 3 }],
      ['F4', { type: 'NON_ATTRIBUTION', motiveCode: 'EXCESSIVE_EFFORT_RATE' }],
    ] as const) {
      decisions[key] = (await ok(vilogia, DECIDE, { decision: { agendaItemId: item[key], ...input } })).id;
    }
  });

  const statuses = async () => {
    const read = [];
    for (const key of ['F1', 'F2', 'F3', 'F4']) {
      read.push((await ok(vilogia, STATUS, { id: decisions[key] })).offerStatus);
    }
    return read;
  };
  const answer = (key: string, input: Record<string, unknown>) => ({
    answer: { calDecisionId: decisions[key], answeredOn: TODAY, ...input },
  });

  it('starts with rank 1 PENDING, ranks 2 and 3 WAITING, and no offer after a refusal', async () => {
    expect(await statuses()).toEqual(['PENDING', 'WAITING', 'WAITING', null]);
    expect((await ok(vilogia, STATUS, { id: decisions.F1 })).offerAnswer).toBeNull();
  });

  it('refuses an answer out of turn (rank 2 while rank 1 holds the offer) and one after a refusal (CONFLICT)', async () => {
    await refused(vilogia, ANSWER, answer('F2', { answer: 'ACCEPTED' }), 'CONFLICT', 'ranked before');
    await refused(vilogia, ANSWER, answer('F4', { answer: 'ACCEPTED' }), 'CONFLICT', 'Only an attribution');
  });

  it.each([
    ['a refusal without motive', vilogia, { answer: 'REFUSED' }, 'BAD_USER_INPUT', 'motive'],
    ['a refusal with a blank motive', vilogia, { answer: 'REFUSED', motive: '  ' }, 'BAD_USER_INPUT', 'motive'],
    ['an answer before the decision', vilogia, { answer: 'ACCEPTED', answeredOn: YESTERDAY }, 'BAD_USER_INPUT', TODAY],
    ['an answer after today', vilogia, { answer: 'ACCEPTED', answeredOn: TOMORROW }, 'BAD_USER_INPUT', TODAY],
    ['an answer recorded by another landlord', lmh, { answer: 'ACCEPTED' }, 'FORBIDDEN', undefined],
    ['an answer recorded by a reservation holder', actionLogement, { answer: 'ACCEPTED' }, 'FORBIDDEN', undefined],
  ] as const)('refuses %s for rank 1, recording nothing', async (_case, viewer, input, code, mention) => {
    await refused(viewer, ANSWER, answer('F1', input), code, mention);
  });

  it('answers NOT_FOUND for an unknown decision', async () => {
    await refused(
      vilogia,
      ANSWER,
      { answer: { calDecisionId: UNKNOWN_ID, answer: 'ACCEPTED', answeredOn: TODAY } },
      'NOT_FOUND',
    );
  });

  it('passes the offer to rank 2 when rank 1 refuses (motive stated), stored as given', async () => {
    const answered = await ok(vilogia, ANSWER, answer('F1', { answer: 'REFUSED', motive: ' Logement trop éloigné ' }));
    expect(answered).toMatchObject({
      id: decisions.F1,
      offerStatus: 'REFUSED',
      offerAnswer: { answer: 'REFUSED', motive: 'Logement trop éloigné', answeredOn: TODAY },
    });
    expect(
      await sql(
        `SELECT answer, motive, to_char(answered_on, 'YYYY-MM-DD') AS answered_on, recorded_by FROM offer_answer WHERE cal_decision_id = $1`,
        [decisions.F1],
      ),
    ).toEqual([{ answer: 'REFUSED', motive: 'Logement trop éloigné', answered_on: TODAY, recorded_by: 'vilogia' }]);
    expect(await statuses()).toEqual(['REFUSED', 'PENDING', 'WAITING', null]);
    await refused(vilogia, ANSWER, answer('F1', { answer: 'ACCEPTED' }), 'CONFLICT', 'no longer open');
  });

  it('ends the chain when rank 2 accepts: rank 3 is NOT_REACHED and cannot answer', async () => {
    const answered = await ok(vilogia, ANSWER, answer('F2', { answer: 'ACCEPTED' }));
    expect(answered).toMatchObject({ offerStatus: 'ACCEPTED', offerAnswer: { answer: 'ACCEPTED', motive: null } });
    expect(await statuses()).toEqual(['REFUSED', 'ACCEPTED', 'NOT_REACHED', null]);
    await refused(vilogia, ANSWER, answer('F3', { answer: 'ACCEPTED' }), 'CONFLICT', 'NOT_REACHED');
  });

  it('keeps answers append-only: UPDATE and DELETE by SQL fail and change nothing', async () => {
    const before = await sql(`SELECT * FROM offer_answer WHERE cal_decision_id = $1`, [decisions.F1]);
    await expect(
      sql(`UPDATE offer_answer SET answer = 'ACCEPTED', motive = NULL WHERE cal_decision_id = $1`, [decisions.F1]),
    ).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM offer_answer WHERE cal_decision_id = $1`, [decisions.F1])).rejects.toThrow(
      /append-only/,
    );
    expect(await sql(`SELECT * FROM offer_answer WHERE cal_decision_id = $1`, [decisions.F1])).toEqual(before);
  });
});

// ── 7. recordOccupancyOpinion ───────────────────────────────────────────────────────────────

describe('recordOccupancyOpinion', () => {
  let held: { meetingId: string; item: Record<string, string> };
  let planned: { meetingId: string; item: Record<string, string> };
  beforeAll(async () => {
    held = await calMeeting({ review: occupancyReview('O1', 'LOSS_OF_AUTONOMY'), policy: policy('Information') }, true);
    planned = await calMeeting({ review: occupancyReview('O2') }, false);
  });
  const opinion = (agendaItemId: string, text: string) => ({ agendaItemId, opinion: text });

  it.each([
    ['another landlord (not a member: the case file does not exist for it)', lmh, 'NOT_FOUND'],
    ['a voting member', mel, 'FORBIDDEN'],
    ['a consultative reservation holder', actionLogement, 'FORBIDDEN'],
  ])('refuses the opinion from %s (%s)', async (_case, viewer, code) => {
    await refused(viewer, OPINION, opinion(held.item.review, 'Avis favorable à une mutation'), code);
  });

  it.each([
    ['on a planned meeting', () => planned.item.review, 'Avis', 'CONFLICT', 'held'],
    ['on an item that is no occupancy review', () => held.item.policy, 'Avis', 'BAD_USER_INPUT', 'occupancy reviews'],
    ['that is blank', () => held.item.review, '   ', 'BAD_USER_INPUT', 'opinion'],
  ])('refuses an opinion %s', async (_case, item, text, code, mention) => {
    await refused(vilogia, OPINION, opinion(item(), text), code, mention);
  });

  it('records the landlord’s opinion once on a held meeting’s occupancy review; a second is a CONFLICT', async () => {
    const item = await ok(
      vilogia,
      OPINION,
      opinion(held.item.review, ' Proposer un logement adapté en rez-de-chaussée. '),
    );
    expect(item).toMatchObject({
      id: held.item.review,
      kind: 'OCCUPANCY_REVIEW',
      occupancySituation: 'LOSS_OF_AUTONOMY',
      opinion: 'Proposer un logement adapté en rez-de-chaussée.',
      nextOccupancyReview: '2029-06-30',
    });
    expect(await sql(`SELECT opinion FROM agenda_item WHERE id = $1`, [held.item.review])).toEqual([
      { opinion: 'Proposer un logement adapté en rez-de-chaussée.' },
    ]);
    await refused(vilogia, OPINION, opinion(held.item.review, 'Autre avis'), 'CONFLICT', 'already gave its opinion');
  });
});

// ── 8. recommendations (ordered: each test builds on the previous) ──────────────────────────

describe('issueRecommendation, followUpRecommendation and the lists', () => {
  const DUE_PAST = '2026-05-31';
  let earlier: { id: string; date: string }; // a seeded held meeting of the coordination commission
  let otherBodyHeld: string; // a held meeting of another body
  let current: string; // held today
  let plannedToday: string;
  let overdue: any; // issued at `earlier`, due before today
  let later: any; // issued today, due at the end of the year

  beforeAll(async () => {
    [earlier] = await sql(
      `SELECT id, to_char(date, 'YYYY-MM-DD') AS date FROM meeting
        WHERE body_id = $1 AND status = 'HELD' AND date <= $2 ORDER BY date DESC LIMIT 1`,
      [body.coordination, DUE_PAST],
    );
    [{ id: otherBodyHeld }] = await sql(
      `SELECT id FROM meeting WHERE body_id = $1 AND status = 'HELD' ORDER BY date DESC, id LIMIT 1`,
      [body.cil],
    );
    current = (await plan(mel, body.coordination)).id;
    await ok(mel, HOLD, { meetingId: current, expectedVersion: 1 });
    plannedToday = (await plan(mel, body.coordination)).id;
  });

  const issue = (input: Record<string, unknown>) => ({
    recommendation: {
      meetingId: current,
      title: 'Attribuer hors QPV',
      text: 'Réserver 25 % des attributions hors QPV aux ménages du premier quartile.',
      scopeKind: 'COMMUNE',
      scopeValue: ROUBAIX,
      binding: true,
      owner: 'vilogia',
      dueOn: '2026-12-31',
      ...input,
    },
  });
  const recommendationRow = async (id: string) =>
    (
      await sql(
        `SELECT body_id, issued_at_meeting_id, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, title, text, scope_kind, scope_value,
                binding, p.slug AS owner, to_char(due_on, 'YYYY-MM-DD') AS due_on, status, version
           FROM recommendation r JOIN partner p ON p.id = r.owner_partner_id WHERE r.id = $1`,
        [id],
      )
    )[0];

  it('issues recommendations at held meetings by a chair: OPEN, version 1, as SQL stores them', async () => {
    expect(earlier.date < DUE_PAST).toBe(true);
    overdue = await ok(mel, ISSUE, issue({ meetingId: earlier.id, dueOn: DUE_PAST }));
    later = await ok(
      prefecture,
      ISSUE,
      issue({ scopeKind: 'PUBLIC_SEGMENT', scopeValue: 'Ménages DALO', binding: false, owner: 'mel' }),
    );
    expect(overdue).toMatchObject({
      status: 'OPEN',
      issuedOn: earlier.date,
      dueOn: DUE_PAST,
      overdue: true,
      owner: { slug: 'vilogia' },
      body: { id: body.coordination },
      issuedAt: { id: earlier.id },
      followUps: [],
    });
    expect(later).toMatchObject({ status: 'OPEN', issuedOn: TODAY, overdue: false, owner: { slug: 'mel' } });
    expect(await recommendationRow(overdue.id)).toEqual({
      body_id: body.coordination,
      issued_at_meeting_id: earlier.id,
      issued_on: earlier.date,
      title: 'Attribuer hors QPV',
      text: 'Réserver 25 % des attributions hors QPV aux ménages du premier quartile.',
      scope_kind: 'COMMUNE',
      scope_value: ROUBAIX,
      binding: true,
      owner: 'vilogia',
      due_on: DUE_PAST,
      status: 'OPEN',
      version: 1,
    });
    expect(await recommendationRow(later.id)).toMatchObject({
      issued_at_meeting_id: current,
      issued_on: TODAY,
      scope_kind: 'PUBLIC_SEGMENT',
      scope_value: 'Ménages DALO',
      binding: false,
      owner: 'mel',
      status: 'OPEN',
      version: 1,
    });
  });

  it.each([
    ['issued at a planned meeting', mel, () => ({ meetingId: plannedToday }), 'CONFLICT', 'held meeting'],
    ['with a COMMUNE scope of an unknown code', mel, () => ({ scopeValue: '59999' }), 'BAD_USER_INPUT', '59999'],
    ['with a COMMUNE scope named in words', mel, () => ({ scopeValue: 'Roubaix' }), 'BAD_USER_INPUT', 'Roubaix'],
    ['owned by an unknown partner', mel, () => ({ owner: 'nobody-here' }), 'BAD_USER_INPUT', 'nobody-here'],
    ['due before its meeting', mel, () => ({ dueOn: YESTERDAY }), 'BAD_USER_INPUT', TODAY],
    ['with a blank title', mel, () => ({ title: '  ' }), 'BAD_USER_INPUT', 'title'],
    ['issued by a member that does not chair', vilogia, () => ({}), 'FORBIDDEN', 'chairs'],
    ['issued by a partner that is no member', analyst, () => ({}), 'FORBIDDEN', 'chairs'],
  ] as const)('refuses a recommendation %s, issuing nothing', async (_case, viewer, change, code, mention) => {
    await refused(viewer, ISSUE, issue(change()), code, mention);
  });

  it('lists the overdue recommendations (filter overdueOn) and the meeting’s overdueRecommendations as SQL does', async () => {
    const LIST = `query($filter: RecommendationFilter) { recommendations(filter: $filter, first: 100) { totalCount edges { node { id overdue } } } }`;
    const listed = await ok(analyst, LIST, { filter: { overdueOn: TODAY } });
    const expected = await sql(
      `SELECT id FROM recommendation WHERE status IN ('OPEN', 'IN_PROGRESS') AND due_on < $1 ORDER BY due_on, id`,
      [TODAY],
    );
    expect(listed.totalCount).toBe(expected.length);
    expect(listed.edges.map((edge: any) => edge.node.id)).toEqual(expected.slice(0, 100).map((row) => row.id));
    expect(listed.edges.every((edge: any) => edge.node.overdue)).toBe(true);
    expect(listed.edges.map((edge: any) => edge.node.id)).toContain(overdue.id);
    expect(listed.edges.map((edge: any) => edge.node.id)).not.toContain(later.id);

    const READ = `query($id: ID!) { meeting(id: $id) { overdueRecommendations { id } } }`;
    const ofBody = await sql(
      `SELECT id FROM recommendation WHERE body_id = $1 AND status IN ('OPEN', 'IN_PROGRESS') AND due_on < $2 ORDER BY due_on, id`,
      [body.coordination, TODAY],
    );
    const read = await ok(analyst, READ, { id: current });
    expect(read.overdueRecommendations.map((row: any) => row.id)).toEqual(ofBody.map((row) => row.id));
    expect(ofBody.map((row) => row.id)).toContain(overdue.id);
  });

  it.each([
    ['by a member that neither chairs nor owns it', lmh, () => current, 'FORBIDDEN', 'chairs or its owner'],
    ['by a partner that is no member', analyst, () => current, 'FORBIDDEN', 'chairs or its owner'],
    ['at another body’s meeting', mel, () => otherBodyHeld, 'CONFLICT', 'body that issued it'],
    ['at a planned meeting', mel, () => plannedToday, 'CONFLICT', 'held meeting'],
  ] as const)('refuses a follow-up %s, changing nothing', async (_case, viewer, meeting, code, mention) => {
    const followUp = { recommendationId: overdue.id, meetingId: meeting(), status: 'IN_PROGRESS', note: 'En cours' };
    await refused(viewer, FOLLOW_UP, { followUp }, code, mention);
  });

  it('refuses a follow-up at a meeting before the issuing one (CONFLICT)', async () => {
    const followUp = { recommendationId: later.id, meetingId: earlier.id, status: 'IN_PROGRESS', note: 'Trop tôt' };
    await refused(mel, FOLLOW_UP, { followUp }, 'CONFLICT', 'after the one that issued it');
  });

  it('follows up at a later held meeting: by the owner, then by a chair; status, version and follow-up rows', async () => {
    const byOwner = await ok(vilogia, FOLLOW_UP, {
      followUp: {
        recommendationId: overdue.id,
        meetingId: current,
        status: 'IN_PROGRESS',
        note: ' Plan d’action engagé ',
      },
    });
    expect(byOwner).toMatchObject({ status: 'IN_PROGRESS', overdue: true });
    expect(await recommendationRow(overdue.id)).toMatchObject({ status: 'IN_PROGRESS', version: 2 });

    const byChair = await ok(mel, FOLLOW_UP, {
      followUp: { recommendationId: overdue.id, meetingId: current, status: 'DONE', note: 'Objectif atteint' },
    });
    expect(byChair).toMatchObject({ status: 'DONE', overdue: false });
    expect(await recommendationRow(overdue.id)).toMatchObject({ status: 'DONE', version: 3 });
    const rows = await sql(
      `SELECT meeting_id, status, note, to_char(recorded_on, 'YYYY-MM-DD') AS recorded_on, recorded_by
         FROM recommendation_follow_up WHERE recommendation_id = $1 ORDER BY recorded_on, id`,
      [overdue.id],
    );
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          meeting_id: current,
          status: 'IN_PROGRESS',
          note: 'Plan d’action engagé',
          recorded_on: TODAY,
          recorded_by: 'vilogia',
        },
        { meeting_id: current, status: 'DONE', note: 'Objectif atteint', recorded_on: TODAY, recorded_by: 'mel' },
      ]),
    );
    expect(byChair.followUps).toHaveLength(2);
    expect(byChair.followUps.map((row: any) => row.status).sort()).toEqual(['DONE', 'IN_PROGRESS']);
  });

  it('puts a recommendation of the body on an agenda for its follow-up (not another body’s); non-members read that item', async () => {
    const item = { kind: 'RECOMMENDATION_FOLLOW_UP', title: 'Suivi de la préconisation', recommendationId: later.id };
    const ofTheCil = await ok(mel, ISSUE, issue({ meetingId: otherBodyHeld, dueOn: '2026-12-31' }));
    expect(ofTheCil.body.id).toBe(body.cil);
    const response = await refused(
      mel,
      ADD_ITEM,
      { meetingId: plannedToday, item: { ...item, recommendationId: ofTheCil.id } },
      'BAD_USER_INPUT',
    );
    expect(response.errors![0]!.extensions!.field).toBe('recommendationId');
    const added = await addItem(plannedToday, item, mel);
    expect(await sql(`SELECT kind, recommendation_id FROM agenda_item WHERE id = $1`, [added.id])).toEqual([
      { kind: 'RECOMMENDATION_FOLLOW_UP', recommendation_id: later.id },
    ]);
    const READ = `query($id: ID!) { meeting(id: $id) { agenda { id kind recommendation { id } } } }`;
    expect(await seat(body.coordination, 'observatoire-mel')).toBeNull();
    expect((await ok(analyst, READ, { id: plannedToday })).agenda).toEqual([
      { id: added.id, kind: 'RECOMMENDATION_FOLLOW_UP', recommendation: { id: later.id } },
    ]);
  });

  it('refuses any follow-up once DONE (CONFLICT), even by a chair', async () => {
    const followUp = { recommendationId: overdue.id, meetingId: current, status: 'IN_PROGRESS', note: 'Rouvert' };
    await refused(mel, FOLLOW_UP, { followUp }, 'CONFLICT', 'DONE');
  });

  it('no longer lists it as overdue once DONE; Body.recommendations counts as SQL does', async () => {
    const LIST = `query($filter: RecommendationFilter) { recommendations(filter: $filter, first: 100) { edges { node { id } } } }`;
    const listed = await ok(mel, LIST, { filter: { overdueOn: TODAY } });
    expect(listed.edges.map((edge: any) => edge.node.id)).not.toContain(overdue.id);

    const OF_BODY = `query($id: ID!, $status: RecommendationStatus) { body(id: $id) {
      recommendations(first: 100, status: $status) { totalCount edges { node { id } } } } }`;
    for (const status of [null, 'OPEN', 'DONE']) {
      const expected = await sql(
        `SELECT id FROM recommendation WHERE body_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY due_on, id`,
        [body.coordination, status],
      );
      const read = (await ok(mel, OF_BODY, { id: body.coordination, status })).recommendations;
      expect(read.totalCount).toBe(expected.length);
      expect(read.edges.map((edge: any) => edge.node.id)).toEqual(expected.slice(0, 100).map((row) => row.id));
    }
  });
});

// ── 9. federation ───────────────────────────────────────────────────────────────────────────

describe('_entities', () => {
  it('resolves a Recommendation by id (null for an unknown id)', async () => {
    const [row] = await sql(`SELECT id, title, status FROM recommendation ORDER BY id LIMIT 1`);
    expect(row).toBeDefined();
    const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Recommendation { id title status } } }`;
    const entities = await ok(mel, ENTITIES, {
      representations: [
        { __typename: 'Recommendation', id: row.id },
        { __typename: 'Recommendation', id: UNKNOWN_ID },
      ],
    });
    expect(entities).toEqual([{ id: row.id, title: row.title, status: row.status }, null]);
    // Anonymous callers read no body, so the lookup answers null.
    expect(await ok(ANONYMOUS, ENTITIES, { representations: [{ __typename: 'Recommendation', id: row.id }] })).toEqual([
      null,
    ]);
  });
});
