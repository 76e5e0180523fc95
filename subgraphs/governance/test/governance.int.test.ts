import { StatementCounter } from '@passerelle/shared/database';
import { demoId, generateDemoTerritory, TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { ANONYMOUS } from '@passerelle/shared/identity';
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
 * The governance subgraph on real PostgreSQL (a migrated clone of the run's template), seeded
 * with its slice of the demo territory and served over HTTP. Expected values come from direct
 * SQL on the seeded tables or from hand-written tables, never from the resolvers under test.
 */
let db: DataSource;
let statements: StatementCounter;
let governance: SubgraphClient;

const SEEDED_DEMANDS = 400;
const MEL = '200093201';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const prefecture = demoViewer('prefecture-nord'); // STATE, département 59
const mel = demoViewer('mel'); // EPCI
const lille = demoViewer('ville-de-lille'); // reservation holder acting for the commune 59350
const roubaix = demoViewer('ville-de-roubaix'); // … for 59512
const siao = demoViewer('siao-nord'); // ASSOCIATION: the directory, no CAL decision
const analyst = demoViewer('observatoire-mel'); // ANALYST: likewise

let subject: SeededSubgraph;
beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'governance',
    createDataSource: createGovernanceDataSource,
    seed: seedDemoGovernance,
    // Today is the seed's reference day: the indicators' default day is known.
    buildApp: (options) =>
      buildGovernanceServer({ ...options, now: () => new Date(`${TEST_REFERENCE_DATE}T10:00:00Z`) }),
    demands: SEEDED_DEMANDS,
  });
  ({ db, statements, client: governance } = subject);
});
afterAll(() => subject?.close());

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
const nodeIds = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((edge) => edge.node.id);

function expectError(response: GraphQLResponse, code: string, mention?: string) {
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  if (mention) expect(response.errors?.[0]?.message).toContain(mention);
}

/** Walks a connection to its end with pages of `first`, returning every node id in order. */
async function walk(viewer: typeof mel, field: string, query: string, variables: Record<string, unknown>, first = 7) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const response: GraphQLResponse = await governance.query(viewer, query, { ...variables, first, after });
    expect(response.errors).toBeUndefined();
    const connection = response.data![field];
    expect(connection.edges.length).toBeLessThanOrEqual(first);
    seen.push(...nodeIds(connection));
    after = connection.pageInfo.endCursor;
    if (!connection.pageInfo.hasNextPage) break;
  }
  return seen;
}

describe('territory(code) — public reference data', () => {
  const ONE = `query($code: String!) { territory(code: $code) { code name level parent { code level parent { code } } } }`;

  // Hand-written from the official geography (COG 2025, QPV 2024).
  it.each([
    [
      '59350',
      { code: '59350', name: 'Lille', level: 'COMMUNE', parent: { code: MEL, level: 'EPCI', parent: { code: '59' } } },
    ],
    [
      MEL,
      {
        code: MEL,
        name: 'Métropole Européenne de Lille',
        level: 'EPCI',
        parent: { code: '59', level: 'DEPARTEMENT', parent: null },
      },
    ],
    ['59', { code: '59', name: 'Nord', level: 'DEPARTEMENT', parent: null }],
    ['QN05971M', { code: 'QN05971M', name: 'Secteur Ouest', level: 'QPV', parent: null }],
    ['62041', null],
  ])('answers %s without a token', async (code, expected) => {
    const response = await governance.query(ANONYMOUS, ONE, { code });
    expect(response).toEqual({ status: 200, data: { territory: expected } });
  });

  it.each(['Lille', '5935', "59' OR '1'='1"])('refuses the malformed code "%s" with BAD_USER_INPUT', async (code) => {
    expectError(await governance.query(ANONYMOUS, ONE, { code }), 'BAD_USER_INPUT', 'code');
  });
});

