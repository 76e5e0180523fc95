import type { StatementCounter } from '@passerelle/shared/database';
import { demoId, TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
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
 * `Territory.governanceActivity` and `Body.activity` on the seeded governance subgraph. Every
 * figure is compared with SQL written here, on the seeded tables, independently of the resolvers:
 * the tests hold whatever the seed records (some figures may be zero until it records them).
 */
let db: DataSource;
let statements: StatementCounter;
let governance: SubgraphClient;

const MEL = '200093201';
const LILLE = '59350';
const CAL_VILOGIA = demoId('body', 'cal:vilogia');
const FROM = '2025-07-01';
const TO = TEST_REFERENCE_DATE; // 2026-06-30
const mel = demoViewer('mel'); // EPCI
const analyst = demoViewer('observatoire-mel'); // ANALYST: statistics, no household data

let subject: SeededSubgraph;
beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'governance',
    createDataSource: createGovernanceDataSource,
    seed: seedDemoGovernance,
    // The subgraph's clock on the seed's reference date: "today" below is that day, not the real one.
    buildApp: (options) =>
      buildGovernanceServer({ ...options, now: () => new Date(`${TEST_REFERENCE_DATE}T10:00:00Z`) }),
    demands: 400,
  });
  ({ db, statements, client: governance } = subject);
});
afterAll(() => subject?.close());

function expectError(response: GraphQLResponse, code: string, mention?: string) {
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  if (mention) expect(response.errors?.[0]?.message).toContain(mention);
}

const FIGURES = `from to meetingsHeld meetingsCancelled
  attendance { partner { id name } present expected rate }
  decisionsByType { type count }
  decisionsByLandlord { landlord { id name } count }
  nonAttributionMotives { motive count }
  refusalsWithoutMotiveCode
  offerRefusalMotives { motive count }
  recommendations { open done dropped overdue }`;
const OF_TERRITORY = `query($code: String!, $from: LocalDate, $to: LocalDate) {
  territory(code: $code) { governanceActivity(from: $from, to: $to) { ${FIGURES} } } }`;
const OF_BODY = `query($id: ID!, $from: LocalDate, $to: LocalDate) {
  body(id: $id) { activity(from: $from, to: $to) { ${FIGURES} } } }`;

// Hand-written from the enums, in their order.
const TYPES = ['ATTRIBUTION', 'ATTRIBUTION_RANKED', 'ATTRIBUTION_CONDITIONAL', 'NON_ATTRIBUTION', 'INELIGIBLE'];
const MOTIVES = [
  'UNSUITED_TO_HOUSEHOLD',
  'EXCESSIVE_EFFORT_RATE',
  'TOO_FAR_FROM_WORK',
  'BETTER_PLACED_CANDIDATE',
  'OTHER',
  'RESOURCES_OVER_CEILING',
  'IRREGULAR_STAY',
];

const french = (a: string, b: string) => a.localeCompare(b, 'fr') || (a < b ? -1 : a > b ? 1 : 0);
const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name, 'fr') || (a.id < b.id ? -1 : 1);

/**
 * The activity as SQL computes it: `bodies` is a condition on `b` (the body of a meeting or of a
 * recommendation), `decisions` one on `d` (a CAL decision).
 */
