import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { officialGeography } from '@passerelle/shared/geography';
import { demoToken } from '@passerelle/shared/testing';
import { Client } from 'pg';
import { e2eDatabaseUrl, endpoints, postGraphQL } from '../support/endpoints';

/**
 * The whole graph through the gateway: four partner-owned subgraphs contributing to one demand
 * and to one territory. Every expected value comes from direct SQL on the subgraphs' seeded
 * databases, never from the resolvers under test.
 */
const databases: Record<string, Client> = {};
beforeAll(async () => {
  for (const name of ['demands', 'offers', 'accompaniment', 'governance']) {
    databases[name] = new Client({ connectionString: e2eDatabaseUrl(name) });
    await databases[name].connect();
  }
});
afterAll(() => Promise.all(Object.values(databases).map((client) => client.end())));

const sql = async <T = any>(database: string, text: string, params: unknown[] = []) =>
  (await databases[database]!.query(text, params)).rows as T[];
const asPartner = async (slug: string) => ({ authorization: `Bearer ${await demoToken(slug)}` });

/** Rows grouped by `demand_id`, keeping their order. */
function byDemand<T extends { demand_id: string }>(rows: T[], pick: (row: T) => unknown) {
  const grouped = new Map<string, unknown[]>();
  for (const row of rows) grouped.set(row.demand_id, [...(grouped.get(row.demand_id) ?? []), pick(row)]);
  return grouped;
}

describe('a page of demands with every cross-subgraph field', () => {
  const PAGE = `query($first: Int) {
    demands(first: $first, filter: { filedTo: "2025-12-31" }) {
      edges { node {
        id
        proposals(first: 100) { id outcome }
        measures(first: 100) { id status }
        calDecisions(first: 100) { id type }
      } }
    }
  }`;

  it('matches, demand by demand and in order, what each subgraph stores', async () => {
    const { body } = await postGraphQL(
      endpoints().gateway,
      { query: PAGE, variables: { first: 100 } },
      await asPartner('prefecture-nord'),
    );
    expect(body.errors).toBeUndefined();
    const page = body.data.demands.edges.map((edge: any) => edge.node);
    const ids: string[] = page.map((demand: any) => demand.id);
    const expectedIds = await sql(
      'demands',
      `SELECT id FROM demand WHERE filing_date <= '2025-12-31' ORDER BY filing_date DESC, id DESC LIMIT 100`,
    );
    expect(ids).toEqual(expectedIds.map((row) => row.id));

    const proposals = byDemand(
      await sql(
        'offers',
        `SELECT demand_id, id, outcome FROM proposal WHERE demand_id = ANY($1) ORDER BY designated_on DESC, id DESC`,
        [ids],
      ),
      (row: any) => ({ id: row.id, outcome: row.outcome }),
    );
    const measures = byDemand(
      await sql(
        'accompaniment',
        `SELECT demand_id, id, status FROM measure WHERE demand_id = ANY($1) ORDER BY prescribed_on DESC, id DESC`,
        [ids],
      ),
      (row: any) => ({ id: row.id, status: row.status }),
    );
    const decisions = byDemand(
      await sql(
        'governance',
        `SELECT demand_id, id, type FROM cal_decision WHERE demand_id = ANY($1) ORDER BY decided_on DESC, id DESC`,
        [ids],
      ),
      (row: any) => ({ id: row.id, type: row.type }),
    );
    for (const demand of page) {
      expect(demand.proposals).toEqual(proposals.get(demand.id) ?? []);
      expect(demand.measures).toEqual(measures.get(demand.id) ?? []);
      expect(demand.calDecisions).toEqual(decisions.get(demand.id) ?? []);
    }
    // The page is not trivially empty on any side.
    expect(page.filter((demand: any) => demand.proposals.length > 0).length).toBeGreaterThan(5);
    expect(page.filter((demand: any) => demand.measures.length > 0).length).toBeGreaterThan(3);
    expect(page.filter((demand: any) => demand.calDecisions.length > 0).length).toBeGreaterThan(5);
  });

  it('agrees across subgraphs: every signed lease in offers is a LEASE_SIGNED radiation in demands', async () => {
    const leases = await sql('offers', `SELECT tenant_demand_id AS id FROM vacancy WHERE status = 'LEASE_SIGNED'`);
    expect(leases.length).toBeGreaterThan(0);
    const radiated = await sql('demands', `SELECT id FROM demand WHERE radiation_motive = 'LEASE_SIGNED'`);
    expect(new Set(radiated.map((row) => row.id))).toEqual(new Set(leases.map((row) => row.id)));
  });
});

