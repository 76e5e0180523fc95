import type { StatementCounter } from '@passerelle/shared/database';
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
import { createAccompanimentDataSource } from '../src/data-source';
import { seedDemoAccompaniment } from '../src/seed/demo-seed';
import { buildAccompanimentServer } from '../src/server';

/**
 * `Territory.accompanimentActivity` and `Operator.activity` on real PostgreSQL, the clock fixed on
 * the seed's reference date. Expected figures come from SQL written here, apart from the subgraph's.
 */
let db: DataSource;
let statements: StatementCounter;
let api: SubgraphClient;

const NOW = `${TEST_REFERENCE_DATE}T10:00:00Z`;
const MEL = '200093201';
const landlord = demoViewer('vilogia');
const mel = demoViewer('mel');
// Hand-written: the catalogue's scheme codes, in its order.
const SCHEMES = [
  'AVDL',
  'ASLL',
  'FSL_ACCESS',
  'FSL_MAINTENANCE',
  'IML_SUBLETTING',
  'IML_MANAGEMENT_MANDATE',
  'MOUS',
  'CLLAJ',
  'UN_CHEZ_SOI_D_ABORD',
  'LOGEMENT_ACCOMPAGNE',
];

let subject: SeededSubgraph;
beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'accompaniment',
    createDataSource: createAccompanimentDataSource,
    seed: seedDemoAccompaniment,
    buildApp: (options) => buildAccompanimentServer({ ...options, now: () => new Date(NOW) }),
    demands: 400,
  });
  ({ db, statements, client: api } = subject);
});
afterAll(() => subject?.close());

const FIGURES = 'started closed activeAtEnd averageClosedDurationMonths';
const ACTIVITY = `from to byScheme { scheme ${FIGURES} } waitingList rehousingRate { rehousedAfterAccompaniment closedMeasures }`;
const TERRITORY = `query($representations: [_Any!]!, $from: LocalDate, $to: LocalDate) {
  _entities(representations: $representations) {
    ... on Territory { code accompanimentActivity(from: $from, to: $to) { ${ACTIVITY} byOperator { operator { id } ${FIGURES} } } }
  }
}`;
const OPERATOR = `query($id: ID!, $from: LocalDate, $to: LocalDate) {
  operator(id: $id) { id activity(from: $from, to: $to) { ${ACTIVITY} byOperator { started } } }
}`;
const territories = (codes: string[]) => codes.map((code) => ({ __typename: 'Territory', code }));

/** The oracle: `where` (on `m`, parameters $3…) places the measures; the period is $1..$2. */
async function expected(where: string, params: unknown[], from: string, to: string, withOperators: boolean) {
  const p = [from, to, ...params];
  const figures = `
    count(*) FILTER (WHERE m.started_on >= $1::date AND m.started_on <= $2::date)::int AS started,
    count(*) FILTER (WHERE m.closed_on >= $1::date AND m.closed_on <= $2::date)::int AS closed,
    count(*) FILTER (WHERE m.started_on IS NOT NULL AND m.started_on <= $2::date
      AND (m.closed_on IS NULL OR m.closed_on > $2::date))::int AS "activeAtEnd",
    round(avg(m.closed_on - m.started_on) FILTER (
      WHERE m.closed_on >= $1::date AND m.closed_on <= $2::date AND m.started_on IS NOT NULL) / 30.4375, 1)::float8
      AS "averageClosedDurationMonths"`;
  const byScheme: Record<string, any>[] = await db.query(
    `SELECT m.scheme_code AS scheme, ${figures} FROM measure m WHERE ${where} GROUP BY m.scheme_code`,
    p,
  );
  const schemes = new Map(byScheme.map((row) => [row.scheme, row]));
  const [{ waiting }] = await db.query(
    `SELECT count(*)::int AS waiting FROM measure m WHERE ${where} AND $1::date IS NOT NULL AND m.prescribed_on <= $2::date
       AND coalesce(m.started_on, m.cancelled_on, m.closed_on, 'infinity'::date) > $2::date`,
    p,
  );
  const [rehousing] = await db.query(
    `SELECT count(*) FILTER (WHERE m.closure_motive = 'REHOUSED')::int AS "rehousedAfterAccompaniment",
            count(*)::int AS "closedMeasures"
     FROM measure m WHERE ${where} AND m.closed_on >= $1::date AND m.closed_on <= $2::date`,
    p,
  );
  const result: Record<string, unknown> = {
    from,
    to,
    byScheme: SCHEMES.map((scheme) => {
      const row = schemes.get(scheme);
      return row ? { ...row } : { scheme, started: 0, closed: 0, activeAtEnd: 0, averageClosedDurationMonths: null };
    }),
    waitingList: waiting,
    rehousingRate: rehousing,
  };
  if (withOperators) {
    const byOperator: Record<string, any>[] = await db.query(
      `SELECT o.id, ${figures} FROM measure m JOIN operator o ON o.id = m.operator_id
       WHERE ${where} GROUP BY o.id, o.name ORDER BY o.name COLLATE "C", o.id`,
      p,
    );
    result.byOperator = byOperator
      .filter((row) => row.started + row.closed + row.activeAtEnd > 0)
      .map(({ id, ...rest }) => ({ operator: { id }, ...rest }));
  }
  return result;
}

