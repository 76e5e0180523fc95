import { randomUUID } from 'node:crypto';
import { demoToken } from '@passerelle/shared/testing';
import { Client } from 'pg';
import { endpoints, postGraphQL } from '../support/endpoints';

/**
 * Timelines, event recording and alerts through the gateway, checked against direct SQL on the
 * end-to-end demands database. The stack is seeded at the test reference date but runs on the
 * real clock: alerts are asked for an explicit `asOf`. The only change made is one event added
 * to a demand no other test reads (the first active demand wishing only Seclin, 59560).
 */
let sql: Client;
beforeAll(async () => {
  sql = new Client({ connectionString: endpoints().demandsDatabase });
  await sql.connect();
});
afterAll(() => sql?.end());

async function ask(slug: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await postGraphQL(
    endpoints().gateway,
    { query, variables },
    { authorization: `Bearer ${await demoToken(slug)}` },
  );
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  return response.body.data;
}

/** The timeline as SQL has it: occurred_at then id, oldest first. */
async function sqlTimeline(demandId: string) {
  const { rows } = await sql.query(
    `SELECT id::text AS id, type, occurred_at, recorded_by, cal_decision FROM demand_event
      WHERE demand_id = $1 ORDER BY occurred_at, id`,
    [demandId],
  );
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    occurredAt: (row.occurred_at as Date).toISOString(),
    recordedBy: row.recorded_by,
    calDecision: row.cal_decision,
  }));
}

describe('Demand.timeline through the gateway', () => {
  it('gives seeded timelines oldest first, as the demand_event rows ordered by occurred_at, id', async () => {
    // The three longest timelines with a CAL decision (most event types, calDecision filled).
    const { rows } = await sql.query(
      `SELECT demand_id::text AS id FROM demand_event GROUP BY demand_id
        HAVING bool_or(cal_decision IS NOT NULL) ORDER BY count(*) DESC, demand_id LIMIT 3`,
    );
    expect(rows).toHaveLength(3);
    const data = await ask(
      'mel',
      `query($a: ID!, $b: ID!, $c: ID!) { a: demand(id: $a) { ...T } b: demand(id: $b) { ...T } c: demand(id: $c) { ...T } }
       fragment T on Demand { timeline { id type occurredAt recordedBy calDecision } }`,
      { a: rows[0].id, b: rows[1].id, c: rows[2].id },
    );
    for (const [alias, row] of [
      ['a', rows[0]],
      ['b', rows[1]],
      ['c', rows[2]],
    ] as const) {
      const expected = await sqlTimeline(row.id);
      expect(expected.length).toBeGreaterThan(3);
      expect(
        data[alias].timeline.map((event: any) => ({ ...event, occurredAt: new Date(event.occurredAt).toISOString() })),
      ).toEqual(expected);
    }
  });

  it('records a landlord’s event once, last in the timeline; the retry returns the same event', async () => {
    const { rows } = await sql.query(
      `SELECT id::text AS id FROM demand WHERE status = 'ACTIVE' AND wished_communes = ARRAY['59560'] ORDER BY id LIMIT 1`,
    );
    expect(rows).toHaveLength(1);
    const demandId: string = rows[0].id;
    const input = {
      demandId,
      idempotencyKey: `e2e-timeline-${randomUUID()}`,
      type: 'DWELLING_VISITED',
      detail: 'Visite du logement (e2e)',
    };
    const RECORD = `mutation($input: DemandEventInput!) { recordDemandEvent(input: $input) { id type recordedBy occurredAt } }`;
    const first = await ask('lille-metropole-habitat', RECORD, { input });
    const retry = await ask('lille-metropole-habitat', RECORD, { input });
    expect(first.recordDemandEvent).toMatchObject({ type: 'DWELLING_VISITED', recordedBy: 'lille-metropole-habitat' });
    expect(retry.recordDemandEvent).toEqual(first.recordDemandEvent);

    const { rows: stored } = await sql.query(
      `SELECT id::text AS id, demand_id::text AS "demandId", type, recorded_by AS "recordedBy", detail
         FROM demand_event WHERE idempotency_key = $1`,
      [input.idempotencyKey],
    );
    expect(stored).toEqual([
      {
        id: first.recordDemandEvent.id,
        demandId,
        type: 'DWELLING_VISITED',
        recordedBy: 'lille-metropole-habitat',
        detail: input.detail,
      },
    ]);
    const data = await ask(
      'mel',
      `query($id: ID!) { demand(id: $id) { timeline { id type occurredAt recordedBy calDecision } } }`,
      {
        id: demandId,
      },
    );
    const expected = await sqlTimeline(demandId);
    expect(expected.at(-1)?.id).toBe(first.recordDemandEvent.id);
    expect(
      data.demand.timeline.map((event: any) => ({ ...event, occurredAt: new Date(event.occurredAt).toISOString() })),
    ).toEqual(expected);
  });
});

describe('demandAlerts through the gateway', () => {
  const ALERTS = `query { demandAlerts(asOf: "2026-06-30", first: 50) { totalCount edges { node { kind dueOn demand { id nur } } } } }`;

  /** The alerts of the stored columns on `territories`, most urgent first (dueOn, kind rank, id). */
  async function oracle(territories: string[]) {
    const { rows } = await sql.query(
      `WITH visible AS (SELECT * FROM demand WHERE status = 'ACTIVE' AND territory_codes && $1::text[]),
            alerts AS (
              SELECT 'DALO_DEADLINE' AS kind, 1 AS rank, dalo_offer_deadline AS due_on, id, nur FROM visible WHERE dalo_offer_deadline <= $2::date
              UNION ALL SELECT 'DAL_EXCEEDED', 2, dal_date, id, nur FROM visible WHERE dal_date <= $2::date
              UNION ALL SELECT 'NO_DESIGNATION', 3, designation_alert_on, id, nur FROM visible WHERE designation_alert_on <= $2::date
              UNION ALL SELECT 'RENEWAL_DUE', 4, valid_until, id, nur FROM visible WHERE valid_until <= $2::date + 30)
       SELECT kind, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", id::text AS id, nur FROM alerts ORDER BY due_on, rank, id`,
      [territories, '2026-06-30'],
    );
    return rows as { kind: string; dueOn: string; id: string; nur: string }[];
  }
  const flatten = (data: any) =>
    data.demandAlerts.edges.map((edge: any) => ({
      kind: edge.node.kind,
      dueOn: edge.node.dueOn,
      id: edge.node.demand.id,
      nur: edge.node.demand.nur,
    }));

  it('gives the EPCI the first 50 alerts of the SQL oracle, with each demand’s NUR', async () => {
    const expected = await oracle(['200093201']);
    expect(expected.length).toBeGreaterThan(50);
    const data = await ask('mel', ALERTS);
    expect(flatten(data)).toEqual(expected.slice(0, 50));
    expect(data.demandAlerts.totalCount).toBe(expected.length);
  });

  it('gives the city of Lille only alerts on demands concerning 59350', async () => {
    const expected = await oracle(['59350']);
    expect(expected.length).toBeGreaterThan(0);
    const data = await ask('ville-de-lille', ALERTS);
    const alerts = flatten(data);
    expect(alerts).toEqual(expected.slice(0, 50));
    const { rows } = await sql.query(
      `SELECT count(*)::int AS n FROM demand WHERE id = ANY ($1::uuid[]) AND NOT ('59350' = ANY (territory_codes))`,
      [alerts.map((alert: { id: string }) => alert.id)],
    );
    expect(rows[0].n).toBe(0);
    expect(data.demandAlerts.totalCount).toBe(expected.length);
  });
});