describe('Territory.governanceIndicators', () => {
  const INDICATORS = `query($code: String!, $asOf: LocalDate) { territory(code: $code) {
    governanceIndicators(asOf: $asOf) { periodStart asOf meetingsHeldThisYear
      meetingsByBodyKind { kind count } decisionsByType { type count } } } }`;

  async function sqlMeetings(bodyCondition: string) {
    const rows: { kind: string; count: number }[] = await db.query(
      `SELECT b.kind, count(*)::int AS count FROM meeting m JOIN body b ON b.id = m.body_id
       WHERE m.status = 'HELD' AND m.date BETWEEN '2026-01-01' AND '2026-06-30' AND ${bodyCondition}
       GROUP BY b.kind`,
    );
    return new Map(rows.map((row) => [row.kind, row.count]));
  }

  async function sqlDecisions(condition: string) {
    const rows: { type: string; count: number }[] = await db.query(
      `SELECT type, count(*)::int AS count FROM cal_decision
       WHERE decided_on BETWEEN '2026-01-01' AND '2026-06-30' AND ${condition} GROUP BY type`,
    );
    return new Map(rows.map((row) => [row.type, row.count]));
  }

  // Meetings held from 1 January to 30 June 2026, counted by hand from the seeded calendar:
  // CAL 6 × 3 landlords, CIL 1, coordination 1, CTT 3, CRIB 2 (the MEL's bodies); DALO 6, CCAPEX 6 (the Nord's).
  it.each([
    ['59', 'TRUE', 'TRUE', 37],
    [MEL, `b.territory_code = '${MEL}'`, 'TRUE', 25],
    ['59350', `b.territory_code = '59350'`, `commune = '59350'`, 0],
    ['QN05971M', `b.territory_code = 'QN05971M'`, `qpv = 'QN05971M'`, 0],
  ])(
    'for %s: meetings held this year and decisions by type, as SQL counts them',
    async (code, bodies, decisions, held) => {
      const response = await governance.query(mel, INDICATORS, { code, asOf: TEST_REFERENCE_DATE });
      expect(response.errors).toBeUndefined();
      const indicators = response.data!.territory.governanceIndicators;
      expect(indicators).toMatchObject({ periodStart: '2026-01-01', asOf: '2026-06-30', meetingsHeldThisYear: held });
      const meetings = await sqlMeetings(bodies);
      expect(indicators.meetingsByBodyKind).toHaveLength(10);
      for (const { kind, count } of indicators.meetingsByBodyKind) expect(count).toBe(meetings.get(kind) ?? 0);
      const expected = await sqlDecisions(decisions);
      expect(indicators.decisionsByType.map((entry: { type: string }) => entry.type)).toEqual([
        'ATTRIBUTION',
        'ATTRIBUTION_RANKED',
        'ATTRIBUTION_CONDITIONAL',
        'NON_ATTRIBUTION',
        'INELIGIBLE',
      ]);
      for (const { type, count } of indicators.decisionsByType) expect(count).toBe(expected.get(type) ?? 0);
    },
  );

  it('counts decisions on a commune and on a QPV of the seed (not only zeros)', async () => {
    const [{ commune, qpv }] = await db.query(
      `SELECT commune, qpv FROM cal_decision WHERE qpv IS NOT NULL AND decided_on >= '2026-01-01' LIMIT 1`,
    );
    for (const [code, condition] of [
      [commune, `commune = '${commune}'`],
      [qpv, `qpv = '${qpv}'`],
    ]) {
      const response = await governance.query(mel, INDICATORS, { code, asOf: TEST_REFERENCE_DATE });
      const total = response.data!.territory.governanceIndicators.decisionsByType.reduce(
        (sum: number, entry: { count: number }) => sum + entry.count,
        0,
      );
      const [{ count }] = await db.query(
        `SELECT count(*)::int AS count FROM cal_decision WHERE decided_on BETWEEN '2026-01-01' AND '2026-06-30' AND ${condition}`,
      );
      expect(count).toBeGreaterThan(0);
      expect(total).toBe(count);
    }
  });

  it('takes the period from asOf, counting held meetings only (not the cancelled one, not the planned ones)', async () => {
    const held = async (asOf: string) =>
      (await governance.query(mel, INDICATORS, { code: '59', asOf })).data!.territory.governanceIndicators;
    // 2025 up to 31 December: the seeded calendar starts in July 2025; the CCAPEX's August session was cancelled.
    const lastYear = await held('2025-12-31');
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM meeting WHERE status = 'HELD' AND date BETWEEN '2025-01-01' AND '2025-12-31'`,
    );
    expect(lastYear.meetingsHeldThisYear).toBe(count);
    expect(lastYear.meetingsByBodyKind.find((entry: { kind: string }) => entry.kind === 'CCAPEX').count).toBe(5);
    // Later in 2026: the meetings planned after the reference date are not held, so the count stays at 37.
    expect((await held('2026-12-31')).meetingsHeldThisYear).toBe(37);
  });

  it('takes today in Paris when asOf is omitted', async () => {
    const today = TEST_REFERENCE_DATE;
    const byDefault = await governance.query(mel, INDICATORS, { code: MEL });
    expect(byDefault.data!.territory.governanceIndicators).toMatchObject({
      periodStart: `${today.slice(0, 4)}-01-01`,
      asOf: today,
    });
  });

  it('is refused to anonymous callers, and read by any partner, even one without household access', async () => {
    expectError(await governance.query(ANONYMOUS, INDICATORS, { code: MEL }), 'FORBIDDEN', 'partner token');
    const allowed = await governance.query(analyst, INDICATORS, { code: MEL, asOf: TEST_REFERENCE_DATE });
    expect(allowed.data!.territory.governanceIndicators.meetingsHeldThisYear).toBe(25);
  });

  it('costs the same number of SQL statements for 1 and for 5 territories (batched)', async () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Territory { code governanceIndicators(asOf: "2026-06-30") { meetingsHeldThisYear decisionsByType { count } } } } }`;
    const asked = (codes: string[]) => codes.map((code) => ({ __typename: 'Territory', code }));
    let five: GraphQLResponse | undefined;
    const one = await statements.measure(() => governance.query(mel, query, { representations: asked([MEL]) }));
    const many = await statements.measure(async () => {
      five = await governance.query(mel, query, {
        representations: asked(['59', MEL, '59350', '59512', 'QN05971M']),
      });
    });
    expect(five!.errors).toBeUndefined();
    expect(five!.data!._entities.map((entity: { code: string }) => entity.code)).toEqual([
      '59',
      MEL,
      '59350',
      '59512',
      'QN05971M',
    ]);
    expect(five!.data!._entities[1].governanceIndicators.meetingsHeldThisYear).toBe(25);
    expect(one).toBe(2); // one statement for meetings, one for decisions
    expect(many).toBe(one);
  });
});

