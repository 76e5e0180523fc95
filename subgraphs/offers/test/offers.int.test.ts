import { StatementCounter } from '@passerelle/shared/database';
import { generateDemoTerritory, TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { ANONYMOUS, type Viewer } from '@passerelle/shared/identity';
import {
  type GraphQLResponse,
  type SeededSubgraph,
  type SubgraphClient,
  demoViewer,
  openSeededSubgraph,
} from '@passerelle/shared/testing';
import type { DataSource } from 'typeorm';
import { createOffersDataSource } from '../src/data-source';
import { seedDemoOffers } from '../src/seed/demo-seed';
import { buildOffersServer } from '../src/server';

/**
 * The offers subgraph on real PostgreSQL (a migrated clone of the run's template), seeded with
 * the offers slice of the deterministic demo territory and served over HTTP. Expected values
 * come from direct SQL on the seeded tables, never from the resolvers under test.
 */
let db: DataSource;
let statements: StatementCounter;
let offers: SubgraphClient;

const SEEDED_DEMANDS = 400;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
/** The communes of the Métropole Européenne de Lille shipped in the official geography. */
const MEL_COMMUNES = [
  '59009', '59017', '59163', '59220', '59279', '59299', '59328', '59346', '59350',
  '59360', '59367', '59378', '59410', '59512', '59560', '59599', '59646', '59650',
]; // prettier-ignore
const mel = demoViewer('mel'); // the EPCI: every MEL commune
const lille = demoViewer('ville-de-lille'); // reservation holder acting for 59350 only
const roubaix = demoViewer('ville-de-roubaix'); // … for 59512 only
const siao = demoViewer('siao-nord'); // association: reads the stock, no household link
const analyst = demoViewer('observatoire-mel');

let subject: SeededSubgraph;
beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'offers',
    createDataSource: createOffersDataSource,
    seed: seedDemoOffers,
    // Today is the seed's reference day: the indicators' default day is known.
    buildApp: (options) => buildOffersServer({ ...options, now: () => new Date(`${TEST_REFERENCE_DATE}T10:00:00Z`) }),
    demands: SEEDED_DEMANDS,
  });
  ({ db, statements, client: offers } = subject);
});
afterAll(() => subject?.close());

const sql = <T = any>(query: string, parameters: unknown[] = []): Promise<T[]> => db.query(query, parameters);
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
const nodeIds = (response: GraphQLResponse, list: string) =>
  response.data?.[list].edges.map((edge: any) => edge.node.id) as string[];

/** Every page of a connection, walked with cursors. */
async function walk(viewer: Viewer, query: string, list: string, variables: Record<string, unknown>) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const response: GraphQLResponse = await offers.query(viewer, query, { ...variables, after });
    expect(response.errors).toBeUndefined();
    seen.push(...nodeIds(response, list));
    after = response.data![list].pageInfo.endCursor;
    if (!response.data![list].pageInfo.hasNextPage) break;
  }
  return seen;
}

