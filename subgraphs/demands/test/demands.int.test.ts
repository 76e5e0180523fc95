import { StatementCounter } from '@passerelle/shared/database';
import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { ANONYMOUS } from '@passerelle/shared/identity';
import {
  type GraphQLResponse,
  type SeededSubgraph,
  type SubgraphClient,
  demoViewer,
  openSeededSubgraph,
} from '@passerelle/shared/testing';
import type { DataSource } from 'typeorm';
import { createDemandsDataSource } from '../src/data-source';
import { seedDemoRegister } from '../src/seed/demo-seed';
import { buildDemandsServer } from '../src/server';

/**
 * The demands subgraph on real PostgreSQL (a migrated clone of the run's template), seeded with
 * the deterministic demo register and served over HTTP. Expected values come from direct SQL
 * on the seeded tables, never from the resolvers under test.
 */
let db: DataSource;
let statements: StatementCounter;
let demands: SubgraphClient;

const SEEDED = 400;
const lille = demoViewer('ville-de-lille'); // reservation holder acting for the commune 59350
const roubaix = demoViewer('ville-de-roubaix'); // … for 59512
const mel = demoViewer('mel'); // the EPCI

let subject: SeededSubgraph;
beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'demands',
    createDataSource: createDemandsDataSource,
    seed: seedDemoRegister,
    buildApp: buildDemandsServer,
    demands: SEEDED,
  });
  ({ db, statements, client: demands } = subject);
});
afterAll(() => subject?.close());

const PAGE = `query Page($first: Int, $after: String, $filter: DemandFilter) {
  demands(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { id nur filingDate wishedCommunes } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function sqlNurs(where: string, params: unknown[] = [], limit = 1000): Promise<string[]> {
  const rows: { nur: string }[] = await db.query(
    `SELECT nur FROM demand WHERE ${where} ORDER BY filing_date DESC, id DESC LIMIT ${limit}`,
    params,
  );
  return rows.map((row) => row.nur);
}

describe('demands(filter, first, after)', () => {
  it('lists, newest filing first, the demands wishing a commune the partner acts for', async () => {
    const response = await demands.query(lille, PAGE, { first: 20 });
    const expected = await sqlNurs(`'59350' = ANY(wished_communes)`, [], 20);
    expect(expected.length).toBe(20);
    expect(response.data?.demands.edges.map((edge: any) => edge.node.nur)).toEqual(expected);
    for (const edge of response.data?.demands.edges ?? []) expect(edge.node.wishedCommunes).toContain('59350');
  });

  it('walks every page exactly once with cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const response: GraphQLResponse = await demands.query(mel, PAGE, { first: 100, after });
      seen.push(...response.data!.demands.edges.map((edge: any) => edge.node.nur));
      after = response.data!.demands.pageInfo.endCursor;
      if (!response.data!.demands.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(await sqlNurs(`territory_codes && ARRAY['200093201']`));
    expect(seen.length).toBe(SEEDED);
  });

  it('counts the whole filtered list in totalCount', async () => {
    const response = await demands.query(lille, PAGE, {
      first: 5,
      filter: { priorityLabel: 'L441_1', kind: 'FIRST_ACCESS' },
    });
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM demand WHERE '59350' = ANY(wished_communes) AND 'L441_1' = ANY(priority_labels) AND kind = 'FIRST_ACCESS'`,
    );
    expect(count).toBeGreaterThan(0);
    expect(response.data?.demands.totalCount).toBe(count);
  });

  it('applies the filing-date and typology filters', async () => {
    const filter = { filedFrom: '2025-01-01', filedTo: '2025-12-31', wishedTypology: 'T3' };
    const response = await demands.query(mel, PAGE, { first: 100, filter });
    const expected = await sqlNurs(
      `filing_date BETWEEN '2025-01-01' AND '2025-12-31' AND 'T3' = ANY(wished_typologies)`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(response.data?.demands.edges.map((edge: any) => edge.node.nur)).toEqual(expected.slice(0, 100));
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ after: Buffer.from('["2026-02-30","00000000-0000-4000-8000-000000000000"]').toString('base64url') }, 'after'],
    [{ filter: { wishedCommune: 'Lille' } }, 'wishedCommune'],
    [{ filter: { filedFrom: '2026-02-01', filedTo: '2026-01-01' } }, 'filedFrom'],
  ])('refuses %j with BAD_USER_INPUT naming %s', async (variables, field) => {
    const response = await demands.query(mel, PAGE, variables);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain(field);
  });

  it('gives an association exactly the demands it assists, and one assisting none nothing', async () => {
    const response = await demands.query(demoViewer('siao-nord'), PAGE, { first: 100 });
    expect(response.errors).toBeUndefined();
    const expected = await sqlNurs(`assisting_partner = 'siao-nord'`, [], 100);
    expect(expected.length).toBeGreaterThan(0);
    expect(response.data?.demands.edges.map((edge: any) => edge.node.nur)).toEqual(expected);
    const soliha = await demands.query(demoViewer('soliha-metropole-nord'), PAGE, { first: 100 });
    expect(soliha.data?.demands.edges).toEqual([]);
    expect(soliha.data?.demands.totalCount).toBe(0);
  });

  it('is refused to the auditor (dpo-mel reads the access log, not the register), while a landlord reads it', async () => {
    const denied = await demands.query(demoViewer('dpo-mel'), PAGE, { first: 1 });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(denied.data).toBeNull();
    const allowed = await demands.query(demoViewer('vilogia'), PAGE, { first: 1 });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.demands.edges).toHaveLength(1);
  });

  it('is refused to anonymous callers with a message saying how to authenticate', async () => {
    const response = await demands.query(ANONYMOUS, PAGE, { first: 1 });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(response.errors?.[0]?.message).toMatch(/partner token/);
  });
});

