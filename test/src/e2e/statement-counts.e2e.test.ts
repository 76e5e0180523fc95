import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { demoToken, harnessEnvironment } from '@passerelle/shared/testing';
import { postGraphQL } from '../support/endpoints';
import { startStack, type Stack } from '../support/stack';
import { StatementCounts } from '../support/statements';

/**
 * No N+1 across the federation: a page of demands with every cross-subgraph field costs each
 * subgraph the same number of SQL statements for 10 demands as for 100 (the largest page).
 * Counted by PostgreSQL itself (pg_stat_statements) on a stack of our own, so no other test's
 * queries are counted.
 */
const PAGE = `query Page($first: Int) {
  demands(first: $first) {
    edges { node { id nur status events(first: 5) { type occurredAt } } }
  }
}`;

let stack: Stack;
let counts: StatementCounts;
beforeAll(async () => {
  stack = await startStack({ label: 'counts', referenceDate: TEST_REFERENCE_DATE, demands: 800 });
  counts = await StatementCounts.open(harnessEnvironment().serverUrl);
}, 60_000);
afterAll(async () => {
  await counts?.close();
  await stack?.stop();
});

describe('SQL statements per subgraph for a page of demands with all cross-subgraph fields', () => {
  it('do not grow with the page size', async () => {
    const token = await demoToken('prefecture-nord');
    const databases = stack.subgraphs.map((subgraph) => subgraph.database);
    const measure = (first: number) =>
      counts.during(databases, async () => {
        const { body } = await postGraphQL(
          stack.gateway.url,
          { query: PAGE, variables: { first } },
          { authorization: `Bearer ${token}` },
        );
        expect(body.errors).toBeUndefined();
        expect(body.data.demands.edges).toHaveLength(first);
      });
    await measure(10); // warm-up: connection pools open, plans cached
    const small = await measure(10);
    const large = await measure(100);
    const report = stack.subgraphs.map(
      (subgraph) => `${subgraph.name}: ${small[subgraph.database]} → ${large[subgraph.database]}`,
    );
    console.log(`SQL statements per subgraph, page of 10 → page of 100 demands:\n  ${report.join('\n  ')}`);
    for (const subgraph of stack.subgraphs) {
      expect(small[subgraph.database]).toBeGreaterThan(0);
      expect(large[subgraph.database]).toBe(small[subgraph.database]);
    }
  });
});