describe('Territory.accompanimentActivity', () => {
  it.each([
    ['the EPCI, this year (defaults)', MEL, `m.territory_codes @> ARRAY['${MEL}']`, undefined, undefined],
    ['the EPCI, over 2025', MEL, `m.territory_codes @> ARRAY['${MEL}']`, '2025-01-01', '2025-12-31'],
    ['a commune, over 18 months', '59350', `m.commune = '59350'`, '2025-01-01', TEST_REFERENCE_DATE],
  ])('gives for %s every figure as SQL counts it', async (_, code, where, from, to) => {
    const response = await api.query(landlord, TERRITORY, { representations: territories([code]), from, to });
    expect(response.errors).toBeUndefined();
    const activity = response.data!._entities[0].accompanimentActivity;
    const period = { from: from ?? `${TEST_REFERENCE_DATE.slice(0, 4)}-01-01`, to: to ?? TEST_REFERENCE_DATE };
    expect(activity).toEqual(await expected(where, [], period.from, period.to, true));
    // The oracle is not trivially zero.
    const total = (key: string) => activity.byScheme.reduce((sum: number, row: any) => sum + row[key], 0);
    expect(total('started')).toBeGreaterThan(0);
    expect(total('activeAtEnd')).toBeGreaterThan(0);
    expect(activity.rehousingRate.closedMeasures).toBe(total('closed'));
  });

  it('counts the EPCI with rehousings, a waiting list and several operators', async () => {
    const response = await api.query(mel, TERRITORY, {
      representations: territories([MEL]),
      from: '2024-01-01',
      to: TEST_REFERENCE_DATE,
    });
    const activity = response.data!._entities[0].accompanimentActivity;
    expect(activity.rehousingRate.rehousedAfterAccompaniment).toBeGreaterThan(0);
    expect(activity.waitingList).toBeGreaterThan(0);
    expect(activity.byOperator.length).toBeGreaterThan(1);
    expect(activity.byScheme.some((row: any) => row.averageClosedDurationMonths !== null)).toBe(true);
  });

  it('refuses anonymous callers (null and FORBIDDEN at the field, the territory intact); a partner reads the same query', async () => {
    const variables = { representations: territories([MEL]) };
    const denied = await api.query(ANONYMOUS, TERRITORY, variables);
    expect(denied.data!._entities).toEqual([{ code: MEL, accompanimentActivity: null }]);
    expect(denied.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([
      ['_entities.0.accompanimentActivity', 'FORBIDDEN'],
    ]);
    const allowed = await api.query(landlord, TERRITORY, variables);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!._entities[0].accompanimentActivity.byScheme).toHaveLength(SCHEMES.length);
  });

  it('refuses a period whose start is after its end (BAD_USER_INPUT on from)', async () => {
    const response = await api.query(mel, TERRITORY, {
      representations: territories([MEL]),
      from: '2026-03-01',
      to: '2026-02-28',
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const oneDay = await api.query(mel, TERRITORY, {
      representations: territories([MEL]),
      from: '2026-03-01',
      to: '2026-03-01',
    });
    expect(oneDay.errors).toBeUndefined();
  });

  it('costs a bounded number of SQL statements, the same bound for 1 and for 3 territories', async () => {
    let three: GraphQLResponse | undefined;
    const one = await statements.measure(() => api.query(mel, TERRITORY, { representations: territories([MEL]) }));
    const many = await statements.measure(async () => {
      three = await api.query(mel, TERRITORY, { representations: territories([MEL, '59350', '59']) });
    });
    expect(three!.errors).toBeUndefined();
    expect(three!.data!._entities.map((entity: { code: string }) => entity.code)).toEqual([MEL, '59350', '59']);
    // The figures of every territory (one statement), then the operators named by `byOperator` (one):
    // an N+1 would cost at least one per territory.
    for (const cost of [one, many]) expect(cost).toBe(2);
  });
});

describe('Operator.activity', () => {
  it('gives an operator every figure as SQL counts it, without byOperator', async () => {
    const [{ id }] = await db.query(
      `SELECT operator_id AS id FROM measure GROUP BY operator_id ORDER BY count(*) DESC, operator_id LIMIT 1`,
    );
    const from = '2025-01-01';
    const response = await api.query(landlord, OPERATOR, { id, from, to: TEST_REFERENCE_DATE });
    expect(response.errors).toBeUndefined();
    expect(response.data!.operator.activity).toEqual({
      ...(await expected(`m.operator_id = $3`, [id], from, TEST_REFERENCE_DATE, false)),
      byOperator: null,
    });
  });

  it('refuses anonymous callers (null and FORBIDDEN at the field, the operator intact) and a reversed period (BAD_USER_INPUT); a partner reads it', async () => {
    const [{ id }] = await db.query(`SELECT id FROM operator ORDER BY id LIMIT 1`);
    const denied = await api.query(ANONYMOUS, OPERATOR, { id });
    expect(denied.data!.operator).toEqual({ id, activity: null });
    expect(denied.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([
      ['operator.activity', 'FORBIDDEN'],
    ]);
    const reversed = await api.query(landlord, OPERATOR, { id, from: TEST_REFERENCE_DATE, to: '2026-01-01' });
    expect(reversed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const allowed = await api.query(landlord, OPERATOR, { id });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.operator.activity).toMatchObject({ from: '2026-01-01', to: TEST_REFERENCE_DATE });
  });
});