describe('the demo seed', () => {
  it('seeds the offers slice of the territory', async () => {
    const [counts] = await sql(`SELECT
      (SELECT count(*)::int FROM landlord) AS landlords,
      (SELECT count(*)::int FROM reservation_holder) AS holders,
      (SELECT count(*)::int FROM dwelling) AS dwellings,
      (SELECT count(*)::int FROM vacancy) AS vacancies,
      (SELECT count(*)::int FROM proposal) AS proposals`);
    const territory = generateDemoTerritory(TEST_REFERENCE_DATE, SEEDED_DEMANDS);
    expect(counts).toEqual({
      landlords: 3,
      holders: 8,
      dwellings: territory.dwellings.length,
      vacancies: territory.vacancies.length,
      proposals: territory.candidacies.length,
    });
  });

  it('keeps every vacancy status equal to its latest transition', async () => {
    const [{ mismatches }] = await sql(`SELECT count(*)::int AS mismatches FROM vacancy v
      WHERE v.status <> (SELECT t.status FROM vacancy_transition t WHERE t.vacancy_id = v.id ORDER BY t.position DESC LIMIT 1)`);
    expect(mismatches).toBe(0);
  });

  it('seeds once: a second run changes nothing', async () => {
    const before = await sql(`SELECT (SELECT count(*) FROM dwelling) AS d, (SELECT count(*) FROM proposal) AS p`);
    await expect(
      seedDemoOffers(db, { referenceDate: TEST_REFERENCE_DATE, demands: SEEDED_DEMANDS }),
    ).resolves.toBeNull();
    expect(await sql(`SELECT (SELECT count(*) FROM dwelling) AS d, (SELECT count(*) FROM proposal) AS p`)).toEqual(
      before,
    );
  });

  it('refuses to edit or delete vacancy transitions (append-only)', async () => {
    await expect(sql(`UPDATE vacancy_transition SET occurred_on = '2000-01-01'`)).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM vacancy_transition`)).rejects.toThrow(/append-only/);
    const [{ count }] = await sql(
      `SELECT count(*)::int AS count FROM vacancy_transition WHERE occurred_on = '2000-01-01'`,
    );
    expect(count).toBe(0);
  });
});

describe('landlords and reservationHolders', () => {
  const LANDLORDS = `query($first: Int, $after: String) {
    landlords(first: $first, after: $after) { totalCount edges { node { id slug name siren } } pageInfo { hasNextPage endCursor } }
  }`;
  const HOLDERS = `query($first: Int, $after: String, $filter: ReservationHolderFilter) {
    reservationHolders(first: $first, after: $after, filter: $filter) {
      totalCount edges { node { id slug name kind } } pageInfo { hasNextPage endCursor }
    }
  }`;

  it('lists the landlords by name, with their SIREN', async () => {
    const response = await offers.query(analyst, LANDLORDS, { first: 10 });
    const expected = await sql(`SELECT id, slug, name, siren FROM landlord ORDER BY name, id`);
    expect(response.data?.landlords.edges.map((edge: any) => edge.node)).toEqual(expected);
    expect(response.data?.landlords.totalCount).toBe(3);
  });

  it('walks the reservation holders page by page, and filters them by kind', async () => {
    const expected = ids(await sql(`SELECT id FROM reservation_holder ORDER BY name, id`));
    expect(await walk(siao, HOLDERS, 'reservationHolders', { first: 3 })).toEqual(expected);
    const communes = await offers.query(siao, HOLDERS, { filter: { kind: 'COMMUNE' } });
    expect(nodeIds(communes, 'reservationHolders')).toEqual(
      ids(await sql(`SELECT id FROM reservation_holder WHERE kind = 'COMMUNE' ORDER BY name, id`)),
    );
    expect(communes.data?.reservationHolders.totalCount).toBe(2);
  });
});

describe('dwellings(filter, first, after) and dwelling(id)', () => {
  const PAGE = `query($first: Int, $after: String, $filter: DwellingFilter) {
    dwellings(first: $first, after: $after, filter: $filter) {
      totalCount edges { cursor node { id rplsId commune qpv inQpv typology financing } } pageInfo { hasNextPage endCursor }
    }
  }`;

  it('walks every dwelling exactly once, by RPLS identifier', async () => {
    const expected = ids(await sql(`SELECT id FROM dwelling ORDER BY rpls_id, id`));
    expect(await walk(analyst, PAGE, 'dwellings', { first: 17 })).toEqual(expected);
  });

  it.each([
    ['commune', { commune: '59350' }, `commune = '59350'`],
    ['typology', { typology: 'T3' }, `typology = 'T3'`],
    ['financing', { financing: 'PLAI' }, `financing = 'PLAI'`],
    ['inQpv: true', { inQpv: true }, `qpv IS NOT NULL`],
    ['inQpv: false', { inQpv: false }, `qpv IS NULL`],
    [
      'several conditions',
      { commune: '59599', inQpv: false, financing: 'PLUS' },
      `commune = '59599' AND qpv IS NULL AND financing = 'PLUS'`,
    ],
  ])('filters on %s', async (_name, filter, where) => {
    const expected = ids(await sql(`SELECT id FROM dwelling WHERE ${where} ORDER BY rpls_id, id`));
    expect(expected.length).toBeGreaterThan(0);
    const response = await offers.query(mel, PAGE, { first: 100, filter });
    expect(nodeIds(response, 'dwellings')).toEqual(expected);
    expect(response.data?.dwellings.totalCount).toBe(expected.length);
  });

  it('filters on the landlord', async () => {
    const [vilogia] = await sql(`SELECT id FROM landlord WHERE slug = 'vilogia'`);
    const expected = ids(
      await sql(`SELECT id FROM dwelling WHERE landlord_id = $1 ORDER BY rpls_id, id`, [vilogia.id]),
    );
    const response = await offers.query(mel, PAGE, { first: 100, filter: { landlord: vilogia.id } });
    expect(expected.length).toBeGreaterThan(0);
    expect(nodeIds(response, 'dwellings')).toEqual(expected);
  });

  it('gives one dwelling with its landlord, rent and charges to its landlord; null for an unknown id', async () => {
    const [row] = await sql(`SELECT d.id, d.rpls_id, d.surface::float8 AS surface, d.rent::float8 AS rent,
      d.charges::float8 AS charges, d.floor, d.construction_year, l.name AS landlord, l.slug
      FROM dwelling d JOIN landlord l ON l.id = d.landlord_id ORDER BY d.rpls_id LIMIT 1`);
    const ONE = `query($id: ID!) { dwelling(id: $id) { id rplsId surface rent charges floor constructionYear landlord { name } } }`;
    const response = await offers.query(demoViewer(row.slug), ONE, { id: row.id });
    expect(response.errors).toBeUndefined();
    expect(response.data?.dwelling).toEqual({
      id: row.id,
      rplsId: row.rpls_id,
      surface: row.surface,
      rent: row.rent,
      charges: row.charges,
      floor: row.floor,
      constructionYear: row.construction_year,
      landlord: { name: row.landlord },
    });
    expect(await offers.query(siao, ONE, { id: UNKNOWN })).toEqual({ status: 200, data: { dwelling: null } });
  });

  it('answers the rent and charges with null and FORBIDDEN at their path to other partners, the rest intact', async () => {
    const [row] = await sql(`SELECT d.id, d.rpls_id, l.slug FROM dwelling d JOIN landlord l ON l.id = d.landlord_id
      WHERE NOT EXISTS (SELECT 1 FROM vacancy v WHERE v.dwelling_id = d.id AND v.status NOT IN ('LEASE_SIGNED', 'RETURNED'))
      ORDER BY d.rpls_id LIMIT 1`);
    const [other] = await sql(`SELECT slug FROM landlord WHERE slug <> $1 ORDER BY slug LIMIT 1`, [row.slug]);
    const ONE = `query($id: ID!) { dwelling(id: $id) { rplsId rent charges internalNotes } }`;
    for (const viewer of [siao, analyst, mel, demoViewer(other.slug), lille]) {
      const denied = await offers.query(viewer, ONE, { id: row.id });
      expect(denied.data?.dwelling).toEqual({ rplsId: row.rpls_id, rent: null, charges: null, internalNotes: null });
      expect(denied.errors?.map((error) => [error.path?.join('.'), error.extensions?.code]).sort()).toEqual([
        ['dwelling.charges', 'FORBIDDEN'],
        ['dwelling.internalNotes', 'FORBIDDEN'],
        ['dwelling.rent', 'FORBIDDEN'],
      ]);
    }
    const allowed = await offers.query(demoViewer(row.slug), ONE, { id: row.id });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.dwelling.rent).toEqual(expect.any(Number));
  });

  it('gives the reservation holder a vacancy is now oriented to the rent and charges, not the internal notes', async () => {
    const [row] = await sql(`SELECT d.id, d.rent::float8 AS rent FROM dwelling d
      JOIN vacancy v ON v.dwelling_id = d.id AND v.status NOT IN ('LEASE_SIGNED', 'RETURNED')
      JOIN reservation_holder h ON h.id = v.reservation_holder_id AND h.slug = 'ville-de-lille'
      ORDER BY d.id LIMIT 1`);
    const response = await offers.query(lille, `query($id: ID!) { dwelling(id: $id) { rent internalNotes } }`, {
      id: row.id,
    });
    expect(response.data?.dwelling).toEqual({ rent: row.rent, internalNotes: null });
    expect(response.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([
      ['dwelling.internalNotes', 'FORBIDDEN'],
    ]);
  });
});

describe('vacancies(filter, first, after) and vacancy(id)', () => {
  const PAGE = `query($first: Int, $after: String, $filter: VacancyFilter) {
    vacancies(first: $first, after: $after, filter: $filter) {
      totalCount edges { node { id status vacatedOn } } pageInfo { hasNextPage endCursor }
    }
  }`;
  const ORDER = `ORDER BY v.vacated_on DESC, v.id DESC`;

  it('walks every vacancy exactly once, most recently vacated first', async () => {
    const expected = ids(await sql(`SELECT id FROM vacancy v ${ORDER}`));
    expect(await walk(analyst, PAGE, 'vacancies', { first: 7 })).toEqual(expected);
  });

  it('filters on the status, the landlord, the reservation holder and the commune', async () => {
    const [landlord] = await sql(`SELECT id FROM landlord WHERE slug = 'lille-metropole-habitat'`);
    const [holder] = await sql(`SELECT id FROM reservation_holder WHERE slug = 'action-logement'`);
    const cases: [object, string, unknown[]][] = [
      [{ status: 'LEASE_SIGNED' }, `v.status = 'LEASE_SIGNED'`, []],
      [{ landlord: landlord.id }, `d.landlord_id = $1`, [landlord.id]],
      [{ reservationHolder: holder.id }, `v.reservation_holder_id = $1`, [holder.id]],
      [{ commune: '59350' }, `d.commune = '59350'`, []],
      [{ commune: '59350', status: 'LEASE_SIGNED' }, `d.commune = '59350' AND v.status = 'LEASE_SIGNED'`, []],
    ];
    for (const [filter, where, parameters] of cases) {
      const expected = ids(
        await sql(
          `SELECT v.id FROM vacancy v JOIN dwelling d ON d.id = v.dwelling_id WHERE ${where} ${ORDER}`,
          parameters,
        ),
      );
      expect(expected.length).toBeGreaterThan(0);
      const response = await offers.query(mel, PAGE, { first: 100, filter });
      expect(nodeIds(response, 'vacancies')).toEqual(expected);
      expect(response.data?.vacancies.totalCount).toBe(expected.length);
    }
  });

  it('gives a vacancy with its transitions, reservation holder, dwelling and signed lease', async () => {
    const [vacancy] = await sql(`SELECT v.id, v.tenant_demand_id, v.lease_signed_on::text AS lease_signed_on,
        d.qpv IS NOT NULL AS in_qpv, d.rpls_id, r.slug AS holder
      FROM vacancy v JOIN dwelling d ON d.id = v.dwelling_id JOIN reservation_holder r ON r.id = v.reservation_holder_id
      WHERE v.status = 'LEASE_SIGNED' ORDER BY v.id LIMIT 1`);
    const transitions = await sql(
      `SELECT status, occurred_on::text AS "occurredOn" FROM vacancy_transition
      WHERE vacancy_id = $1 ORDER BY position`,
      [vacancy.id],
    );
    const ONE = `query($id: ID!) { vacancy(id: $id) {
      id status transitions { status occurredOn } reservationHolder { slug } dwelling { rplsId }
      attribution { leaseSignedOn inQpv demand { id } }
    } }`;
    const response = await offers.query(mel, ONE, { id: vacancy.id });
    expect(response.data?.vacancy).toEqual({
      id: vacancy.id,
      status: 'LEASE_SIGNED',
      transitions,
      reservationHolder: { slug: vacancy.holder },
      dwelling: { rplsId: vacancy.rpls_id },
      attribution: {
        leaseSignedOn: vacancy.lease_signed_on,
        inQpv: vacancy.in_qpv,
        demand: { id: vacancy.tenant_demand_id },
      },
    });
    expect(transitions[0].status).toBe('VACATED');
    expect(transitions.at(-1).status).toBe('LEASE_SIGNED');
  });

  it('hides the tenant of a lease from partners who read no household link (null, FORBIDDEN), keeping the lease itself', async () => {
    const [vacancy] = await sql(
      `SELECT id, lease_signed_on::text AS day FROM vacancy WHERE status = 'LEASE_SIGNED' ORDER BY id LIMIT 1`,
    );
    const ONE = `query($id: ID!) { vacancy(id: $id) { attribution { leaseSignedOn demand { id } } } }`;
    for (const viewer of [analyst, siao]) {
      const hidden = await offers.query(viewer, ONE, { id: vacancy.id });
      expect(hidden.data?.vacancy.attribution).toEqual({ leaseSignedOn: vacancy.day, demand: null });
      expect(hidden.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([
        ['vacancy.attribution.demand', 'FORBIDDEN'],
      ]);
    }
    const shown = await offers.query(mel, ONE, { id: vacancy.id });
    expect(shown.errors).toBeUndefined();
    expect(shown.data?.vacancy.attribution.demand).not.toBeNull();
  });

  it('has no reservation holder while VACATED and no attribution before the lease', async () => {
    const response = await offers.query(
      mel,
      `{ vacancies(first: 100) { edges { node { status reservationHolder { id } attribution { leaseSignedOn } } } } }`,
    );
    for (const { node } of response.data?.vacancies.edges ?? []) {
      expect(node.reservationHolder === null).toBe(node.status === 'VACATED');
      expect(node.attribution !== null).toBe(node.status === 'LEASE_SIGNED');
    }
  });

  it('answers null for an unknown vacancy', async () => {
    const response = await offers.query(mel, `query($id: ID!) { vacancy(id: $id) { id } }`, { id: UNKNOWN });
    expect(response).toEqual({ status: 200, data: { vacancy: null } });
  });
});

describe('Vacancy.proposals', () => {
  const PROPOSALS = `query($id: ID!, $first: Int) { vacancy(id: $id) { proposals(first: $first) {
    id outcome designatedOn outcomeOn refusalMotive demand { id } designatedBy { slug }
  } } }`;

  /** A vacancy oriented to Ville de Lille (its contingent) with two candidacies or more. */
  async function lilleVacancyWithProposals() {
    const [row] = await sql(`SELECT p.vacancy_id AS id FROM proposal p JOIN vacancy v ON v.id = p.vacancy_id
      JOIN reservation_holder h ON h.id = v.reservation_holder_id AND h.slug = 'ville-de-lille'
      GROUP BY p.vacancy_id HAVING count(*) >= 2 ORDER BY p.vacancy_id LIMIT 1`);
    return row.id as string;
  }

  it('lists the candidacies, newest designation first, as many as asked', async () => {
    const vacancyId = await lilleVacancyWithProposals();
    const expected = await sql(
      `SELECT p.id, p.outcome, p.designated_on::text AS "designatedOn", p.outcome_on::text AS "outcomeOn",
        p.refusal_motive AS "refusalMotive", json_build_object('id', p.demand_id) AS demand, json_build_object('slug', r.slug) AS "designatedBy"
      FROM proposal p JOIN reservation_holder r ON r.id = p.designated_by_id
      WHERE p.vacancy_id = $1 ORDER BY p.designated_on DESC, p.id DESC`,
      [vacancyId],
    );
    const all = await offers.query(lille, PROPOSALS, { id: vacancyId });
    expect(all.data?.vacancy.proposals).toEqual(expected);
    const one = await offers.query(lille, PROPOSALS, { id: vacancyId, first: 1 });
    expect(one.data?.vacancy.proposals).toEqual(expected.slice(0, 1));
  });

  it('answers the vacancy of another contingent as an absent one to a reservation holder, while its holder reads it', async () => {
    const vacancyId = await lilleVacancyWithProposals();
    expect(await offers.query(roubaix, PROPOSALS, { id: vacancyId })).toEqual({ status: 200, data: { vacancy: null } });
    expect(await offers.query(roubaix, PROPOSALS, { id: UNKNOWN })).toEqual({ status: 200, data: { vacancy: null } });
    const allowed = await offers.query(lille, PROPOSALS, { id: vacancyId });
    expect(allowed.data?.vacancy.proposals.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['an association', siao],
    ['an analyst', analyst],
  ])('is empty (not an error) for %s, while the holder of the contingent reads it', async (_who, viewer) => {
    const vacancyId = await lilleVacancyWithProposals();
    const denied = await offers.query(viewer, PROPOSALS, { id: vacancyId });
    expect(denied.errors).toBeUndefined();
    expect(denied.data?.vacancy.proposals).toEqual([]);
    const allowed = await offers.query(lille, PROPOSALS, { id: vacancyId });
    expect(allowed.data?.vacancy.proposals.length).toBeGreaterThanOrEqual(2);
  });
});

describe('Demand.proposals (contributed to the demands subgraph)', () => {
  const DEMANDS = `query($representations: [_Any!]!, $first: Int) { _entities(representations: $representations) {
    ... on Demand { id proposals(first: $first) { id outcome designatedOn vacancy { id status dwelling { commune } } designatedBy { name } } }
  } }`;
  const demand = (id: string) => ({ __typename: 'Demand', id });

  it('gives each demand its proposals, newest designation first, in representation order', async () => {
    const rows = await sql<{ demand_id: string }>(
      `SELECT demand_id FROM proposal GROUP BY demand_id HAVING count(*) >= 2 ORDER BY demand_id LIMIT 2`,
    );
    expect(rows.length).toBe(2);
    const demandIds = [rows[1]!.demand_id, UNKNOWN, rows[0]!.demand_id];
    const response = await offers.query(mel, DEMANDS, { representations: demandIds.map(demand) });
    const expected = await Promise.all(
      demandIds.map(async (id) => ({
        id,
        proposals: ids(
          await sql(`SELECT id FROM proposal WHERE demand_id = $1 ORDER BY designated_on DESC, id DESC`, [id]),
        ),
      })),
    );
    expect(response.data?._entities.map((d: any) => ({ id: d.id, proposals: ids(d.proposals) }))).toEqual(expected);
    expect(expected[1]!.proposals).toEqual([]);
  });

  it('keeps, for each role, only the proposals it has a legal link to', async () => {
    const [row] = await sql(`SELECT p.demand_id FROM proposal p JOIN vacancy v ON v.id = p.vacancy_id
      JOIN reservation_holder h ON h.id = v.reservation_holder_id
      GROUP BY p.demand_id HAVING bool_or(h.slug = 'ville-de-lille') AND bool_or(h.slug <> 'ville-de-lille')
      ORDER BY p.demand_id LIMIT 1`);
    const demandId = row.demand_id as string;
    /** The oracle: the demand's proposals on vacancies meeting `condition`, newest first. */
    const proposalsWhere = async (condition: string, parameter: unknown) =>
      ids(
        await sql(
          `SELECT p.id FROM proposal p JOIN vacancy v ON v.id = p.vacancy_id JOIN dwelling d ON d.id = v.dwelling_id
            JOIN landlord l ON l.id = d.landlord_id JOIN reservation_holder h ON h.id = v.reservation_holder_id
            JOIN reservation_holder b ON b.id = p.designated_by_id
           WHERE p.demand_id = $1 AND ${condition} ORDER BY p.designated_on DESC, p.id DESC`,
          [demandId, parameter],
        ),
      );
    const proposalsAs = async (viewer: Viewer) =>
      ids((await offers.query(viewer, DEMANDS, { representations: [demand(demandId)] })).data?._entities[0].proposals);
    const asLille = await proposalsWhere(`b.slug = $2`, 'ville-de-lille');
    expect(await proposalsAs(lille)).toEqual(asLille);
    expect(asLille.length).toBeGreaterThan(0);
    expect(await proposalsAs(mel)).toEqual(await proposalsWhere(`d.commune = ANY($2::text[])`, MEL_COMMUNES));
    expect((await proposalsAs(mel)).length).toBeGreaterThan(asLille.length);
    for (const landlord of ['vilogia', 'lille-metropole-habitat', 'partenord-habitat']) {
      expect(await proposalsAs(demoViewer(landlord))).toEqual(await proposalsWhere(`l.slug = $2`, landlord));
    }
  });

  it('is empty for partners who read no household link, and for anonymous callers', async () => {
    const [row] = await sql(`SELECT demand_id FROM proposal ORDER BY id LIMIT 1`);
    for (const viewer of [siao, analyst, demoViewer('dpo-mel'), ANONYMOUS]) {
      const denied = await offers.query(viewer, DEMANDS, { representations: [demand(row.demand_id)] });
      expect(denied.errors).toBeUndefined();
      expect(denied.data?._entities[0].proposals).toEqual([]);
    }
    const allowed = await offers.query(demoViewer('prefecture-nord'), DEMANDS, {
      representations: [demand(row.demand_id)],
    });
    expect(allowed.data?._entities[0].proposals.length).toBeGreaterThan(0);
  });

  it('costs the same few SQL statements for 10 and for 200 demands (no N+1)', async () => {
    const withProposals = (
      await sql<{ demand_id: string }>(`SELECT DISTINCT demand_id FROM proposal ORDER BY demand_id`)
    ).map((row) => row.demand_id);
    const others = generateDemoTerritory(TEST_REFERENCE_DATE, SEEDED_DEMANDS).demands.map((d) => d.id);
    const demandIds = [...new Set([...withProposals, ...others])].slice(0, 200);
    expect(demandIds.length).toBe(200);
    const run = (count: number) =>
      statements.measure(async () => {
        const response = await offers.query(mel, DEMANDS, { representations: demandIds.slice(0, count).map(demand) });
        expect(response.errors).toBeUndefined();
        expect(response.data?._entities).toHaveLength(count);
      });
    const small = await run(10);
    const large = await run(200);
    // proposals, their vacancies, those vacancies' dwellings, the designating reservation holders,
    // and the one insert logging the nominative read of the demands' proposals (whatever their number)
    expect(small).toBe(5);
    expect(large).toBe(small);
  });

  it('refuses a `first` out of 1–100 with BAD_USER_INPUT', async () => {
    const response = await offers.query(mel, DEMANDS, { representations: [demand(UNKNOWN)], first: 101 });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('first');
  });
});

describe('_entities (federation reference resolution)', () => {
  const cases: [string, string, string][] = [
    ['Landlord', 'landlord', 'id siren'],
    ['ReservationHolder', 'reservation_holder', 'id kind'],
    ['Dwelling', 'dwelling', 'id rpls_id'],
    ['Vacancy', 'vacancy', 'id status'],
    ['Proposal', 'proposal', 'id outcome'],
  ];
  const camel = (column: string) => column.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase());

  it.each(cases)(
    'resolves %s representations in order, null for unknown ones, in one statement',
    async (type, table, columns) => {
      const rows: Record<string, unknown>[] = await sql(
        `SELECT ${columns.split(' ').join(', ')} FROM ${table} ORDER BY id LIMIT 3`,
      );
      const expected = rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [camel(key), value])),
      );
      const order = [expected[2], undefined, expected[0], expected[1]];
      const representations = order.map((row) => ({ __typename: type, id: row?.id ?? UNKNOWN }));
      const selection = columns.split(' ').map(camel).join(' ');
      let response: GraphQLResponse | undefined;
      const count = await statements.measure(async () => {
        response = await offers.query(
          mel,
          `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${type} { ${selection} } } }`,
          { representations },
        );
      });
      expect(response?.errors).toBeUndefined();
      expect(response?.data?._entities).toEqual(order.map((row) => row ?? null));
      expect(count).toBe(1);
    },
  );

  it('answers null to anonymous callers for the stock, while a partner gets it', async () => {
    const [dwelling] = await sql(`SELECT id FROM dwelling ORDER BY id LIMIT 1`);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Dwelling { id } } }`;
    const representations = [{ __typename: 'Dwelling', id: dwelling.id }];
    expect((await offers.query(ANONYMOUS, query, { r: representations })).data?._entities).toEqual([null]);
    expect((await offers.query(siao, query, { r: representations })).data?._entities).toEqual([{ id: dwelling.id }]);
  });

  it('answers the same for a hidden proposal and for no proposal at all', async () => {
    const [lilleProposal] = await sql(`SELECT p.id FROM proposal p JOIN vacancy v ON v.id = p.vacancy_id
      JOIN dwelling d ON d.id = v.dwelling_id WHERE d.commune = '59350' ORDER BY p.id LIMIT 1`);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Proposal { id } } }`;
    const hidden = await offers.query(roubaix, query, { r: [{ __typename: 'Proposal', id: lilleProposal.id }] });
    const absent = await offers.query(roubaix, query, { r: [{ __typename: 'Proposal', id: UNKNOWN }] });
    expect(hidden).toEqual(absent);
    expect(hidden.data?._entities).toEqual([null]);
    const allowed = await offers.query(lille, query, { r: [{ __typename: 'Proposal', id: lilleProposal.id }] });
    expect(allowed.data?._entities).toEqual([{ id: lilleProposal.id }]);
  });
});

describe('Territory.offerIndicators', () => {
  const INDICATORS = `query($r: [_Any!]!, $asOf: LocalDate) { _entities(representations: $r) { ... on Territory {
    code offerIndicators(asOf: $asOf) {
      asOf vacanciesByStatus { status count } vacanciesOpen attributionsThisYear attributionsOutsideQpvThisYear shareOutsideQpv
    }
  } } }`;
  const territory = (code: string) => ({ __typename: 'Territory', code });
  const STATUSES = [
    'VACATED',
    'ORIENTED',
    'CANDIDATES_DESIGNATED',
    'EXAMINED_IN_CAL',
    'OFFER_NOTIFIED',
    'LEASE_SIGNED',
    'RETURNED',
  ];

  /**
   * The oracle, in SQL written independently of the subgraph's: a vacancy's status on a day is
   * the transition with the highest position dated that day or before; attributions are the
   * LEASE_SIGNED transitions of the year up to that day.
   */
  async function expectedIndicators(where: string, asOf: string) {
    const byStatus: { status: string; count: number }[] = await sql(
      `SELECT t.status, count(*)::int AS count
       FROM vacancy v JOIN dwelling d ON d.id = v.dwelling_id JOIN vacancy_transition t ON t.vacancy_id = v.id
       WHERE ${where} AND t.position = (
         SELECT max(position) FROM vacancy_transition WHERE vacancy_id = v.id AND occurred_on <= $1::date)
       GROUP BY t.status`,
      [asOf],
    );
    const [leases] = await sql(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE d.qpv IS NULL)::int AS outside
       FROM vacancy v JOIN dwelling d ON d.id = v.dwelling_id JOIN vacancy_transition t ON t.vacancy_id = v.id
       WHERE ${where} AND t.status = 'LEASE_SIGNED' AND t.occurred_on >= date_trunc('year', $1::date) AND t.occurred_on <= $1::date`,
      [asOf],
    );
    const count = (status: string) => byStatus.find((row) => row.status === status)?.count ?? 0;
    return {
      asOf,
      vacanciesByStatus: STATUSES.map((status) => ({ status, count: count(status) })),
      vacanciesOpen: STATUSES.filter((s) => s !== 'LEASE_SIGNED' && s !== 'RETURNED').reduce((n, s) => n + count(s), 0),
      attributionsThisYear: leases.total,
      attributionsOutsideQpvThisYear: leases.outside,
      shareOutsideQpv: leases.total === 0 ? null : leases.outside / leases.total,
    };
  }

  async function busiestQpv(): Promise<string> {
    const [row] = await sql(`SELECT d.qpv FROM vacancy v JOIN dwelling d ON d.id = v.dwelling_id
      WHERE d.qpv IS NOT NULL GROUP BY d.qpv ORDER BY count(*) DESC, d.qpv LIMIT 1`);
    return row.qpv;
  }

  it('counts, on the reference day, for a commune, the EPCI, the département and a QPV', async () => {
    const qpv = await busiestQpv();
    const codes: [string, string][] = [
      ['59350', `d.commune = '59350'`],
      ['200093201', `TRUE`],
      ['59', `TRUE`],
      [qpv, `d.qpv = '${qpv}'`],
    ];
    const response = await offers.query(analyst, INDICATORS, {
      r: codes.map(([code]) => territory(code)),
      asOf: TEST_REFERENCE_DATE,
    });
    expect(response.errors).toBeUndefined();
    for (const [index, [code, where]] of codes.entries()) {
      const expected = await expectedIndicators(where, TEST_REFERENCE_DATE);
      expect(response.data?._entities[index]).toEqual({ code, offerIndicators: expected });
    }
    const whole = response.data?._entities[1].offerIndicators;
    const [{ total }] = await sql(`SELECT count(*)::int AS total FROM vacancy`);
    expect(whole.vacanciesByStatus.reduce((n: number, s: any) => n + s.count, 0)).toBe(total);
    expect(whole.attributionsThisYear).toBeGreaterThan(0);
  });

  it('counts statuses as they stood on an earlier day, and that year’s attributions', async () => {
    const asOf = '2025-12-31';
    const response = await offers.query(mel, INDICATORS, { r: [territory('200093201')], asOf });
    const expected = await expectedIndicators('TRUE', asOf);
    expect(expected.attributionsThisYear).toBeGreaterThan(0);
    expect(response.data?._entities[0].offerIndicators).toEqual(expected);
    const [{ later }] = await sql(`SELECT count(*)::int AS later FROM vacancy WHERE vacated_on > $1`, [asOf]);
    const counted = expected.vacanciesByStatus.reduce((n, s) => n + s.count, 0);
    const [{ total }] = await sql(`SELECT count(*)::int AS total FROM vacancy`);
    expect(counted).toBe(total - later);
  });

  it('takes today in Paris when asOf is omitted', async () => {
    const response = await offers.query(mel, INDICATORS, { r: [territory('59512')] });
    expect(response.data?._entities[0].offerIndicators.asOf).toBe(TEST_REFERENCE_DATE);
  });

  it('costs one SQL statement for one territory and for five (batched)', async () => {
    const qpv = await busiestQpv();
    const one = await statements.measure(() =>
      offers.query(mel, INDICATORS, { r: [territory('59350')], asOf: TEST_REFERENCE_DATE }),
    );
    const five = await statements.measure(() =>
      offers.query(mel, INDICATORS, {
        r: ['59350', '59512', '200093201', '59', qpv].map(territory),
        asOf: TEST_REFERENCE_DATE,
      }),
    );
    expect(one).toBe(1);
    expect(five).toBe(one);
  });

  it('is refused to anonymous callers, while any partner reads it', async () => {
    const denied = await offers.query(ANONYMOUS, INDICATORS, { r: [territory('59350')] });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed = await offers.query(demoViewer('dpo-mel'), INDICATORS, { r: [territory('59350')] });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?._entities[0].offerIndicators.vacanciesByStatus).toHaveLength(7);
  });

  it('refuses a code that is no territory with BAD_USER_INPUT', async () => {
    const response = await offers.query(mel, INDICATORS, { r: [territory('75056')] });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('code');
  });
});