async function expectedActivity(scope: { bodies: string; decisions: string }, from: string, to: string) {
  const period = [from, to];
  const [meetings] = await db.query(
    `SELECT count(*) FILTER (WHERE m.status = 'HELD')::int AS held,
            count(*) FILTER (WHERE m.status = 'CANCELLED')::int AS cancelled
     FROM meeting m JOIN body b ON b.id = m.body_id
     WHERE m.date >= $1 AND m.date <= $2 AND ${scope.bodies}`,
    period,
  );
  const attendance: { id: string; name: string; present: number; expected: number }[] = await db.query(
    `SELECT p.id, p.name, count(*) FILTER (WHERE a.status = 'PRESENT')::int AS present, count(*)::int AS expected
     FROM attendance a JOIN meeting m ON m.id = a.meeting_id JOIN body b ON b.id = m.body_id
     JOIN partner p ON p.id = a.partner_id
     WHERE m.status = 'HELD' AND m.date >= $1 AND m.date <= $2 AND ${scope.bodies}
     GROUP BY p.id, p.name`,
    period,
  );
  const types = new Map<string, number>(
    (
      await db.query(
        `SELECT d.type, count(*)::int AS count FROM cal_decision d
         WHERE d.decided_on >= $1 AND d.decided_on <= $2 AND ${scope.decisions} GROUP BY d.type`,
        period,
      )
    ).map((row: { type: string; count: number }) => [row.type, row.count]),
  );
  const landlords: { id: string; name: string; count: number }[] = await db.query(
    `SELECT p.id, p.name, count(*)::int AS count
     FROM cal_decision d JOIN meeting cm ON cm.id = d.meeting_id JOIN body cal ON cal.id = cm.body_id
     JOIN partner p ON p.id = cal.landlord_partner_id
     WHERE d.decided_on >= $1 AND d.decided_on <= $2 AND ${scope.decisions}
     GROUP BY p.id, p.name`,
    period,
  );
  const motives = new Map<string | null, number>(
    (
      await db.query(
        `SELECT d.motive_code, count(*)::int AS count FROM cal_decision d
         WHERE d.type IN ('NON_ATTRIBUTION', 'INELIGIBLE') AND d.decided_on >= $1 AND d.decided_on <= $2
           AND ${scope.decisions}
         GROUP BY d.motive_code`,
        period,
      )
    ).map((row: { motive_code: string | null; count: number }) => [row.motive_code, row.count]),
  );
  const refusals: { motive: string; count: number }[] = await db.query(
    `SELECT oa.motive, count(*)::int AS count
     FROM offer_answer oa JOIN cal_decision d ON d.id = oa.cal_decision_id
     WHERE oa.answer = 'REFUSED' AND oa.answered_on >= $1 AND oa.answered_on <= $2 AND ${scope.decisions}
     GROUP BY oa.motive`,
    period,
  );
  const [recommendations] = await db.query(
    `SELECT count(*) FILTER (WHERE r.status IN ('OPEN', 'IN_PROGRESS'))::int AS open,
            count(*) FILTER (WHERE r.status = 'DONE')::int AS done,
            count(*) FILTER (WHERE r.status = 'DROPPED')::int AS dropped,
            count(*) FILTER (WHERE r.status IN ('OPEN', 'IN_PROGRESS') AND r.due_on < $1)::int AS overdue
     FROM recommendation r JOIN body b ON b.id = r.body_id
     WHERE r.issued_on <= $1 AND ${scope.bodies}`,
    [to],
  );
  return {
    from,
    to,
    meetingsHeld: meetings.held,
    meetingsCancelled: meetings.cancelled,
    attendance: attendance.sort(byNameThenId).map(({ id, name, present, expected }) => ({
      partner: { id, name },
      present,
      expected,
      rate: present / expected,
    })),
    decisionsByType: TYPES.map((type) => ({ type, count: types.get(type) ?? 0 })),
    decisionsByLandlord: landlords.sort(byNameThenId).map(({ id, name, count }) => ({ landlord: { id, name }, count })),
    nonAttributionMotives: MOTIVES.map((motive) => ({ motive, count: motives.get(motive) ?? 0 })),
    refusalsWithoutMotiveCode: motives.get(null) ?? 0,
    offerRefusalMotives: refusals.sort((a, b) => b.count - a.count || french(a.motive, b.motive)),
    recommendations,
  };
}

/** Compares figure by figure, so that a failure names the figure. */
function expectFigures(actual: Record<string, unknown>, expected: Record<string, unknown>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const figure of Object.keys(expected)) {
    expect({ figure, value: actual[figure] }).toEqual({ figure, value: expected[figure] });
  }
}

const decisionTotal = (activity: { decisionsByType: { count: number }[] }) =>
  activity.decisionsByType.reduce((sum, { count }) => sum + count, 0);