describe('demand(id)', () => {
  const ONE = `query One($id: ID!) { demand(id: $id) { id nur applicant { familyName } } }`;

  it('answers the same for a demand outside the territory and for no demand at all', async () => {
    const [lilleOnly] = await db.query(`SELECT id, nur FROM demand WHERE wished_communes = ARRAY['59350'] LIMIT 1`);
    const hidden = await demands.query(roubaix, ONE, { id: lilleOnly.id });
    const absent = await demands.query(roubaix, ONE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(hidden).toEqual(absent);
    expect(hidden).toEqual({ status: 200, data: { demand: null } });
    const allowed = await demands.query(lille, ONE, { id: lilleOnly.id });
    expect(allowed.data?.demand).toMatchObject({ id: lilleOnly.id, nur: lilleOnly.nur });
  });

  it('refuses an id that is not a UUID', async () => {
    const response = await demands.query(lille, ONE, { id: "1' OR '1'='1" });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('Demand.events', () => {
  it('gives the newest events first, as many as asked', async () => {
    const [demand] = await db.query(
      `SELECT demand_id AS id FROM demand_event GROUP BY demand_id HAVING count(*) >= 3 ORDER BY demand_id LIMIT 1`,
    );
    const expected: { type: string }[] = await db.query(
      `SELECT type FROM demand_event WHERE demand_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 2`,
      [demand.id],
    );
    const response = await demands.query(
      mel,
      `query($id: ID!) { demand(id: $id) { events(first: 2) { type occurredAt recordedBy } } }`,
      { id: demand.id },
    );
    expect(response.data?.demand.events.map((event: any) => event.type)).toEqual(expected.map((row) => row.type));
  });

  it('costs the same number of SQL statements for 10 and for 100 demands (no N+1)', async () => {
    const query = `query($first: Int) { demands(first: $first) { edges { node { id events(first: 5) { type } } } } }`;
    const small = await statements.measure(() => demands.query(mel, query, { first: 10 }));
    const large = await statements.measure(() => demands.query(mel, query, { first: 100 }));
    expect(small).toBe(2); // one page query, one batched events query
    expect(large).toBe(small);
  });
});

describe('_entities (federation reference resolution)', () => {
  const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Demand { id nur } } }`;

  it('resolves representations in order, with null for unknown and hidden ones, in one statement', async () => {
    const rows: { id: string; nur: string }[] = await db.query(
      `SELECT id, nur FROM demand WHERE '59350' = ANY(wished_communes) ORDER BY id LIMIT 3`,
    );
    const [hidden] = await db.query(`SELECT id FROM demand WHERE NOT ('59350' = ANY(wished_communes)) LIMIT 1`);
    const representations = [rows[2], { id: '00000000-0000-4000-8000-000000000000' }, rows[0], hidden, rows[1]].map(
      (row) => ({
        __typename: 'Demand',
        id: row!.id,
      }),
    );
    let response: any;
    const count = await statements.measure(async () => {
      response = await demands.query(lille, ENTITIES, { representations });
    });
    expect(response.data._entities).toEqual([rows[2], null, rows[0], null, rows[1]]);
    // One batched read, and one insert logging the three NURs read (the audit log).
    expect(count).toBe(2);
  });
});

describe('the event timeline table', () => {
  it('refuses updates and deletes (append-only, CCH R441-2-15)', async () => {
    await expect(db.query(`UPDATE demand_event SET detail = 'edited'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM demand_event`)).rejects.toThrow(/append-only/);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM demand_event WHERE detail = 'edited'`);
    expect(count).toBe(0);
  });
});

describe('the demo seed', () => {
  it('seeds once: a second run changes nothing', async () => {
    const before = await db.query(`SELECT count(*)::int AS count FROM demand`);
    await expect(seedDemoRegister(db, { referenceDate: TEST_REFERENCE_DATE, demands: SEEDED })).resolves.toBeNull();
    expect(await db.query(`SELECT count(*)::int AS count FROM demand`)).toEqual(before);
  });
});
