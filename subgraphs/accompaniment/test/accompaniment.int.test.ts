import { StatementCounter } from '@passerelle/shared/database';
import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { officialGeography } from '@passerelle/shared/geography';
import { ANONYMOUS } from '@passerelle/shared/identity';
import {
  type GraphQLResponse,
  type SeededSubgraph,
  type SubgraphClient,
  demoViewer,
  openSeededSubgraph,
} from '@passerelle/shared/testing';
import type { DataSource } from 'typeorm';
import { createAccompanimentDataSource } from '../src/data-source';
import { seedDemoAccompaniment } from '../src/seed/demo-seed';
import { buildAccompanimentServer } from '../src/server';

/**
 * The accompaniment subgraph on real PostgreSQL (a migrated clone of the run's template),
 * seeded with the deterministic demo territory and served over HTTP. Expected values come from
 * direct SQL on the seeded tables or from hand-written tables, never from the resolvers under test.
 */
let db: DataSource;
let statements: StatementCounter;
let accompaniment: SubgraphClient;

const SEEDED = 400;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const state = demoViewer('prefecture-nord'); // STATE, département 59
const mel = demoViewer('mel'); // EPCI 200093201
const siao = demoViewer('siao-nord'); // ASSOCIATION
const soliha = demoViewer('soliha-metropole-nord'); // ASSOCIATION
const landlord = demoViewer('vilogia');

let subject: SeededSubgraph;
beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'accompaniment',
    createDataSource: createAccompanimentDataSource,
    seed: seedDemoAccompaniment,
    // Today is the seed's reference day: the indicators' default day is known.
    buildApp: (options) =>
      buildAccompanimentServer({ ...options, now: () => new Date(`${TEST_REFERENCE_DATE}T10:00:00Z`) }),
    demands: SEEDED,
  });
  ({ db, statements, client: accompaniment } = subject);
});
afterAll(() => subject?.close());

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
/** The `{ id }` objects GraphQL returns for these ids. */
const idObjects = (measureIds: string[]) => measureIds.map((id) => ({ id }));
const nodes = (response: GraphQLResponse, field: string) =>
  response.data![field].edges.map((edge: any) => edge.node) as Record<string, any>[];