describe('Territory.governanceActivity(from, to)', () => {
  // Bodies: those acting on the territory or within it (hand-written: the MEL's seven bodies sit
  // at the EPCI, the DALO commission and the CCAPEX at the département, none at a commune).
  // Decisions: those whose territory codes hold the territory's code.
  it.each([
    ['the EPCI', MEL, `b.territory_code = '${MEL}'`, { meetings: true, decisions: true }],
    ['the département', '59', `b.territory_code IN ('59', '${MEL}')`, { meetings: true, decisions: true }],
    ['a commune', LILLE, `b.territory_code = '${LILLE}'`, { meetings: false, decisions: true }],
  ])('for %s (%s): every figure as SQL counts it', async (_, code, bodies, nonZero) => {
    const response = await governance.query(mel, OF_TERRITORY, { code, from: FROM, to: TO });
    expect(response.errors).toBeUndefined();
    const activity = response.data!.territory.governanceActivity;
    expectFigures(
      activity,
      await expectedActivity({ bodies, decisions: `'${code}' = ANY (d.territory_codes)` }, FROM, TO),
    );
    if (nonZero.meetings) expect(activity.meetingsHeld).toBeGreaterThan(0);
    else expect(activity.meetingsHeld).toBe(0);
    if (nonZero.decisions) expect(decisionTotal(activity)).toBeGreaterThan(0);
  });

  it('counts the cancelled CCAPEX session of August 2025 on the département, not on the EPCI', async () => {
    const august = { from: '2025-08-01', to: '2025-08-31' };
    const nord = await governance.query(mel, OF_TERRITORY, { code: '59', ...august });
    const epci = await governance.query(mel, OF_TERRITORY, { code: MEL, ...august });
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM meeting m JOIN body b ON b.id = m.body_id
       WHERE m.status = 'CANCELLED' AND b.kind = 'CCAPEX' AND m.date BETWEEN '2025-08-01' AND '2025-08-31'`,
    );
    expect(count).toBe(1);
    expect(nord.data!.territory.governanceActivity.meetingsCancelled).toBe(1);
    expect(epci.data!.territory.governanceActivity.meetingsCancelled).toBe(0);
  });

  it("matches a QPV's code with the decisions' QPV", async () => {
    const [{ qpv }] = await db.query(
      `SELECT qpv FROM cal_decision WHERE qpv IS NOT NULL AND decided_on BETWEEN $1 AND $2
       GROUP BY qpv ORDER BY count(*) DESC, qpv LIMIT 1`,
      [FROM, TO],
    );
    const response = await governance.query(mel, OF_TERRITORY, { code: qpv, from: FROM, to: TO });
    const activity = response.data!.territory.governanceActivity;
    const expected = await expectedActivity(
      { bodies: `b.territory_code = '${qpv}'`, decisions: `d.qpv = '${qpv}'` },
      FROM,
      TO,
    );
    expect(activity.decisionsByType).toEqual(expected.decisionsByType);
    expect(activity.decisionsByLandlord).toEqual(expected.decisionsByLandlord);
    expect(decisionTotal(activity)).toBeGreaterThan(0);
  });

  it('takes 1 January of the current year in Paris to today when from and to are omitted', async () => {
    const today = TEST_REFERENCE_DATE;
    const response = await governance.query(mel, OF_TERRITORY, { code: MEL });
    expect(response.errors).toBeUndefined();
    const activity = response.data!.territory.governanceActivity;
    expect(activity).toMatchObject({ from: `${today.slice(0, 4)}-01-01`, to: today });
    const expected = await expectedActivity(
      { bodies: `b.territory_code = '${MEL}'`, decisions: `'${MEL}' = ANY (d.territory_codes)` },
      `${today.slice(0, 4)}-01-01`,
      today,
    );
    expect(activity.meetingsHeld).toBe(expected.meetingsHeld);
    expect(activity.decisionsByType).toEqual(expected.decisionsByType);
  });

  it('refuses a period whose start is after its end (BAD_USER_INPUT), and takes a one-day period', async () => {
    const reversed = await governance.query(mel, OF_TERRITORY, { code: MEL, from: '2026-06-30', to: '2026-01-01' });
    expectError(reversed, 'BAD_USER_INPUT', 'from');
    expect(reversed.errors?.[0]?.extensions?.field).toBe('from');
    const oneDay = await governance.query(mel, OF_TERRITORY, { code: MEL, from: '2026-06-30', to: '2026-06-30' });
    expect(oneDay.errors).toBeUndefined();
    expect(oneDay.data!.territory.governanceActivity).toMatchObject({ from: '2026-06-30', to: '2026-06-30' });
  });

  it('refuses a malformed date with BAD_USER_INPUT', async () => {
    expectError(await governance.query(mel, OF_TERRITORY, { code: MEL, from: '2026-13-01' }), 'BAD_USER_INPUT');
  });

  it('is refused to anonymous callers (FORBIDDEN), and read by any partner, even one without household access', async () => {
    const variables = { code: MEL, from: FROM, to: TO };
    expectError(await governance.query(ANONYMOUS, OF_TERRITORY, variables), 'FORBIDDEN', 'partner token');
    const allowed = await governance.query(analyst, OF_TERRITORY, variables);
    // The offer refusal motives are the households' own words: for readers of CAL decisions only.
    expect(allowed.errors?.map((error) => [error.extensions?.code, error.path?.join('.')])).toEqual([
      ['FORBIDDEN', 'territory.governanceActivity.offerRefusalMotives'],
    ]);
    const byMel = await governance.query(mel, OF_TERRITORY, variables);
    expect(byMel.errors).toBeUndefined();
    expect(byMel.data!.territory.governanceActivity.offerRefusalMotives).not.toBeNull();
    expect(allowed.data!.territory.governanceActivity).toEqual({
      ...byMel.data!.territory.governanceActivity,
      offerRefusalMotives: null,
    });
    expect(allowed.data!.territory.governanceActivity.meetingsHeld).toBeGreaterThan(0);
  });

  it('costs a bounded number of SQL statements, the same bound for 1 and for 5 territories', async () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Territory { code governanceActivity(from: "${FROM}", to: "${TO}") { ${FIGURES} } } } }`;
    const asked = (codes: string[]) => codes.map((code) => ({ __typename: 'Territory', code }));
    let five: GraphQLResponse | undefined;
    const one = await statements.measure(() => governance.query(mel, query, { representations: asked([MEL]) }));
    const many = await statements.measure(async () => {
      five = await governance.query(mel, query, { representations: asked(['59', MEL, LILLE, '59512', 'QN05971M']) });
    });
    expect(five!.errors).toBeUndefined();
    expect(five!.data!._entities.map((entity: { code: string }) => entity.code)).toEqual([
      '59',
      MEL,
      LILLE,
      '59512',
      'QN05971M',
    ]);
    // Seven groups (meetings, attendance, by type, by landlord, motives, offer refusals,
    // recommendations), and the partners named by the two lists of partners (attendance, landlords),
    // which batch together or apart depending on when their groups answer: 8 or 9, whatever the
    // number of territories (an N+1 would cost at least 7 per territory).
    for (const cost of [one, many]) {
      expect(cost).toBeGreaterThanOrEqual(7);
      expect(cost).toBeLessThanOrEqual(9);
    }
  });

  it('runs only the statements of the figures asked', async () => {
    const cost = await statements.measure(() =>
      governance.query(mel, `{ territory(code: "${MEL}") { governanceActivity { meetingsHeld meetingsCancelled } } }`),
    );
    expect(cost).toBe(1);
  });
});