describe('partners(filter, first, after) and partner(id)', () => {
  const PAGE = `query($first: Int, $after: String, $filter: PartnerFilter) {
    partners(first: $first, after: $after, filter: $filter) {
      totalCount edges { cursor node { id slug kind name territories { code } } } pageInfo { hasNextPage endCursor } } }`;

  it('lists every partner by name, page after page', async () => {
    const expected = ids(await db.query(`SELECT id FROM partner ORDER BY name, id`));
    expect(expected).toHaveLength(12);
    expect(await walk(siao, 'partners', PAGE, {}, 5)).toEqual(expected);
  });

  it('filters by kind and by the territory partners act for, as SQL does', async () => {
    const landlords = await governance.query(mel, PAGE, { first: 100, filter: { kind: 'LANDLORD' } });
    expect(nodeIds(landlords.data!.partners)).toEqual(
      ids(await db.query(`SELECT id FROM partner WHERE kind = 'LANDLORD' ORDER BY name, id`)),
    );
    expect(landlords.data!.partners.totalCount).toBe(3);
    // Acting for Lille: those of Lille, of the MEL and of the Nord — everyone but Roubaix.
    const forLille = await governance.query(mel, PAGE, { first: 100, filter: { actingFor: '59350' } });
    const expected = ids(
      await db.query(`SELECT id FROM partner WHERE territory_codes && ARRAY['59350', $1, '59'] ORDER BY name, id`, [
        MEL,
      ]),
    );
    expect(nodeIds(forLille.data!.partners)).toEqual(expected);
    expect(forLille.data!.partners.edges.map((edge: any) => edge.node.slug)).not.toContain('ville-de-roubaix');
    expect(expected).toHaveLength(11);
  });

  it('gives a partner by id with its territories', async () => {
    const response = await governance.query(
      lille,
      `query($id: ID!) { partner(id: $id) { slug kind name territories { code level } } }`,
      { id: demoId('partner', 'ville-de-lille') },
    );
    expect(response.data).toEqual({
      partner: {
        slug: 'ville-de-lille',
        kind: 'RESERVATION_HOLDER',
        name: 'Ville de Lille',
        territories: [{ code: '59350', level: 'COMMUNE' }],
      },
    });
    const absent = await governance.query(lille, `query($id: ID!) { partner(id: $id) { id } }`, { id: UNKNOWN_ID });
    expect(absent.data).toEqual({ partner: null });
  });

  it('is refused to anonymous callers, while any partner reads it', async () => {
    const denied = await governance.query(ANONYMOUS, PAGE, { first: 1 });
    expectError(denied, 'FORBIDDEN', 'partner token');
    expect(denied.data).toBeNull();
    const allowed = await governance.query(demoViewer('dpo-mel'), PAGE, { first: 1 });
    expect(allowed.data!.partners.edges).toHaveLength(1);
  });
});