describe('schemes (public catalogue)', () => {
  const SCHEMES = `query($filter: SchemeFilter) {
    schemes(filter: $filter) { id code name funder prescriberKinds typicalDurationMonths maxDurationMonths description }
  }`;

  it('lists the whole catalogue by code, without a token', async () => {
    const response = await accompaniment.query(ANONYMOUS, SCHEMES);
    expect(response.errors).toBeUndefined();
    const expected: { code: string }[] = await db.query(`SELECT code FROM scheme ORDER BY code`);
    expect(response.data?.schemes.map((scheme: any) => scheme.code)).toEqual(expected.map((row) => row.code));
    // Written by hand from DOMAIN.md §4: ten schemes; AVDL is FNAVDL-funded, 6 months typically, 12 at most.
    expect(response.data?.schemes).toHaveLength(10);
    expect(response.data?.schemes.find((scheme: any) => scheme.code === 'AVDL')).toMatchObject({
      funder: 'FNAVDL',
      typicalDurationMonths: 6,
      maxDurationMonths: 12,
      prescriberKinds: ['STATE', 'EPCI', 'LANDLORD', 'RESERVATION_HOLDER', 'ASSOCIATION'],
    });
    expect(response.data?.schemes.find((scheme: any) => scheme.code === 'UN_CHEZ_SOI_D_ABORD').maxDurationMonths).toBe(
      null,
    );
  });

  it('filters by funder and by prescriber kind', async () => {
    const fsl = await accompaniment.query(ANONYMOUS, SCHEMES, { filter: { funder: 'FSL' } });
    expect(fsl.data?.schemes.map((scheme: any) => scheme.code)).toEqual(['ASLL', 'FSL_ACCESS', 'FSL_MAINTENANCE']);
    const byLandlords = await accompaniment.query(ANONYMOUS, SCHEMES, { filter: { prescriberKind: 'LANDLORD' } });
    const expected: { code: string }[] = await db.query(
      `SELECT code FROM scheme WHERE 'LANDLORD' = ANY(prescriber_kinds) ORDER BY code`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(byLandlords.data?.schemes.map((scheme: any) => scheme.code)).toEqual(expected.map((row) => row.code));
  });

  it('reads one scheme by id; null for an unknown id; BAD_USER_INPUT for a non-UUID', async () => {
    const [row] = await db.query(`SELECT id, name FROM scheme WHERE code = 'ASLL'`);
    const ONE = `query($id: ID!) { scheme(id: $id) { id code name } }`;
    expect((await accompaniment.query(ANONYMOUS, ONE, { id: row.id })).data?.scheme).toEqual({
      id: row.id,
      code: 'ASLL',
      name: row.name,
    });
    expect(await accompaniment.query(ANONYMOUS, ONE, { id: UNKNOWN })).toEqual({ status: 200, data: { scheme: null } });
    const bad = await accompaniment.query(ANONYMOUS, ONE, { id: 'AVDL' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('id');
  });
});

describe('operators (public)', () => {
  const PAGE = `query($first: Int, $after: String, $filter: OperatorFilter) {
    operators(first: $first, after: $after, filter: $filter) {
      totalCount
      edges { cursor node { id slug name territories annualCapacity schemes { code } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  it('walks every operator by name, two at a time, without a token', async () => {
    const expected: { slug: string }[] = await db.query(`SELECT slug FROM operator ORDER BY name, id`);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const response: GraphQLResponse = await accompaniment.query(ANONYMOUS, PAGE, { first: 2, after });
      expect(response.data?.operators.totalCount).toBe(expected.length);
      seen.push(...nodes(response, 'operators').map((node) => node.slug));
      after = response.data!.operators.pageInfo.endCursor;
      if (!response.data!.operators.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(expected.map((row) => row.slug));
    expect(seen).toEqual(expect.arrayContaining(['siao-nord', 'soliha-metropole-nord']));
  });

  it('gives each operator the schemes it delivers', async () => {
    const response = await accompaniment.query(ANONYMOUS, PAGE, { first: 100 });
    const soliha = nodes(response, 'operators').find((node) => node.slug === 'soliha-metropole-nord')!;
    const [row] = await db.query(`SELECT scheme_codes FROM operator WHERE slug = 'soliha-metropole-nord'`);
    expect(soliha.schemes.map((scheme: any) => scheme.code)).toEqual([...row.scheme_codes].sort());
  });

  it('filters by scheme and by territory', async () => {
    const iml = await accompaniment.query(ANONYMOUS, PAGE, { filter: { scheme: 'IML_SUBLETTING' } });
    const expected: { slug: string }[] = await db.query(
      `SELECT slug FROM operator WHERE 'IML_SUBLETTING' = ANY(scheme_codes) ORDER BY name, id`,
    );
    expect(nodes(iml, 'operators').map((node) => node.slug)).toEqual(expected.map((row) => row.slug));
    expect(iml.data?.operators.totalCount).toBe(expected.length);

    // Every demo operator works on the MEL or the whole département: all work in Roubaix.
    const roubaix = await accompaniment.query(ANONYMOUS, PAGE, { filter: { territory: '59512' } });
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM operator`);
    expect(roubaix.data?.operators.totalCount).toBe(count);
    // A département code outside the geography is refused.
    const paris = await accompaniment.query(ANONYMOUS, PAGE, { filter: { territory: '75' } });
    expect(paris.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(paris.errors?.[0]?.message).toContain('territory');
  });

  it('reads one operator by id; null for an unknown id', async () => {
    const [row] = await db.query(`SELECT id, name FROM operator WHERE slug = 'siao-nord'`);
    const ONE = `query($id: ID!) { operator(id: $id) { id name } }`;
    expect((await accompaniment.query(ANONYMOUS, ONE, { id: row.id })).data?.operator).toEqual(row);
    expect((await accompaniment.query(ANONYMOUS, ONE, { id: UNKNOWN })).data?.operator).toBeNull();
  });
});

describe('measures(filter, first, after)', () => {
  const PAGE = `query($first: Int, $after: String, $filter: MeasureFilter) {
    measures(first: $first, after: $after, filter: $filter) {
      totalCount
      edges { cursor node { id status prescribedOn commune } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  async function sqlIds(where: string, params: unknown[] = []): Promise<string[]> {
    return ids(
      await db.query(`SELECT m.id FROM measure m WHERE ${where} ORDER BY m.prescribed_on DESC, m.id DESC`, params),
    );
  }

  async function walk(viewer = mel, filter: object = {}): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const response: GraphQLResponse = await accompaniment.query(viewer, PAGE, { first: 25, after, filter });
      expect(response.errors).toBeUndefined();
      seen.push(...nodes(response, 'measures').map((node) => node.id));
      after = response.data!.measures.pageInfo.endCursor;
      if (!response.data!.measures.pageInfo.hasNextPage) break;
    }
    return seen;
  }

  it('walks, newest prescription first, every measure of the EPCI, page by page', async () => {
    const expected = await sqlIds(`m.commune = ANY($1)`, [officialGeography.find('200093201')!.communes]);
    expect(expected.length).toBeGreaterThan(25);
    expect(await walk(mel)).toEqual(expected);
  });

  it('shows an association only the measures it operates', async () => {
    for (const [viewer, slug] of [
      [siao, 'siao-nord'],
      [soliha, 'soliha-metropole-nord'],
    ] as const) {
      const expected = await sqlIds(`m.operator_id = (SELECT id FROM operator WHERE slug = $1)`, [slug]);
      expect(expected.length).toBeGreaterThan(0);
      expect(await walk(viewer)).toEqual(expected);
    }
  });

  it.each([
    [{ scheme: 'AVDL' }, `m.scheme_code = 'AVDL'`],
    [{ status: 'CLOSED' }, `m.status = 'CLOSED'`],
    [{ commune: '59350' }, `m.commune = '59350'`],
    [{ scheme: 'ASLL', status: 'ACTIVE' }, `m.scheme_code = 'ASLL' AND m.status = 'ACTIVE'`],
  ])('filters %j, and counts the whole filtered list', async (filter, where) => {
    const expected = await sqlIds(where);
    expect(expected.length).toBeGreaterThan(0);
    const response = await accompaniment.query(state, PAGE, { first: 100, filter });
    expect(nodes(response, 'measures').map((node) => node.id)).toEqual(expected.slice(0, 100));
    expect(response.data?.measures.totalCount).toBe(expected.length);
  });

  it('filters by operator', async () => {
    const [operator] = await db.query(`SELECT id FROM operator WHERE slug = 'soliha-metropole-nord'`);
    const expected = await sqlIds(`m.operator_id = $1`, [operator.id]);
    expect(await walk(state, { operator: operator.id })).toEqual(expected);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ after: Buffer.from('["2026-02-30","00000000-0000-4000-8000-000000000000"]').toString('base64url') }, 'after'],
    [{ filter: { commune: 'Lille' } }, 'commune'],
    [{ filter: { operator: 'soliha' } }, 'operator'],
  ])('refuses %j with BAD_USER_INPUT naming %s', async (variables, field) => {
    const response = await accompaniment.query(mel, PAGE, variables);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain(field);
  });

  it.each(['vilogia', 'ville-de-lille', 'action-logement', 'observatoire-mel', 'dpo-mel'])(
    'is refused to %s, while the EPCI reads it',
    async (slug) => {
      const denied = await accompaniment.query(demoViewer(slug), PAGE, { first: 1 });
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(denied.data).toBeNull();
      const allowed = await accompaniment.query(mel, PAGE, { first: 1 });
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data?.measures.edges).toHaveLength(1);
    },
  );

  it('is refused to anonymous callers with a message saying how to authenticate', async () => {
    const response = await accompaniment.query(ANONYMOUS, PAGE, { first: 1 });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(response.errors?.[0]?.message).toMatch(/partner token/);
  });
});

describe('measure(id)', () => {
  const ONE = `query($id: ID!) {
    measure(id: $id) {
      id status prescribedBy prescribedOn startedOn plannedEndOn closedOn closureMotive commune qpv
      scheme { code } operator { slug } demand { id }
    }
  }`;

  it('reads every field of a measure, as stored', async () => {
    const [row] = await db.query(
      `SELECT m.id, m.prescribed_by, m.prescribed_on::text, m.started_on::text, m.planned_end_on::text,
         m.closed_on::text, m.closure_motive, m.commune, m.qpv, m.scheme_code, m.demand_id, o.slug
       FROM measure m JOIN operator o ON o.id = m.operator_id
       WHERE m.status = 'CLOSED' AND m.started_on IS NOT NULL AND m.demand_id IS NOT NULL ORDER BY m.id LIMIT 1`,
    );
    const response = await accompaniment.query(state, ONE, { id: row.id });
    expect(response.data?.measure).toEqual({
      id: row.id,
      status: 'CLOSED',
      prescribedBy: row.prescribed_by,
      prescribedOn: row.prescribed_on,
      startedOn: row.started_on,
      plannedEndOn: row.planned_end_on,
      closedOn: row.closed_on,
      closureMotive: row.closure_motive,
      commune: row.commune,
      qpv: row.qpv,
      scheme: { code: row.scheme_code },
      operator: { slug: row.slug },
      demand: { id: row.demand_id },
    });
  });

  it('answers the same for a measure another association operates and for no measure at all', async () => {
    const [theirs] = await db.query(
      `SELECT m.id FROM measure m JOIN operator o ON o.id = m.operator_id WHERE o.slug = 'soliha-metropole-nord' LIMIT 1`,
    );
    const hidden = await accompaniment.query(siao, ONE, { id: theirs.id });
    const absent = await accompaniment.query(siao, ONE, { id: UNKNOWN });
    expect(hidden).toEqual(absent);
    expect(hidden).toEqual({ status: 200, data: { measure: null } });
    const allowed = await accompaniment.query(soliha, ONE, { id: theirs.id });
    expect(allowed.data?.measure.id).toBe(theirs.id);
  });

  it('refuses a landlord (FORBIDDEN) and an id that is not a UUID (BAD_USER_INPUT)', async () => {
    const [any] = await db.query(`SELECT id FROM measure LIMIT 1`);
    expect((await accompaniment.query(landlord, ONE, { id: any.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await accompaniment.query(state, ONE, { id: any.id })).data?.measure.id).toBe(any.id);
    expect((await accompaniment.query(state, ONE, { id: "1' OR '1'='1" })).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('Demand.measures (contributed)', () => {
  const MEASURES = `query($representations: [_Any!]!, $first: Int) {
    _entities(representations: $representations) { ... on Demand { id measures(first: $first) { id } } }
  }`;
  const demands = (demandIds: string[]) => demandIds.map((id) => ({ __typename: 'Demand', id }));

  async function measuresOf(demandId: string, where = 'TRUE', params: unknown[] = []): Promise<string[]> {
    return ids(
      await db.query(
        `SELECT m.id FROM measure m WHERE m.demand_id = $1 AND ${where} ORDER BY m.prescribed_on DESC, m.id DESC`,
        [demandId, ...params],
      ),
    );
  }

  it('gives each demand its measures, newest prescription first, in representation order', async () => {
    const withMeasures: string[] = (
      await db.query(`SELECT DISTINCT demand_id FROM measure WHERE demand_id IS NOT NULL ORDER BY demand_id LIMIT 3`)
    ).map((row: { demand_id: string }) => row.demand_id);
    const order = [withMeasures[2]!, UNKNOWN, withMeasures[0]!, withMeasures[1]!];
    const response = await accompaniment.query(state, MEASURES, { representations: demands(order) });
    expect(response.errors).toBeUndefined();
    const expected = await Promise.all(order.map(async (id) => ({ id, measures: idObjects(await measuresOf(id)) })));
    expect(response.data?._entities).toEqual(expected);
  });

  it('keeps the newest `first` of a demand with several measures', async () => {
    // The seed gives one measure per demand: add an older one to a demand, inside a transaction rolled back.
    const [row] = await db.query(
      `SELECT id, scheme_code, operator_id, prescribed_on::text, commune, territory_codes, demand_id, household_id, funding_source
       FROM measure WHERE demand_id IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const older = '11111111-1111-4111-8111-111111111111';
    await db.query(
      `INSERT INTO measure (id, scheme_code, operator_id, status, prescribed_by, prescribed_on, commune, territory_codes, demand_id, household_id, funding_source)
       VALUES ($1, $2, $3, 'PRESCRIBED', 'mel', $4::date - 400, $5, $6, $7, $8, $9)`,
      [
        older,
        row.scheme_code,
        row.operator_id,
        row.prescribed_on,
        row.commune,
        row.territory_codes,
        row.demand_id,
        row.household_id,
        row.funding_source,
      ],
    );
    try {
      const all = await accompaniment.query(state, MEASURES, { representations: demands([row.demand_id]) });
      expect(all.data?._entities[0].measures).toEqual([{ id: row.id }, { id: older }]);
      const one = await accompaniment.query(state, MEASURES, { representations: demands([row.demand_id]), first: 1 });
      expect(one.data?._entities[0].measures).toEqual([{ id: row.id }]);
    } finally {
      await db.query(`DELETE FROM measure WHERE id = $1`, [older]);
    }
  });

  it('shows an association only the measures it operates, and a landlord none', async () => {
    const all: string[] = (await db.query(`SELECT DISTINCT demand_id FROM measure WHERE demand_id IS NOT NULL`)).map(
      (row: { demand_id: string }) => row.demand_id,
    );
    const asSiao = await accompaniment.query(siao, MEASURES, { representations: demands(all) });
    const expected = await Promise.all(
      all.map(async (id) => ({
        id,
        measures: idObjects(await measuresOf(id, `m.operator_id = (SELECT id FROM operator WHERE slug = 'siao-nord')`)),
      })),
    );
    expect(expected.some((entry) => entry.measures.length > 0)).toBe(true);
    expect(expected.some((entry) => entry.measures.length === 0)).toBe(true);
    expect(asSiao.data?._entities).toEqual(expected);

    const asLandlord = await accompaniment.query(landlord, MEASURES, { representations: demands(all) });
    expect(asLandlord.errors).toBeUndefined();
    expect(asLandlord.data?._entities.every((entry: any) => entry.measures.length === 0)).toBe(true);
    const asEpci = await accompaniment.query(mel, MEASURES, { representations: demands(all) });
    expect(asEpci.data?._entities.every((entry: any) => entry.measures.length >= 1)).toBe(true);
  });

  it('refuses `first` out of 1–100 with BAD_USER_INPUT', async () => {
    const response = await accompaniment.query(state, MEASURES, { representations: demands([UNKNOWN]), first: 101 });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('costs the same, one SQL statement and the audit insert, for 10 and for 200 demands (no N+1)', async () => {
    const demandIds: string[] = (
      await db.query(`SELECT demand_id FROM measure WHERE demand_id IS NOT NULL ORDER BY demand_id`)
    ).map((row: { demand_id: string }) => row.demand_id);
    // Pad with demands that have no measure: the territory's demands are not in this database.
    const many = [
      ...demandIds,
      ...Array.from({ length: 200 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`),
    ];
    const count = async (n: number) =>
      statements.measure(async () => {
        const response = await accompaniment.query(state, MEASURES, { representations: demands(many.slice(0, n)) });
        expect(response.data?._entities).toHaveLength(n);
      });
    const small = await count(10);
    const large = await count(200);
    // One statement for the measures of every demand, and one insert into the log of nominative
    // reads (Demand.measures is nominative: the reads of all demands of the request in one row set).
    expect(small).toBe(2);
    expect(large).toBe(small);
  });
});

describe('_entities (federation reference resolution)', () => {
  const ENTITIES = `query($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Scheme { id code }
      ... on Operator { id slug }
      ... on Measure { id status }
    }
  }`;

  it.each([
    ['Scheme', `SELECT id, code FROM scheme ORDER BY code LIMIT 3`],
    ['Operator', `SELECT id, slug FROM operator ORDER BY slug LIMIT 3`],
    ['Measure', `SELECT id, status FROM measure ORDER BY id LIMIT 3`],
  ])('resolves %s representations in order, null for unknown ones, in one statement', async (typename, sql) => {
    const rows: Record<string, string>[] = await db.query(sql);
    const representations = [rows[2], { id: UNKNOWN }, rows[0], { id: 'not-a-uuid' }, rows[1]].map((row) => ({
      __typename: typename,
      id: row!.id,
    }));
    let response: any;
    const count = await statements.measure(async () => {
      response = await accompaniment.query(state, ENTITIES, { representations });
    });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities).toEqual([rows[2], null, rows[0], null, rows[1]]);
    expect(count).toBe(1);
  });

  it('resolves a Measure only for a viewer who may read it (null otherwise, no error)', async () => {
    const [theirs] = await db.query(
      `SELECT m.id, m.status FROM measure m JOIN operator o ON o.id = m.operator_id WHERE o.slug = 'soliha-metropole-nord' LIMIT 1`,
    );
    const representations = [{ __typename: 'Measure', id: theirs.id }];
    for (const viewer of [siao, landlord, ANONYMOUS]) {
      const hidden = await accompaniment.query(viewer, ENTITIES, { representations });
      expect(hidden.errors).toBeUndefined();
      expect(hidden.data?._entities).toEqual([null]);
    }
    expect((await accompaniment.query(soliha, ENTITIES, { representations })).data?._entities).toEqual([theirs]);
  });
});

describe('Territory.accompanimentIndicators', () => {
  const INDICATORS = `query($representations: [_Any!]!, $asOf: LocalDate) {
    _entities(representations: $representations) {
      ... on Territory {
        code
        accompanimentIndicators(asOf: $asOf) {
          asOf activeMeasures activeMeasuresByScheme { scheme count }
          startedThisYear closedThisYear averageClosedDurationMonths
        }
      }
    }
  }`;
  const territories = (codes: string[]) => codes.map((code) => ({ __typename: 'Territory', code }));

  /** The oracle, in SQL written apart from the subgraph's: `where` places the measures in the territory. */
  async function expectedIndicators(where: string, asOf: string) {
    const yearStart = `${asOf.slice(0, 4)}-01-01`;
    const active = `m.started_on <= $1::date AND (m.closed_on IS NULL OR m.closed_on > $1::date)`;
    const [totals] = await db.query(
      `SELECT
         count(*) FILTER (WHERE ${active})::int AS active,
         count(*) FILTER (WHERE m.started_on >= $2::date AND m.started_on <= $1::date)::int AS started,
         count(*) FILTER (WHERE m.closed_on >= $2::date AND m.closed_on <= $1::date)::int AS closed,
         avg(m.closed_on - m.started_on) FILTER (WHERE m.closed_on >= $2::date AND m.closed_on <= $1::date) AS days
       FROM measure m WHERE ${where}`,
      [asOf, yearStart],
    );
    const byScheme: { scheme: string; count: number }[] = await db.query(
      `SELECT m.scheme_code AS scheme, count(*)::int AS count FROM measure m
       WHERE ${where} AND ${active} GROUP BY m.scheme_code ORDER BY count(*) DESC, m.scheme_code`,
      [asOf],
    );
    return {
      asOf,
      activeMeasures: totals.active,
      activeMeasuresByScheme: byScheme,
      startedThisYear: totals.started,
      closedThisYear: totals.closed,
      averageClosedDurationMonths: totals.days === null ? null : Math.round((Number(totals.days) / 30.4375) * 10) / 10,
    };
  }

  it('counts, for the EPCI on the reference date, as many active measures as are ACTIVE or RENEWED', async () => {
    const response = await accompaniment.query(mel, INDICATORS, {
      representations: territories(['200093201']),
      asOf: TEST_REFERENCE_DATE,
    });
    expect(response.errors).toBeUndefined();
    const [{ running }] = await db.query(
      `SELECT count(*)::int AS running FROM measure WHERE status IN ('ACTIVE', 'RENEWED')`,
    );
    const indicators = response.data?._entities[0].accompanimentIndicators;
    expect(indicators.activeMeasures).toBe(running);
    expect(indicators).toEqual(await expectedIndicators('TRUE', TEST_REFERENCE_DATE));
    expect(indicators.startedThisYear).toBeGreaterThan(0);
    expect(indicators.closedThisYear).toBeGreaterThan(0);
  });

  it.each([
    ['a commune', '59350', `m.commune = '59350'`, TEST_REFERENCE_DATE],
    ['the département', '59', `TRUE`, TEST_REFERENCE_DATE],
    ['a commune, at the end of last year', '59512', `m.commune = '59512'`, '2025-12-31'],
  ])('computes %s (%s) as SQL does', async (_, code, where, asOf) => {
    const response = await accompaniment.query(landlord, INDICATORS, { representations: territories([code]), asOf });
    expect(response.data?._entities[0]).toEqual({
      code,
      accompanimentIndicators: await expectedIndicators(where, asOf),
    });
  });

  it('counts a measure closing on asOf as closed, no longer active, and one starting on asOf as active', async () => {
    const [closing] = await db.query(
      `SELECT commune, closed_on::text AS day FROM measure WHERE started_on < closed_on ORDER BY closed_on DESC, id LIMIT 1`,
    );
    const [starting] = await db.query(
      `SELECT commune, started_on::text AS day FROM measure WHERE started_on IS NOT NULL ORDER BY started_on DESC, id LIMIT 1`,
    );
    for (const { commune, day } of [closing, starting]) {
      const response = await accompaniment.query(mel, INDICATORS, {
        representations: territories([commune]),
        asOf: day,
      });
      expect(response.data?._entities[0].accompanimentIndicators).toEqual(
        await expectedIndicators(`m.commune = '${commune}'`, day),
      );
    }
    // The oracle itself, by hand: the closing measure is among the closed, not the active.
    const [check] = await db.query(
      `SELECT count(*) FILTER (WHERE closed_on = $2::date)::int AS closed_that_day
       FROM measure WHERE commune = $1 AND started_on <= $2::date AND (closed_on IS NULL OR closed_on > $2::date)`,
      [closing.commune, closing.day],
    );
    expect(check.closed_that_day).toBe(0);
  });

  it('computes a QPV from the measures of households living in it', async () => {
    const [{ qpv }] = await db.query(
      `SELECT qpv FROM measure WHERE qpv IS NOT NULL GROUP BY qpv ORDER BY count(*) DESC, qpv LIMIT 1`,
    );
    const response = await accompaniment.query(mel, INDICATORS, {
      representations: territories([qpv]),
      asOf: TEST_REFERENCE_DATE,
    });
    const expected = await expectedIndicators(`m.qpv = '${qpv}'`, TEST_REFERENCE_DATE);
    expect(expected.activeMeasures + expected.closedThisYear).toBeGreaterThan(0);
    expect(response.data?._entities[0].accompanimentIndicators).toEqual(expected);
  });

  it('refuses an unknown territory code, and defaults asOf to today in Paris', async () => {
    const unknown = await accompaniment.query(mel, INDICATORS, { representations: territories(['75056']) });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const known = await accompaniment.query(mel, INDICATORS, { representations: territories(['200093201']) });
    expect(known.data?._entities[0].accompanimentIndicators.asOf).toBe(TEST_REFERENCE_DATE);
  });

  it('is refused to anonymous callers (null and FORBIDDEN at the field, the territory intact), and open to every partner kind', async () => {
    const representations = territories(['200093201']);
    const denied = await accompaniment.query(ANONYMOUS, INDICATORS, { representations });
    expect(denied.data?._entities).toEqual([{ code: '200093201', accompanimentIndicators: null }]);
    expect(denied.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([
      ['_entities.0.accompanimentIndicators', 'FORBIDDEN'],
    ]);
    for (const slug of ['observatoire-mel', 'dpo-mel', 'ville-de-roubaix', 'siao-nord']) {
      const allowed = await accompaniment.query(demoViewer(slug), INDICATORS, { representations });
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data?._entities[0].accompanimentIndicators.activeMeasures).toBeGreaterThan(0);
    }
  });

  it('refuses an asOf that is not a date', async () => {
    const response = await accompaniment.query(mel, INDICATORS, {
      representations: territories(['59']),
      asOf: '2026-13-01',
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('costs the same, one SQL statement, for 1 and for 5 territories (no N+1)', async () => {
    const one = await statements.measure(() =>
      accompaniment.query(mel, INDICATORS, { representations: territories(['59350']), asOf: TEST_REFERENCE_DATE }),
    );
    const five = await statements.measure(async () => {
      const response = await accompaniment.query(mel, INDICATORS, {
        representations: territories(['59350', '59512', '59599', '200093201', '59']),
        asOf: TEST_REFERENCE_DATE,
      });
      expect(response.data?._entities).toHaveLength(5);
    });
    expect(one).toBe(1);
    expect(five).toBe(one);
  });
});

describe('the measure table', () => {
  it('refuses a closed measure without a motive, and an active one without a start', async () => {
    const [row] = await db.query(`SELECT id FROM measure WHERE status = 'CLOSED' LIMIT 1`);
    await expect(db.query(`UPDATE measure SET closure_motive = NULL WHERE id = $1`, [row.id])).rejects.toThrow(
      /measure_closed_has_motive/,
    );
    await expect(
      db.query(
        `UPDATE measure SET status = 'ACTIVE', started_on = NULL, closed_on = NULL, closure_motive = NULL WHERE id = $1`,
        [row.id],
      ),
    ).rejects.toThrow(/measure_running_has_started/);
  });
});

describe('the demo seed', () => {
  it('seeds about 12 % of the demands and some households without a demand', async () => {
    const [{ withDemand, without }] = await db.query(
      `SELECT count(*) FILTER (WHERE demand_id IS NOT NULL)::int AS "withDemand",
              count(*) FILTER (WHERE demand_id IS NULL)::int AS without FROM measure`,
    );
    expect(withDemand / SEEDED).toBeGreaterThan(0.08);
    expect(withDemand / SEEDED).toBeLessThan(0.17);
    expect(without).toBe(Math.round(SEEDED / 30));
  });

  it('seeds once: a second run changes nothing', async () => {
    const before = await db.query(`SELECT count(*)::int AS count FROM measure`);
    await expect(
      seedDemoAccompaniment(db, { referenceDate: TEST_REFERENCE_DATE, demands: SEEDED }),
    ).resolves.toBeNull();
    expect(await db.query(`SELECT count(*)::int AS count FROM measure`)).toEqual(before);
  });
});
