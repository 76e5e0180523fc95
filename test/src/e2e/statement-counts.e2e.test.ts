import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { demoToken, harnessEnvironment } from '@passerelle/shared/testing';
import { postGraphQL } from '../support/endpoints';
import { startStack, type Stack } from '../support/stack';
import { StatementCounts } from '../support/statements';

/**
 * No N+1 across the federation: a page of demands with every cross-subgraph field costs each
 * subgraph a number of SQL statements bounded by the query, whatever the page size. Counted by
 * PostgreSQL itself (pg_stat_statements) on a stack of our own, so no other test's queries count.
 * The page holds demands filed before 2026 (the seed's reference date is 2026-06-30): old enough
 * to have been designated, examined in CAL and accompanied, so that pages exercise every relation.
 */
const PAGE = `query Page($first: Int) {
  demands(first: $first, filter: { filedTo: "2025-12-31" }) {
    edges {
      node {
        id nur status events(first: 5) { type occurredAt }
        proposals(first: 5) { outcome designatedOn vacancy { status dwelling { commune typology } } }
        calDecisions(first: 5) { type rank decidedOn meeting { date } }
        measures(first: 5) { status startedOn scheme { code } operator { name } }
      }
    }
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

/**
 * The batched loads the query above can trigger in each subgraph, whatever the page size: one
 * statement per level of the query that reads from that subgraph.
 */
/** Reads only: the log of nominative reads is written after the response (StatementCounts leaves it out). */
const MAX_STATEMENTS: Record<string, number> = {
  demands: 2, // the page; the events of all its demands
  offers: 4, // proposals of all demands; their vacancies; their dwellings; (reservation holders)
  governance: 2, // CAL decisions of all demands; their meetings
  accompaniment: 3, // measures of all demands; their schemes; their operators
};

describe('SQL statements per subgraph for a page of demands with all cross-subgraph fields', () => {
  it('are bounded by the query, not by the page size', async () => {
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
    const pages = { 10: await measure(10), 50: await measure(50), 100: await measure(100) };
    const report = stack.subgraphs.map(
      (subgraph) => `${subgraph.name}: ${[10, 50, 100].map((n) => pages[n as 10][subgraph.database]).join(' / ')}`,
    );
    console.log(`SQL statements per subgraph for a page of 10 / 50 / 100 demands:\n  ${report.join('\n  ')}`);
    for (const subgraph of stack.subgraphs) {
      const [small, medium, large] = [pages[10], pages[50], pages[100]].map((page) => page[subgraph.database]!);
      expect(small).toBeGreaterThan(0);
      for (const count of [small, medium, large]) expect(count).toBeLessThanOrEqual(MAX_STATEMENTS[subgraph.name]!);
      // Pages of 50 and 100 both contain every kind of relation: their costs are equal.
      expect(large).toBe(medium);
    }
  });
});