describe('bodies(filter, first, after) and body(id)', () => {
  const PAGE = `query($first: Int, $after: String, $filter: BodyFilter) {
    bodies(first: $first, after: $after, filter: $filter) {
      totalCount edges { node { id kind name territory { code } landlord { slug } } } pageInfo { hasNextPage endCursor } } }`;

  it('lists every body by name, page after page', async () => {
    const expected = ids(await db.query(`SELECT id FROM body ORDER BY name, id`));
    expect(expected).toHaveLength(9);
    expect(await walk(mel, 'bodies', PAGE, {}, 2)).toEqual(expected);
  });

  it('filters by kind: one CAL per landlord, each with its landlord', async () => {
    const response = await governance.query(mel, PAGE, { first: 100, filter: { kind: 'CAL' } });
    const nodes = response.data!.bodies.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => node.landlord.slug).sort()).toEqual([
      'lille-metropole-habitat',
      'partenord-habitat',
      'vilogia',
    ]);
    for (const node of nodes) expect(node.territory.code).toBe(MEL);
  });

  // Hand-written: the MEL holds the CIL, coordination, CTT, CRIB and three CALs; the Nord adds the
  // DALO commission and the CCAPEX; no body sits at a commune.
  it.each([
    ['59', 9],
    [MEL, 7],
    ['59350', 0],
  ])('filters by territory %s: the bodies acting on it or within it (%i)', async (territory, count) => {
    const response = await governance.query(mel, PAGE, { first: 100, filter: { territory } });
    expect(response.data!.bodies.totalCount).toBe(count);
    expect(response.data!.bodies.edges).toHaveLength(count);
  });

  it("gives a body's members, chairs first: the CIL is co-chaired by the préfecture and the MEL", async () => {
    const cil = demoId('body', `cil:${MEL}`);
    const response = await governance.query(
      siao,
      `query($id: ID!) { body(id: $id) { kind members(first: 2) { chair role partner { slug } } all: members { partner { id } } } }`,
      { id: cil },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.body.kind).toBe('CIL');
    expect(response.data!.body.members.map((member: any) => member.partner.slug).sort()).toEqual([
      'mel',
      'prefecture-nord',
    ]);
    for (const member of response.data!.body.members) expect(member).toMatchObject({ chair: true, role: 'VOTING' });
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM body_member WHERE body_id = $1`, [cil]);
    expect(response.data!.body.all).toHaveLength(count);
  });

  it('loads the members of every body in one statement', async () => {
    const query = `{ bodies(first: 100) { edges { node { id members { role partner { slug } } } } } }`;
    const cost = await statements.measure(() => governance.query(mel, query));
    expect(cost).toBe(3); // the page, the members of all bodies, their partners
  });
});

describe('meetings(filter, first, after) and meeting(id)', () => {
  const PAGE = `query($first: Int, $after: String, $filter: MeetingFilter) {
    meetings(first: $first, after: $after, filter: $filter) {
      totalCount edges { node { id date status mode body { kind } } } pageInfo { hasNextPage endCursor } } }`;

  async function sqlMeetings(where: string, params: unknown[] = []) {
    return ids(
      await db.query(
        `SELECT m.id FROM meeting m JOIN body b ON b.id = m.body_id WHERE ${where} ORDER BY m.date DESC, m.id DESC`,
        params,
      ),
    );
  }

  it('lists every meeting newest first, page after page', async () => {
    const expected = await sqlMeetings('TRUE');
    expect(expected.length).toBe(89);
    expect(await walk(mel, 'meetings', PAGE, {}, 30)).toEqual(expected);
  });

  it.each([
    [{ bodyKind: 'CCAPEX' }, `b.kind = 'CCAPEX'`],
    [{ status: 'PLANNED' }, `m.status = 'PLANNED'`],
    [{ status: 'CANCELLED' }, `m.status = 'CANCELLED'`],
    [{ from: '2026-01-01', to: '2026-03-31' }, `m.date BETWEEN '2026-01-01' AND '2026-03-31'`],
    [
      { bodyKind: 'CAL', status: 'HELD', from: '2026-04-01' },
      `b.kind = 'CAL' AND m.status = 'HELD' AND m.date >= '2026-04-01'`,
    ],
  ])('filters %j as SQL does', async (filter, where) => {
    const expected = await sqlMeetings(where);
    expect(expected.length).toBeGreaterThan(0);
    const response = await governance.query(mel, PAGE, { first: 100, filter });
    expect(nodeIds(response.data!.meetings)).toEqual(expected);
    expect(response.data!.meetings.totalCount).toBe(expected.length);
  });

  it('filters by body', async () => {
    const dalo = demoId('body', 'dalo-commission:59');
    const response = await governance.query(mel, PAGE, { first: 100, filter: { body: dalo } });
    expect(nodeIds(response.data!.meetings)).toEqual(await sqlMeetings('m.body_id = $1', [dalo]));
    expect(response.data!.meetings.edges).toHaveLength(13);
  });

  it('gives a meeting by id, with the CAL decisions the caller may read (filtered, not refused)', async () => {
    const [busiest] = await db.query(
      `SELECT meeting_id AS id FROM cal_decision GROUP BY meeting_id
       HAVING bool_or(commune = '59350') AND bool_or(commune <> '59350') ORDER BY count(*) DESC, meeting_id LIMIT 1`,
    );
    const query = `query($id: ID!) { meeting(id: $id) { id status body { kind } calDecisions(first: 100) { id } } }`;
    const all = ids(
      await db.query(`SELECT id FROM cal_decision WHERE meeting_id = $1 ORDER BY decided_on DESC, id DESC`, [
        busiest.id,
      ]),
    );
    const ofLille = ids(
      await db.query(
        `SELECT id FROM cal_decision WHERE meeting_id = $1 AND commune = '59350' ORDER BY decided_on DESC, id DESC`,
        [busiest.id],
      ),
    );
    const asPrefecture = await governance.query(prefecture, query, { id: busiest.id });
    expect(asPrefecture.data!.meeting).toMatchObject({ id: busiest.id, status: 'HELD', body: { kind: 'CAL' } });
    expect(ids(asPrefecture.data!.meeting.calDecisions)).toEqual(all);
    expect(ids((await governance.query(lille, query, { id: busiest.id })).data!.meeting.calDecisions)).toEqual(ofLille);
    expect(ofLille.length).toBeLessThan(all.length);
    expect((await governance.query(siao, query, { id: busiest.id })).data!.meeting.calDecisions).toEqual([]);
  });
});

describe('calDecisions(filter, first, after) and calDecision(id)', () => {
  const PAGE = `query($first: Int, $after: String, $filter: CalDecisionFilter) {
    calDecisions(first: $first, after: $after, filter: $filter) {
      totalCount edges { node { id type rank motive condition { document deadline } decidedOn
        commune { code } demand { id } vacancy { id } meeting { id } } } pageInfo { hasNextPage endCursor } } }`;
  const ONE = `query($id: ID!) { calDecision(id: $id) { id type } }`;

  async function sqlDecisions(where: string, params: unknown[] = []) {
    return ids(await db.query(`SELECT id FROM cal_decision WHERE ${where} ORDER BY decided_on DESC, id DESC`, params));
  }

  it('lists the decisions on the caller’s territories, newest first, page after page', async () => {
    expect(await walk(mel, 'calDecisions', PAGE, {}, 25)).toEqual(await sqlDecisions('TRUE'));
    const ofRoubaix = await sqlDecisions(`commune = '59512'`);
    expect(ofRoubaix.length).toBeGreaterThan(0);
    expect(await walk(roubaix, 'calDecisions', PAGE, {}, 25)).toEqual(ofRoubaix);
  });

  it.each([
    [{ type: 'ATTRIBUTION_CONDITIONAL' }, `type = 'ATTRIBUTION_CONDITIONAL'`],
    [{ type: 'INELIGIBLE' }, `type = 'INELIGIBLE'`],
    [{ commune: '59599' }, `commune = '59599'`],
    [{ decidedFrom: '2026-03-01', decidedTo: '2026-04-30' }, `decided_on BETWEEN '2026-03-01' AND '2026-04-30'`],
  ])('filters %j as SQL does', async (filter, where) => {
    const expected = await sqlDecisions(where);
    expect(expected.length).toBeGreaterThan(0);
    const response = await governance.query(prefecture, PAGE, { first: 100, filter });
    expect(nodeIds(response.data!.calDecisions)).toEqual(expected);
    expect(response.data!.calDecisions.totalCount).toBe(expected.length);
  });

  it('filters by meeting', async () => {
    const [{ meeting_id: meeting }] = await db.query(`SELECT meeting_id FROM cal_decision ORDER BY id LIMIT 1`);
    const response = await governance.query(prefecture, PAGE, { first: 100, filter: { meeting } });
    expect(nodeIds(response.data!.calDecisions)).toEqual(await sqlDecisions('meeting_id = $1', [meeting]));
  });

  it('gives every field of a decision as recorded (conditional: document and deadline)', async () => {
    const [row] = await db.query(
      `SELECT id, rank, motive, condition_document, to_char(condition_deadline, 'YYYY-MM-DD') AS deadline,
              to_char(decided_on, 'YYYY-MM-DD') AS decided_on, commune, demand_id, vacancy_id, meeting_id
       FROM cal_decision WHERE type = 'ATTRIBUTION_CONDITIONAL' ORDER BY id LIMIT 1`,
    );
    const response = await governance.query(prefecture, PAGE, {
      first: 100,
      filter: { type: 'ATTRIBUTION_CONDITIONAL' },
    });
    const node = response.data!.calDecisions.edges.find((edge: any) => edge.node.id === row.id).node;
    expect(node).toEqual({
      id: row.id,
      type: 'ATTRIBUTION_CONDITIONAL',
      rank: row.rank,
      motive: row.motive,
      condition: { document: row.condition_document, deadline: row.deadline },
      decidedOn: row.decided_on,
      commune: { code: row.commune },
      demand: { id: row.demand_id },
      vacancy: { id: row.vacancy_id },
      meeting: { id: row.meeting_id },
    });
  });

  it('answers the same for a decision outside the territory and for no decision at all', async () => {
    const [lilleOnly] = await db.query(`SELECT id, type FROM cal_decision WHERE commune = '59350' ORDER BY id LIMIT 1`);
    const hidden = await governance.query(roubaix, ONE, { id: lilleOnly.id });
    const absent = await governance.query(roubaix, ONE, { id: UNKNOWN_ID });
    expect(hidden).toEqual(absent);
    expect(hidden).toEqual({ status: 200, data: { calDecision: null } });
    const allowed = await governance.query(lille, ONE, { id: lilleOnly.id });
    expect(allowed.data).toEqual({ calDecision: { id: lilleOnly.id, type: lilleOnly.type } });
  });

  it.each(['siao-nord', 'observatoire-mel', 'dpo-mel'])(
    'is refused to %s (no household data), while a landlord reads it',
    async (slug) => {
      const denied = await governance.query(demoViewer(slug), PAGE, { first: 1 });
      expectError(denied, 'FORBIDDEN', 'R441-2-6');
      expect(denied.data).toBeNull();
      expectError(await governance.query(demoViewer(slug), ONE, { id: UNKNOWN_ID }), 'FORBIDDEN');
      const allowed = await governance.query(demoViewer('vilogia'), PAGE, { first: 1 });
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data!.calDecisions.edges).toHaveLength(1);
    },
  );

  it('is refused to anonymous callers', async () => {
    expectError(await governance.query(ANONYMOUS, PAGE, { first: 1 }), 'FORBIDDEN', 'partner token');
  });
});

describe('bad input', () => {
  it.each([
    ['partners(first: 0) { totalCount }', 'first'],
    ['partners(first: 101) { totalCount }', 'first'],
    ['partners(after: "not-a-cursor") { totalCount }', 'after'],
    [`partners(after: "${Buffer.from(JSON.stringify(['a', 'b'])).toString('base64url')}") { totalCount }`, 'after'],
    [
      `meetings(after: "${Buffer.from(JSON.stringify(['x', UNKNOWN_ID])).toString('base64url')}") { totalCount }`,
      'after',
    ],
    ['partners(filter: { actingFor: "Lille" }) { totalCount }', 'actingFor'],
    ['bodies(filter: { territory: "nowhere" }) { totalCount }', 'territory'],
    ['meetings(filter: { body: "42" }) { totalCount }', 'body'],
    ['meetings(filter: { from: "2026-06-01", to: "2026-01-01" }) { totalCount }', 'from'],
    ['calDecisions(filter: { commune: "59" }) { totalCount }', 'commune'],
    ['calDecisions(filter: { meeting: "x" }) { totalCount }', 'meeting'],
    ['calDecisions(filter: { decidedFrom: "2026-06-01", decidedTo: "2026-01-01" }) { totalCount }', 'decidedFrom'],
    ['partner(id: "1") { id }', 'id'],
    ['body(id: "1") { id }', 'id'],
    ['meeting(id: "1") { id }', 'id'],
    ['calDecision(id: "1") { id }', 'id'],
    [`body(id: "${demoId('body', `cil:${MEL}`)}") { members(first: 0) { chair } }`, 'first'],
  ])('{ %s } → BAD_USER_INPUT naming %s', async (selection, field) => {
    expectError(await governance.query(prefecture, `{ ${selection} }`), 'BAD_USER_INPUT', field);
  });
});

describe('_entities (federation reference resolution)', () => {
  const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Partner { id slug } ... on Body { id kind } ... on Meeting { id date }
    ... on CalDecision { id type } ... on Territory { code name } } }`;

  async function resolve(viewer: typeof mel, typename: string, keys: Record<string, string>[]) {
    let response: GraphQLResponse | undefined;
    const count = await statements.measure(async () => {
      response = await governance.query(viewer, ENTITIES, {
        representations: keys.map((key) => ({ __typename: typename, ...key })),
      });
    });
    expect(response!.errors).toBeUndefined();
    return { entities: response!.data!._entities, count };
  }

  it.each([
    ['Partner', 'partner', 'slug'],
    ['Body', 'body', 'kind'],
    ['Meeting', 'meeting', `to_char(date, 'YYYY-MM-DD')`],
  ])('resolves %s in order, with null for unknown ids, in one statement', async (typename, table, field) => {
    const rows: { id: string; value: string }[] = await db.query(
      `SELECT id, ${field} AS value FROM ${table} ORDER BY id LIMIT 3`,
    );
    const { entities, count } = await resolve(
      mel,
      typename,
      [rows[2]!, { id: UNKNOWN_ID }, rows[0]!, rows[1]!].map(({ id }) => ({ id })),
    );
    expect(entities.map((entity: any) => entity && entity.id)).toEqual([rows[2]!.id, null, rows[0]!.id, rows[1]!.id]);
    expect(entities.map((entity: any) => entity && Object.values(entity)[1])).toEqual([
      rows[2]!.value,
      null,
      rows[0]!.value,
      rows[1]!.value,
    ]);
    expect(count).toBe(1);
  });

  it('resolves nothing of the directory for anonymous callers', async () => {
    const [partner] = await db.query(`SELECT id FROM partner LIMIT 1`);
    expect((await resolve(ANONYMOUS, 'Partner', [{ id: partner.id }])).entities).toEqual([null]);
  });

  it('resolves CalDecision in order, with null for unknown and hidden ones, in one statement', async () => {
    const rows: { id: string; type: string }[] = await db.query(
      `SELECT id, type FROM cal_decision WHERE commune = '59350' ORDER BY id LIMIT 3`,
    );
    const [hidden] = await db.query(`SELECT id FROM cal_decision WHERE commune <> '59350' LIMIT 1`);
    const { entities, count } = await resolve(lille, 'CalDecision', [
      { id: rows[2]!.id },
      { id: UNKNOWN_ID },
      { id: rows[0]!.id },
      { id: hidden.id },
      { id: rows[1]!.id },
    ]);
    expect(entities).toEqual([rows[2], null, rows[0], null, rows[1]]);
    // The decisions, then the log of their nominative reads (`type`): one insert for the three.
    expect(count).toBe(2);
    const asAnalyst = await resolve(analyst, 'CalDecision', [{ id: rows[0]!.id }]);
    expect(asAnalyst.entities).toEqual([null]);
    expect(asAnalyst.count).toBe(0);
  });

  it('resolves Territory in order, null for unknown codes, without SQL and without a token', async () => {
    const { entities, count } = await resolve(ANONYMOUS, 'Territory', [
      { code: '59512' },
      { code: '62041' },
      { code: MEL },
      { code: 'not a code' },
    ]);
    expect(entities).toEqual([
      { code: '59512', name: 'Roubaix' },
      null,
      { code: MEL, name: 'Métropole Européenne de Lille' },
      null,
    ]);
    expect(count).toBe(0);
  });
});