describe('Body.activity(from, to)', () => {
  it('for the Vilogia CAL: every figure as SQL counts it, its decisions under its landlord', async () => {
    const response = await governance.query(mel, OF_BODY, { id: CAL_VILOGIA, from: FROM, to: TO });
    expect(response.errors).toBeUndefined();
    const activity = response.data!.body.activity;
    const expected = await expectedActivity(
      {
        bodies: `b.id = '${CAL_VILOGIA}'`,
        decisions: `d.meeting_id IN (SELECT id FROM meeting WHERE body_id = '${CAL_VILOGIA}')`,
      },
      FROM,
      TO,
    );
    expectFigures(activity, expected);
    expect(activity.meetingsHeld).toBeGreaterThan(0);
    expect(decisionTotal(activity)).toBeGreaterThan(0);
    expect(activity.decisionsByLandlord).toEqual([
      { landlord: { id: demoId('partner', 'vilogia'), name: expect.any(String) }, count: decisionTotal(activity) },
    ]);
  });

  it('for every body of the directory: held meetings as SQL counts them, in one statement per figure', async () => {
    const query = `{ bodies(first: 100) { edges { node { id activity(from: "${FROM}", to: "${TO}") { meetingsHeld meetingsCancelled recommendations { open } } } } } }`;
    let response: GraphQLResponse | undefined;
    const cost = await statements.measure(async () => {
      response = await governance.query(mel, query);
    });
    expect(response!.errors).toBeUndefined();
    const rows: { id: string; held: number }[] = await db.query(
      `SELECT b.id, count(m.id) FILTER (WHERE m.status = 'HELD' AND m.date BETWEEN $1 AND $2)::int AS held
       FROM body b LEFT JOIN meeting m ON m.body_id = b.id GROUP BY b.id`,
      [FROM, TO],
    );
    const nodes: { id: string; activity: { meetingsHeld: number } }[] = response!.data!.bodies.edges.map(
      (edge: { node: unknown }) => edge.node,
    );
    expect(nodes).toHaveLength(rows.length);
    for (const node of nodes) expect(node.activity.meetingsHeld).toBe(rows.find((row) => row.id === node.id)!.held);
    expect(cost).toBe(3); // the page, the meetings of every body, their recommendations
  });

  it('refuses a period whose start is after its end (BAD_USER_INPUT), and takes an ordered one', async () => {
    expectError(
      await governance.query(mel, OF_BODY, { id: CAL_VILOGIA, from: '2026-02-01', to: '2026-01-31' }),
      'BAD_USER_INPUT',
      'from',
    );
    const ordered = await governance.query(mel, OF_BODY, { id: CAL_VILOGIA, from: '2026-01-31', to: '2026-02-01' });
    expect(ordered.errors).toBeUndefined();
  });

  it('is refused to anonymous callers (FORBIDDEN), read by an analyst', async () => {
    const byRepresentation = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Body { activity(from: "${FROM}", to: "${TO}") { meetingsHeld } } } }`;
    const representations = [{ __typename: 'Body', id: CAL_VILOGIA }];
    // Anonymous callers reach no body at all: the query is refused, the federated lookup is null.
    expectError(await governance.query(ANONYMOUS, OF_BODY, { id: CAL_VILOGIA }), 'FORBIDDEN', 'partner token');
    expect((await governance.query(ANONYMOUS, byRepresentation, { representations })).data!._entities).toEqual([null]);
    const allowed = await governance.query(analyst, byRepresentation, { representations });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!._entities[0].activity.meetingsHeld).toBeGreaterThan(0);
  });
});