describe('input and access errors', () => {
  it.each([
    ['dwellings', `{ dwellings(first: 0) { totalCount } }`, 'first'],
    ['dwellings', `{ dwellings(first: 101) { totalCount } }`, 'first'],
    ['dwellings', `{ dwellings(after: "not-a-cursor") { totalCount } }`, 'after'],
    ['dwellings', `{ dwellings(filter: { commune: "Lille" }) { totalCount } }`, 'filter.commune'],
    ['dwellings', `{ dwellings(filter: { landlord: "vilogia" }) { totalCount } }`, 'filter.landlord'],
    [
      'vacancies',
      `{ vacancies(filter: { reservationHolder: "1' OR '1'='1" }) { totalCount } }`,
      'filter.reservationHolder',
    ],
    ['vacancies', `{ vacancies(filter: { commune: "5935" }) { totalCount } }`, 'filter.commune'],
    ['vacancies', `{ vacancies(after: "WyJ4IiwieSJd") { totalCount } }`, 'after'],
    [
      'vacancies',
      `{ vacancies(after: "${Buffer.from(JSON.stringify(['2026-13-45', UNKNOWN])).toString('base64url')}") { totalCount } }`,
      'after',
    ],
    ['vacancy', `{ vacancy(id: "42") { id } }`, 'id'],
    ['dwelling', `{ dwelling(id: "42") { id } }`, 'id'],
    ['landlords', `{ landlords(first: -1) { totalCount } }`, 'first'],
  ])('%s: refuses %s with BAD_USER_INPUT naming %s', async (_list, query, field) => {
    const response = await offers.query(mel, query);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain(`"${field}"`);
  });

  it.each([
    `{ landlords { totalCount } }`,
    `{ reservationHolders { totalCount } }`,
    `{ dwellings { totalCount } }`,
    `{ vacancies { totalCount } }`,
    `{ dwelling(id: "${UNKNOWN}") { id } }`,
    `{ vacancy(id: "${UNKNOWN}") { id } }`,
  ])('refuses %s to anonymous callers with FORBIDDEN, and answers a partner', async (query) => {
    const denied = await offers.query(ANONYMOUS, query);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(denied.errors?.[0]?.message).toMatch(/partner token/);
    const allowed = await offers.query(analyst, query);
    expect(allowed.errors).toBeUndefined();
  });
});