describe('Demand.calDecisions and Vacancy.calDecisions (contributed to other subgraphs’ entities)', () => {
  const territory = generateDemoTerritory(TEST_REFERENCE_DATE, SEEDED_DEMANDS);
  const CONTRIBUTED = (
    typename: string,
  ) => `query($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on ${typename} { id calDecisions(first: 20) { id type } } } }`;

  async function expectedOf(column: string, parentIds: string[], condition = 'TRUE') {
    const rows: { parent: string; id: string }[] = await db.query(
      `SELECT ${column} AS parent, id FROM cal_decision WHERE ${column} = ANY($1::uuid[]) AND ${condition}
       ORDER BY decided_on DESC, id DESC`,
      [parentIds],
    );
    return parentIds.map((parent) =>
      rows
        .filter((row) => row.parent === parent)
        .map((row) => row.id)
        .slice(0, 20),
    );
  }

  async function contributed(viewer: typeof mel, typename: string, parentIds: string[]) {
    let response: GraphQLResponse | undefined;
    const count = await statements.measure(async () => {
      response = await governance.query(viewer, CONTRIBUTED(typename), {
        representations: parentIds.map((id) => ({ __typename: typename, id })),
      });
    });
    expect(response!.errors).toBeUndefined();
    const lists = response!.data!._entities.map((entity: { calDecisions: { id: string }[] }) =>
      entity.calDecisions.map((decision) => decision.id),
    );
    return { lists, count };
  }

  it('gives each demand its decisions, newest first, in one statement for 10 and for 200 demands', async () => {
    const demandIds = territory.demands.map((demand) => demand.id);
    const ten = await contributed(mel, 'Demand', demandIds.slice(0, 10));
    const twoHundred = await contributed(mel, 'Demand', demandIds.slice(0, 200));
    const expected = await expectedOf('demand_id', demandIds.slice(0, 200));
    expect(twoHundred.lists).toEqual(expected);
    expect(expected.filter((list) => list.length > 0).length).toBeGreaterThan(20);
    // The decisions of all demands, then one insert logging the reads of their `type` (nominative).
    expect(ten.count).toBe(2);
    expect(twoHundred.count).toBe(ten.count);
  });

  it('gives each vacancy its decisions, in one statement for 10 and for 40 vacancies', async () => {
    const vacancyIds = territory.vacancies.map((vacancy) => vacancy.id).slice(0, 40);
    const ten = await contributed(prefecture, 'Vacancy', vacancyIds.slice(0, 10));
    const forty = await contributed(prefecture, 'Vacancy', vacancyIds);
    expect(forty.lists).toEqual(await expectedOf('vacancy_id', vacancyIds));
    expect(forty.lists.some((list: string[]) => list.length >= 3)).toBe(true);
    expect(forty.count).toBe(ten.count);
    // The decisions of all vacancies, then one insert logging the reads of their `type` (nominative).
    expect(ten.count).toBe(2);
  });

  it('keeps only the decisions on the caller’s territories, and none for a partner reading no decision', async () => {
    const demandIds = territory.demands.map((demand) => demand.id).slice(0, 200);
    const asLille = await contributed(lille, 'Demand', demandIds);
    const ofLille = await expectedOf('demand_id', demandIds, `commune = '59350'`);
    expect(asLille.lists).toEqual(ofLille);
    expect(ofLille.flat().length).toBeGreaterThan(0);
    const asSiao = await contributed(siao, 'Demand', demandIds);
    expect(asSiao.lists.every((list: string[]) => list.length === 0)).toBe(true);
    expect(asSiao.count).toBe(0);
  });

  it('answers an empty list for an id that is no UUID, and refuses first out of 1–100', async () => {
    const { lists } = await contributed(mel, 'Demand', ['not-a-uuid']);
    expect(lists).toEqual([[]]);
    const response = await governance.query(
      mel,
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Demand { calDecisions(first: 101) { id } } } }`,
      { representations: [{ __typename: 'Demand', id: UNKNOWN_ID }] },
    );
    expectError(response, 'BAD_USER_INPUT', 'first');
  });
});

describe('the CAL decision table', () => {
  it('refuses updates and deletes (append-only: a decision is a dated legal act)', async () => {
    await expect(db.query(`UPDATE cal_decision SET motive = 'edited'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM cal_decision`)).rejects.toThrow(/append-only/);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM cal_decision WHERE motive = 'edited'`);
    expect(count).toBe(0);
  });

  it('refuses decisions that break CCH R441-3: rank, suspensive condition, motive', async () => {
    const [row] = await db.query(`SELECT meeting_id, vacancy_id FROM cal_decision LIMIT 1`);
    // Each attempt is rolled back, so that an accepted row cannot leak into the other tests.
    const attempt = (
      type: string,
      rank: number | null,
      motive: string | null,
      document: string | null,
      deadline: string | null,
    ) =>
      db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO cal_decision (id, meeting_id, demand_id, vacancy_id, type, rank, motive, condition_document,
             condition_deadline, decided_on, commune, territory_codes)
           VALUES (gen_random_uuid(), $1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, '2026-06-09', '59350', ARRAY['59350'])`,
          [row.meeting_id, row.vacancy_id, type, rank, motive, document, deadline],
        );
        throw new Error('accepted');
      });
    await expect(attempt('ATTRIBUTION_RANKED', null, null, null, null)).rejects.toThrow(/cal_decision_rank/);
    await expect(attempt('NON_ATTRIBUTION', 2, 'Trop petit', null, null)).rejects.toThrow(/cal_decision_rank/);
    await expect(attempt('ATTRIBUTION_CONDITIONAL', 1, null, 'Avis', null)).rejects.toThrow(/cal_decision_condition/);
    await expect(attempt('ATTRIBUTION', 1, null, 'Avis', '2026-06-19')).rejects.toThrow(/cal_decision_condition/);
    await expect(attempt('INELIGIBLE', null, null, null, null)).rejects.toThrow(/cal_decision_refusal_motive/);
    // The allowed twin: a well-formed ranked attribution goes in (and is rolled back).
    await expect(attempt('ATTRIBUTION_RANKED', 2, null, null, null)).rejects.toThrow(/^accepted$/);
  });
});

describe('the demo seed', () => {
  it('seeds the expected volumes once: a second run changes nothing', async () => {
    const territory = generateDemoTerritory(TEST_REFERENCE_DATE, SEEDED_DEMANDS);
    const volumes = async () =>
      (
        await db.query(`SELECT (SELECT count(*)::int FROM partner) AS partners, (SELECT count(*)::int FROM body) AS bodies,
                               (SELECT count(*)::int FROM meeting) AS meetings, (SELECT count(*)::int FROM cal_decision) AS decisions`)
      )[0];
    const before = await volumes();
    expect(before).toEqual({
      partners: 12,
      bodies: 9,
      meetings: 89,
      decisions: territory.candidacies.filter((candidacy) => candidacy.calDecision).length,
    });
    await expect(
      seedDemoGovernance(db, { referenceDate: TEST_REFERENCE_DATE, demands: SEEDED_DEMANDS }),
    ).resolves.toBeNull();
    expect(await volumes()).toEqual(before);
  });
});
