import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { demoToken } from '@passerelle/shared/testing';
import { Client } from 'pg';
import { e2eDatabaseUrl, endpoints, postGraphQL } from '../support/endpoints';

/**
 * Issue 6 through the gateway: a landlord reading a demand learns that its household is
 * accompanied but gets null and FORBIDDEN for the diagnostic's content, while the authoring
 * operator reads it. Expected values come from direct SQL on the seeded databases.
 */
const databases: Record<string, Client> = {};
beforeAll(async () => {
  for (const name of ['demands', 'accompaniment']) {
    databases[name] = new Client({ connectionString: e2eDatabaseUrl(name) });
    await databases[name].connect();
  }
});
afterAll(() => Promise.all(Object.values(databases).map((client) => client.end())));

const sql = async <T = any>(database: string, text: string, params: unknown[] = []) =>
  (await databases[database]!.query(text, params)).rows as T[];
// Diagnostic content is sensitive: every person here holds the read:sensitive scope, so that what
// is tested is the consent rule on top of it (the scope itself is tested in the subgraph).
const asPartner = async (slug: string) => ({
  authorization: `Bearer ${await demoToken(slug, '1h', ['read:sensitive'])}`,
});

const DEMAND = `query($id: ID!) { demand(id: $id) {
  id isAccompanied
  diagnostics { id writtenOn operator { slug } authorName conclusion scores { dimension score } }
} }`;

const BY_MEASURE = `query($id: ID!) { measure(id: $id) { demand {
  id isAccompanied
  diagnostics { id writtenOn operator { slug } authorName conclusion scores { dimension score } }
} } }`;

/**
 * A demand wishing a MEL commune whose household has a running measure of a demo association with
 * a diagnostic, and no consent in force covering landlords today.
 */
async function accompaniedDemand() {
  const rows = await sql(
    'accompaniment',
    `SELECT h.demand_id, d.id AS diagnostic_id, d.written_on::text, d.conclusion, d.author_name, o.slug, m.id AS measure_id
     FROM diagnostic d
     JOIN household h ON h.id = d.household_id
     JOIN measure m ON m.id = d.measure_id
     JOIN operator o ON o.id = d.operator_id
     WHERE h.demand_id IS NOT NULL AND m.status IN ('ACTIVE', 'RENEWED', 'SUSPENDED')
       AND o.slug IN ('siao-nord', 'soliha-metropole-nord')
       AND m.territory_codes && ARRAY['200093201']
       AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.household_id = h.id AND 'LANDLORD' = ANY(c.scope)
                       AND c.given_on <= $1 AND (c.withdrawn_on IS NULL OR c.withdrawn_on > $1))
       AND (SELECT count(*) FROM diagnostic x WHERE x.household_id = h.id) = 1
     ORDER BY h.demand_id LIMIT 1`,
    [TEST_REFERENCE_DATE],
  );
  expect(rows).toHaveLength(1);
  const [demand] = await sql('demands', `SELECT id FROM demand WHERE id = $1`, [rows[0].demand_id]);
  expect(demand).toBeDefined();
  return rows[0] as {
    demand_id: string;
    diagnostic_id: string;
    written_on: string;
    conclusion: string;
    author_name: string;
    slug: string;
    measure_id: string;
  };
}

describe('accompaniment and consent through the gateway', () => {
  it('a landlord sees that the household is accompanied, and that a diagnostic exists, but not its content', async () => {
    const expected = await accompaniedDemand();
    const { body } = await postGraphQL(
      endpoints().gateway,
      { query: DEMAND, variables: { id: expected.demand_id } },
      await asPartner('vilogia'),
    );
    expect(body.data.demand.id).toBe(expected.demand_id);
    expect(body.data.demand.isAccompanied).toBe(true);
    expect(body.data.demand.diagnostics).toEqual([
      {
        id: expected.diagnostic_id,
        writtenOn: expected.written_on,
        operator: { slug: expected.slug },
        authorName: null,
        conclusion: null,
        scores: null,
      },
    ]);
    const denied = (body.errors ?? []).map((error: any) => [error.path.join('.'), error.extensions.code]).sort();
    expect(denied).toEqual([
      ['demand.diagnostics.0.authorName', 'FORBIDDEN'],
      ['demand.diagnostics.0.conclusion', 'FORBIDDEN'],
      ['demand.diagnostics.0.scores', 'FORBIDDEN'],
    ]);
  });

  // The demands subgraph shows an association no demand; it reaches the demand through its measure.
  it('the authoring operator reads the content, as stored, through its measure', async () => {
    const expected = await accompaniedDemand();
    const scores = await sql(
      'accompaniment',
      `SELECT budget_score, health_score, employment_score, housing_skills_score, social_ties_score,
              administrative_situation_score FROM diagnostic WHERE id = $1`,
      [expected.diagnostic_id],
    );
    const { body } = await postGraphQL(
      endpoints().gateway,
      { query: BY_MEASURE, variables: { id: expected.measure_id } },
      await asPartner(expected.slug),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.measure.demand.id).toBe(expected.demand_id);
    expect(body.data.measure.demand.isAccompanied).toBe(true);
    expect(body.data.measure.demand.diagnostics).toEqual([
      {
        id: expected.diagnostic_id,
        writtenOn: expected.written_on,
        operator: { slug: expected.slug },
        authorName: expected.author_name,
        conclusion: expected.conclusion,
        scores: [
          { dimension: 'BUDGET', score: scores[0].budget_score },
          { dimension: 'HEALTH', score: scores[0].health_score },
          { dimension: 'EMPLOYMENT', score: scores[0].employment_score },
          { dimension: 'HOUSING_SKILLS', score: scores[0].housing_skills_score },
          { dimension: 'SOCIAL_TIES', score: scores[0].social_ties_score },
          { dimension: 'ADMINISTRATIVE_SITUATION', score: scores[0].administrative_situation_score },
        ],
      },
    ]);
  });
});