describe('territory(code): one request, four subgraphs', () => {
  const asOf = TEST_REFERENCE_DATE; // 2026-06-30
  const yearStart = '2026-01-01';
  const MEL = '200093201';
  const melCommunes = officialGeography.find(MEL)!.communes;
  const QUERY = `query($code: String!, $asOf: LocalDate) {
    territory(code: $code) {
      code name level parent { code name }
      demandIndicators(asOf: $asOf) { pending newThisMonth newThisYear }
      offerIndicators(asOf: $asOf) { vacanciesByStatus { status count } attributionsThisYear attributionsOutsideQpvThisYear shareOutsideQpv }
      accompanimentIndicators(asOf: $asOf) { activeMeasures activeMeasuresByScheme { scheme count } startedThisYear closedThisYear }
      governanceIndicators(asOf: $asOf) { meetingsHeldThisYear decisionsByType { type count } }
    }
  }`;

  it('gives the MEL every indicator as computed by SQL in the owning database', async () => {
    const { body } = await postGraphQL(
      endpoints().gateway,
      { query: QUERY, variables: { code: MEL, asOf } },
      await asPartner('observatoire-mel'),
    );
    expect(body.errors).toBeUndefined();
    const territory = body.data.territory;
    expect(territory).toMatchObject({
      code: MEL,
      name: 'Métropole Européenne de Lille',
      level: 'EPCI',
      parent: { code: '59', name: 'Nord' },
    });

    const [demands] = await sql(
      'demands',
      `SELECT count(*) FILTER (WHERE status = 'ACTIVE')::int AS pending,
              count(*) FILTER (WHERE filing_date BETWEEN '2026-06-01' AND $1)::int AS "newThisMonth",
              count(*) FILTER (WHERE filing_date BETWEEN $2 AND $1)::int AS "newThisYear"
         FROM demand WHERE wished_communes && $3::text[]`,
      [asOf, yearStart, melCommunes],
    );
    expect(territory.demandIndicators).toEqual(demands);

    const statuses = await sql(
      'offers',
      `SELECT v.status, count(*)::int AS count FROM vacancy v JOIN dwelling d ON d.id = v.dwelling_id
        WHERE d.commune = ANY($1) AND v.vacated_on <= $2 GROUP BY v.status`,
      [melCommunes, asOf],
    );
    const nonZero = territory.offerIndicators.vacanciesByStatus.filter((entry: any) => entry.count > 0);
    expect(nonZero).toEqual(expect.arrayContaining(statuses));
    expect(nonZero).toHaveLength(statuses.length);
    const [leases] = await sql(
      'offers',
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE d.qpv IS NULL)::int AS outside
         FROM vacancy v JOIN dwelling d ON d.id = v.dwelling_id
        WHERE d.commune = ANY($1) AND v.lease_signed_on BETWEEN $2 AND $3`,
      [melCommunes, yearStart, asOf],
    );
    expect(leases.total).toBeGreaterThan(0);
    expect(territory.offerIndicators).toMatchObject({
      attributionsThisYear: leases.total,
      attributionsOutsideQpvThisYear: leases.outside,
    });
    expect(territory.offerIndicators.shareOutsideQpv).toBeCloseTo(leases.outside / leases.total, 6);

    const active = await sql(
      'accompaniment',
      `SELECT scheme_code AS scheme, count(*)::int AS count FROM measure
        WHERE commune = ANY($1) AND started_on <= $2 AND (closed_on IS NULL OR closed_on > $2) GROUP BY scheme_code`,
      [melCommunes, asOf],
    );
    const [flows] = await sql(
      'accompaniment',
      `SELECT count(*) FILTER (WHERE started_on BETWEEN $2 AND $3)::int AS started,
              count(*) FILTER (WHERE closed_on BETWEEN $2 AND $3)::int AS closed
         FROM measure WHERE commune = ANY($1)`,
      [melCommunes, yearStart, asOf],
    );
    const indicators = territory.accompanimentIndicators;
    expect(indicators.activeMeasures).toBe(active.reduce((sum: number, row: any) => sum + row.count, 0));
    expect(indicators.activeMeasuresByScheme.filter((entry: any) => entry.count > 0)).toEqual(
      expect.arrayContaining(active),
    );
    expect(indicators).toMatchObject({ startedThisYear: flows.started, closedThisYear: flows.closed });

    const [meetings] = await sql(
      'governance',
      `SELECT count(*)::int AS held FROM meeting m JOIN body b ON b.id = m.body_id
        WHERE m.status = 'HELD' AND m.date BETWEEN $1 AND $2 AND (b.territory_code = $3 OR b.territory_code = ANY($4))`,
      [yearStart, asOf, MEL, melCommunes],
    );
    expect(territory.governanceIndicators.meetingsHeldThisYear).toBe(meetings.held);
    const decisions = await sql(
      'governance',
      `SELECT type, count(*)::int AS count FROM cal_decision WHERE decided_on BETWEEN $1 AND $2 AND commune = ANY($3) GROUP BY type`,
      [yearStart, asOf, melCommunes],
    );
    expect(territory.governanceIndicators.decisionsByType.filter((entry: any) => entry.count > 0)).toEqual(
      expect.arrayContaining(decisions),
    );
    expect(decisions.length).toBeGreaterThan(2);
  });

  it('serves the territory itself without a token, but not its indicators', async () => {
    const open = await postGraphQL(endpoints().gateway, {
      query: '{ territory(code: "59350") { name level parent { code } } }',
    });
    expect(open.body).toEqual({ data: { territory: { name: 'Lille', level: 'COMMUNE', parent: { code: MEL } } } });
    const closed = await postGraphQL(endpoints().gateway, { query: QUERY, variables: { code: '59350', asOf } });
    expect(closed.body.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
  });
});
