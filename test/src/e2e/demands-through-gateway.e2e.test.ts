import { demoToken } from '@passerelle/shared/testing';
import { Client } from 'pg';
import { endpoints, postGraphQL } from '../support/endpoints';

/** The demands subgraph served through the gateway, checked against direct SQL on its seeded database. */
let sql: Client;
beforeAll(async () => {
  sql = new Client({ connectionString: endpoints().demandsDatabase });
  await sql.connect();
});
afterAll(() => sql?.end());

const PAGE = `query($first: Int, $after: String) {
  demands(first: $first, after: $after) { totalCount edges { node { id nur status filingDate events(first: 1) { type } } } pageInfo { hasNextPage endCursor } }
}`;

describe('demands through the gateway', () => {
  it('gives Roubaix the same first two pages as SQL, newest filing first', async () => {
    const token = await demoToken('ville-de-roubaix');
    const first = await postGraphQL(
      endpoints().gateway,
      { query: PAGE, variables: { first: 25 } },
      { authorization: `Bearer ${token}` },
    );
    const second = await postGraphQL(
      endpoints().gateway,
      { query: PAGE, variables: { first: 25, after: first.body.data.demands.pageInfo.endCursor } },
      { authorization: `Bearer ${token}` },
    );
    const { rows } = await sql.query(
      `SELECT nur FROM demand WHERE '59512' = ANY(wished_communes) ORDER BY filing_date DESC, id DESC LIMIT 50`,
    );
    const nurs = [...first.body.data.demands.edges, ...second.body.data.demands.edges].map(
      (edge: any) => edge.node.nur,
    );
    expect(nurs).toEqual(rows.map((row) => row.nur));
    const { rows: count } = await sql.query(
      `SELECT count(*)::int AS n FROM demand WHERE '59512' = ANY(wished_communes)`,
    );
    expect(first.body.data.demands.totalCount).toBe(count[0].n);
  });

  it('answers GET queries only with a CSRF preflight header', async () => {
    const url = new URL(endpoints().gateway);
    url.searchParams.set('query', '{ __typename }');
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    const preflighted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('reports health, and readiness once every subgraph is reachable', async () => {
    const base = new URL(endpoints().gateway);
    expect(await (await fetch(new URL('/health', base))).json()).toEqual({ status: 'ok' });
    const ready = await fetch(new URL('/ready', base));
    expect(ready.status).toBe(200);
  });

  it('refuses HTTP batches of operations', async () => {
    const response = await fetch(endpoints().gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });
});
