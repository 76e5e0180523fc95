import { SENSITIVE_SCOPE } from '@passerelle/shared/access';
import type { Viewer } from '@passerelle/shared/identity';
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
 * Social diagnostics and consent on real PostgreSQL, through the subgraph over HTTP, with the clock
 * fixed on the seed's reference date. Expected values come from direct SQL; every refusal is checked
 * to change nothing and has an allowed twin.
 */
const NOW = '2026-06-30T10:00:00.000Z'; // today in Paris: 2026-06-30
const TODAY = '2026-06-30';
const ABSENT = '00000000-0000-4000-8000-000000000000';

let subject: SeededSubgraph;
let db: DataSource;
let api: SubgraphClient;

beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'accompaniment',
    createDataSource: createAccompanimentDataSource,
    seed: seedDemoAccompaniment,
    buildApp: (options) => buildAccompanimentServer({ ...options, now: () => new Date(NOW) }),
    demands: 400,
  });
  ({ db, client: api } = subject);
});
afterAll(() => subject?.close());

// Each with the `read:sensitive` scope, so that what these tests see is the consent rule; the scope
// itself is tested in field-policy.int.test.ts.
const SENSITIVE = [SENSITIVE_SCOPE];
const prefecture = demoViewer('prefecture-nord', SENSITIVE); // STATE, 59: reads measures on its territories
const vilogia = demoViewer('vilogia', SENSITIVE); // LANDLORD, the MEL
const analyst = demoViewer('observatoire-mel', SENSITIVE);
const siao = demoViewer('siao-nord', SENSITIVE);
const soliha = demoViewer('soliha-metropole-nord', SENSITIVE);
const viewerOf = (slug: string) => (slug === 'siao-nord' ? siao : soliha);
const otherOf = (slug: string) => (slug === 'siao-nord' ? soliha : siao);

const DIAGNOSTIC_FIELDS = `id writtenOn operator { slug } authorName authorProfession conclusion recommendedScheme
  scores { dimension score comment }`;
const RECORD = `mutation($input: RecordDiagnosticInput!) { recordDiagnostic(input: $input) { ${DIAGNOSTIC_FIELDS} } }`;
const CONSENT = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id household givenOn scope withdrawnOn } }`;
const WITHDRAW = `mutation($id: ID!, $on: LocalDate) { withdrawConsent(id: $id, withdrawnOn: $on) { id givenOn scope withdrawnOn } }`;
const MEASURE_DIAGNOSTICS = `query($id: ID!) { measure(id: $id) { id diagnostics { ${DIAGNOSTIC_FIELDS} } } }`;
const DEMAND = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Demand {
  id isAccompanied diagnostics { id writtenOn operator { slug } conclusion } } } }`;

const GRID = ['BUDGET', 'HEALTH', 'EMPLOYMENT', 'HOUSING_SKILLS', 'SOCIAL_TIES', 'ADMINISTRATIVE_SITUATION'].map(
  (dimension, n) => ({ dimension, score: (n % 4) + 1, comment: n === 0 ? 'Dettes de loyer' : null }),
);
const diagnosticInput = (measure: string, extra: Record<string, unknown> = {}) => ({
  measure,
  authorName: 'E. Durand',
  authorProfession: 'CESF',
  writtenOn: TODAY,
  scores: GRID,
  conclusion: 'Accompagnement vers le logement recommandé.',
  recommendedScheme: 'AVDL',
  ...extra,
});

/** A seeded measure with `statuses`, operated by one of the demo associations, whose household has no consent yet. */
async function seededMeasure(statuses: string[], withDemand = true, skip = 0) {
  const [row] = await db.query(
    `SELECT m.id, m.household_id, m.demand_id, m.diagnostic_on::text, o.slug FROM measure m
     JOIN operator o ON o.id = m.operator_id
     WHERE m.status = ANY($1) AND o.slug IN ('siao-nord', 'soliha-metropole-nord')
       AND (m.demand_id IS NOT NULL) = $2
       AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.household_id = m.household_id)
       AND m.territory_codes && ARRAY['200093201']
     ORDER BY m.id OFFSET $3 LIMIT 1`,
    [statuses, withDemand, skip],
  );
  if (!row) throw new Error(`no seeded measure in ${statuses.join(', ')}`);
  return row as { id: string; household_id: string; demand_id: string; diagnostic_on: string; slug: string };
}

async function counts() {
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM diagnostic)::int AS diagnostics, (SELECT count(*) FROM consent)::int AS consents,
            (SELECT coalesce(jsonb_agg(to_jsonb(c) ORDER BY c.id), '[]') FROM consent c) AS consent_rows`,
  );
  return row;
}

async function expectRefused(
  viewer: Viewer,
  mutation: string,
  variables: Record<string, unknown>,
  code: string,
  field?: string,
): Promise<GraphQLResponse> {
  const before = await counts();
  const response = await api.query(viewer, mutation, variables);
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  if (field) expect(response.errors?.[0]?.extensions?.field).toBe(field);
  expect(response.data?.[Object.keys(response.data ?? {})[0] ?? ''] ?? null).toBeNull();
  expect(await counts()).toEqual(before);
  return response;
}

async function ok(viewer: Viewer, query: string, variables: Record<string, unknown>) {
  const response = await api.query(viewer, query, variables);
  expect(response.errors).toBeUndefined();
  return Object.values(response.data!)[0] as any;
}

describe('the seed', () => {
  it('wrote one diagnostic per seeded measure past the diagnostic step, and consents for some, a few withdrawn', async () => {
    const [row] = await db.query(`
      SELECT (SELECT count(*) FROM measure WHERE diagnostic_on IS NOT NULL AND status NOT IN ('PRESCRIBED', 'CANCELLED'))::int AS expected,
             (SELECT count(*) FROM diagnostic)::int AS diagnostics,
             (SELECT count(*) FROM consent)::int AS consents,
             (SELECT count(*) FROM consent WHERE withdrawn_on IS NOT NULL)::int AS withdrawn`);
    expect(row.diagnostics).toBe(row.expected);
    expect(row.consents).toBeGreaterThan(0);
    expect(row.withdrawn).toBeGreaterThan(0);
    expect(row.withdrawn).toBeLessThan(row.consents);
  });
});

describe('recordDiagnostic', () => {
  it('records a diagnostic by the operating association, as stored', async () => {
    const measure = await seededMeasure(['ACTIVE', 'RENEWED']);
    const before = await counts();
    const diagnostic = await ok(viewerOf(measure.slug), RECORD, { input: diagnosticInput(measure.id) });
    expect((await counts()).diagnostics).toBe(before.diagnostics + 1);
    const [stored] = await db.query(
      `SELECT measure_id, household_id, o.slug, author_name, author_profession, written_on::text, budget_score,
              budget_comment, health_score, health_comment, administrative_situation_score, conclusion, recommended_scheme, recorded_by
       FROM diagnostic d JOIN operator o ON o.id = d.operator_id WHERE d.id = $1`,
      [diagnostic.id],
    );
    expect(stored).toEqual({
      measure_id: measure.id,
      household_id: measure.household_id,
      slug: measure.slug,
      author_name: 'E. Durand',
      author_profession: 'CESF',
      written_on: TODAY,
      budget_score: 1,
      budget_comment: 'Dettes de loyer',
      health_score: 2,
      health_comment: null,
      administrative_situation_score: 2,
      conclusion: 'Accompagnement vers le logement recommandé.',
      recommended_scheme: 'AVDL',
      recorded_by: measure.slug,
    });
    expect(diagnostic.scores[0]).toEqual({ dimension: 'BUDGET', score: 1, comment: 'Dettes de loyer' });
    expect(diagnostic.operator.slug).toBe(measure.slug);
  });

  it('refuses the State reading the measure (FORBIDDEN), another association and a landlord (NOT_FOUND, as an absent measure)', async () => {
    const measure = await seededMeasure(['ACTIVE', 'RENEWED'], true, 1);
    await expectRefused(prefecture, RECORD, { input: diagnosticInput(measure.id) }, 'FORBIDDEN');
    const hidden = await expectRefused(
      otherOf(measure.slug),
      RECORD,
      { input: diagnosticInput(measure.id) },
      'NOT_FOUND',
    );
    const absent = await expectRefused(otherOf(measure.slug), RECORD, { input: diagnosticInput(ABSENT) }, 'NOT_FOUND');
    expect(hidden.errors![0]!.message.replace(measure.id, 'X')).toBe(absent.errors![0]!.message.replace(ABSENT, 'X'));
    await expectRefused(vilogia, RECORD, { input: diagnosticInput(measure.id) }, 'NOT_FOUND');
    // The allowed twin.
    await ok(viewerOf(measure.slug), RECORD, { input: diagnosticInput(measure.id) });
  });

  it('refuses a measure not yet at the diagnostic step (CONFLICT), and accepts one in DIAGNOSTIC', async () => {
    const prescribed = await seededMeasure(['PRESCRIBED']);
    await expectRefused(viewerOf(prescribed.slug), RECORD, { input: diagnosticInput(prescribed.id) }, 'CONFLICT');
    const inDiagnostic = await seededMeasure(['DIAGNOSTIC']);
    await ok(viewerOf(inDiagnostic.slug), RECORD, { input: diagnosticInput(inDiagnostic.id) });
  });

  it.each([
    ['an incomplete grid', { scores: GRID.slice(1) }, 'scores'],
    ['a score of 5', { scores: GRID.map((l, n) => (n === 2 ? { ...l, score: 5 } : l)) }, 'scores.2.score'],
    [
      'a dimension twice',
      { scores: GRID.map((l, n) => (n === 1 ? { ...l, dimension: 'BUDGET' } : l)) },
      'scores.1.dimension',
    ],
    ['a blank author', { authorName: '  ' }, 'authorName'],
    ['an empty conclusion', { conclusion: '' }, 'conclusion'],
    ['a day in the future', { writtenOn: '2026-07-01' }, 'writtenOn'],
    ['a day before the diagnostic step', { writtenOn: '2000-01-01' }, 'writtenOn'],
  ])('refuses %s with BAD_USER_INPUT on its field', async (_, change, field) => {
    const measure = await seededMeasure(['ACTIVE', 'RENEWED'], true, 2);
    await expectRefused(
      viewerOf(measure.slug),
      RECORD,
      { input: diagnosticInput(measure.id, change) },
      'BAD_USER_INPUT',
      field,
    );
  });
});

describe('consent given, then withdrawn (immediately effective)', () => {
  it('lets the State read the content only while a consent covering it is in force', async () => {
    const measure = await seededMeasure(['ACTIVE', 'RENEWED'], true, 3);
    const operator = viewerOf(measure.slug);
    const diagnostic = await ok(operator, RECORD, { input: diagnosticInput(measure.id) });
    const [expected] = await db.query(`SELECT conclusion, author_name FROM diagnostic WHERE id = $1`, [diagnostic.id]);

    // The authoring operator reads the content without any consent.
    const own = await ok(operator, MEASURE_DIAGNOSTICS, { id: measure.id });
    expect(own.diagnostics.find((d: any) => d.id === diagnostic.id).conclusion).toBe(expected.conclusion);

    // The State sees that it exists, not its content: null with FORBIDDEN at each content path.
    const denied = await api.query(prefecture, MEASURE_DIAGNOSTICS, { id: measure.id });
    const index = denied.data!.measure.diagnostics.findIndex((d: any) => d.id === diagnostic.id);
    const seen = denied.data!.measure.diagnostics[index];
    expect(seen).toMatchObject({ id: diagnostic.id, writtenOn: TODAY, operator: { slug: measure.slug } });
    expect(seen.conclusion).toBeNull();
    expect(seen.authorName).toBeNull();
    expect(seen.scores).toBeNull();
    const paths = denied.errors!.map((error) => error.path!.join('.'));
    expect(paths).toContain(`measure.diagnostics.${index}.conclusion`);
    expect(denied.errors!.every((error) => error.extensions?.code === 'FORBIDDEN')).toBe(true);

    // Consent for the State and landlords: the State now reads the content.
    const consent = await ok(operator, CONSENT, {
      input: { household: measure.household_id, scope: ['STATE', 'LANDLORD'], givenOn: '2026-06-01' },
    });
    const [storedConsent] = await db.query(
      `SELECT household_id, given_on::text, scope, withdrawn_on, recorded_by FROM consent WHERE id = $1`,
      [consent.id],
    );
    expect(storedConsent).toEqual({
      household_id: measure.household_id,
      given_on: '2026-06-01',
      scope: ['STATE', 'LANDLORD'],
      withdrawn_on: null,
      recorded_by: measure.slug,
    });
    const allowed = await api.query(prefecture, MEASURE_DIAGNOSTICS, { id: measure.id });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.measure.diagnostics[index]).toMatchObject({
      conclusion: expected.conclusion,
      authorName: expected.author_name,
    });

    // Withdrawn today: from today on, the State sees the content no more.
    const withdrawn = await ok(operator, WITHDRAW, { id: consent.id });
    expect(withdrawn.withdrawnOn).toBe(TODAY);
    const [row] = await db.query(`SELECT withdrawn_on::text, withdrawal_recorded_by FROM consent WHERE id = $1`, [
      consent.id,
    ]);
    expect(row).toEqual({ withdrawn_on: TODAY, withdrawal_recorded_by: measure.slug });
    const after = await api.query(prefecture, MEASURE_DIAGNOSTICS, { id: measure.id });
    expect(after.data!.measure.diagnostics[index].conclusion).toBeNull();
    expect(after.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // … while the operator still does.
    expect((await ok(operator, MEASURE_DIAGNOSTICS, { id: measure.id })).diagnostics[index].conclusion).toBe(
      expected.conclusion,
    );

    // Withdrawn once only.
    await expectRefused(operator, WITHDRAW, { id: consent.id }, 'CONFLICT');
  });

  it('refuses consents from others than the accompanying operator, and wrong inputs; each with its allowed twin', async () => {
    const measure = await seededMeasure(['ACTIVE', 'RENEWED'], true, 4);
    const input = { household: measure.household_id, scope: ['STATE'] };
    await expectRefused(prefecture, CONSENT, { input }, 'FORBIDDEN');
    const hidden = await expectRefused(otherOf(measure.slug), CONSENT, { input }, 'NOT_FOUND');
    const absent = await expectRefused(
      otherOf(measure.slug),
      CONSENT,
      { input: { ...input, household: ABSENT } },
      'NOT_FOUND',
    );
    expect(hidden.errors![0]!.message.replace(measure.household_id, 'X')).toBe(
      absent.errors![0]!.message.replace(ABSENT, 'X'),
    );
    await expectRefused(vilogia, CONSENT, { input }, 'NOT_FOUND');
    await expectRefused(viewerOf(measure.slug), CONSENT, { input: { ...input, scope: [] } }, 'BAD_USER_INPUT', 'scope');
    await expectRefused(
      viewerOf(measure.slug),
      CONSENT,
      { input: { ...input, scope: ['STATE', 'STATE'] } },
      'BAD_USER_INPUT',
      'scope',
    );
    await expectRefused(
      viewerOf(measure.slug),
      CONSENT,
      { input: { ...input, givenOn: '2026-07-01' } },
      'BAD_USER_INPUT',
      'givenOn',
    );
    const consent = await ok(viewerOf(measure.slug), CONSENT, { input: { ...input, givenOn: '2026-06-10' } });
    expect(consent).toMatchObject({ givenOn: '2026-06-10', scope: ['STATE'], withdrawnOn: null });

    await expectRefused(prefecture, WITHDRAW, { id: consent.id }, 'FORBIDDEN');
    await expectRefused(otherOf(measure.slug), WITHDRAW, { id: consent.id }, 'NOT_FOUND');
    await expectRefused(otherOf(measure.slug), WITHDRAW, { id: ABSENT }, 'NOT_FOUND');
    await expectRefused(
      viewerOf(measure.slug),
      WITHDRAW,
      { id: consent.id, on: '2026-06-09' },
      'BAD_USER_INPUT',
      'withdrawnOn',
    );
    await expectRefused(
      viewerOf(measure.slug),
      WITHDRAW,
      { id: consent.id, on: '2026-07-01' },
      'BAD_USER_INPUT',
      'withdrawnOn',
    );
    expect(await ok(viewerOf(measure.slug), WITHDRAW, { id: consent.id, on: '2026-06-10' })).toMatchObject({
      withdrawnOn: '2026-06-10',
    });
  });

  it('keeps consents append-only in the database', async () => {
    const [consent] = await db.query(`SELECT id FROM consent WHERE withdrawn_on IS NULL LIMIT 1`);
    await expect(db.query(`UPDATE consent SET given_on = given_on - 1 WHERE id = $1`, [consent.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM consent WHERE id = $1`, [consent.id])).rejects.toThrow(/append-only/);
    const [withdrawn] = await db.query(`SELECT id FROM consent WHERE withdrawn_on IS NOT NULL LIMIT 1`);
    await expect(
      db.query(`UPDATE consent SET withdrawn_on = NULL, withdrawal_recorded_by = NULL WHERE id = $1`, [withdrawn.id]),
    ).rejects.toThrow(/append-only/);
  });
});

describe('Demand.isAccompanied and Demand.diagnostics', () => {
  it('tells a landlord on its territory that the household is accompanied, shows that diagnostics exist, not their content', async () => {
    const expected: { demand_id: string; accompanied: boolean }[] = await db.query(`
      SELECT h.demand_id, bool_or(m.status IN ('ACTIVE', 'RENEWED', 'SUSPENDED')) AS accompanied
      FROM household h JOIN measure m ON m.household_id = h.id
      WHERE h.demand_id IS NOT NULL AND m.territory_codes && ARRAY['200093201']
      GROUP BY h.demand_id ORDER BY h.demand_id LIMIT 40`);
    expect(expected.some((row) => row.accompanied)).toBe(true);
    expect(expected.some((row) => !row.accompanied)).toBe(true);
    const reps = expected.map((row) => ({ __typename: 'Demand', id: row.demand_id }));
    const response = await api.query(vilogia, DEMAND, { reps });
    expect(response.data!._entities.map((d: any) => d.isAccompanied)).toEqual(expected.map((row) => row.accompanied));
    const diagnostics: { demand_id: string; id: string }[] = await db.query(
      `SELECT h.demand_id, d.id FROM diagnostic d JOIN household h ON h.id = d.household_id
       WHERE h.demand_id = ANY($1) ORDER BY d.written_on DESC, d.id DESC`,
      [expected.map((row) => row.demand_id)],
    );
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(response.data!._entities.flatMap((d: any) => d.diagnostics.map((x: any) => x.id)).sort()).toEqual(
      diagnostics.map((row) => row.id).sort(),
    );
    // Content: only where a consent covering landlords is in force today.
    const [readable] = await db.query(
      `SELECT count(*)::int AS n FROM diagnostic d WHERE d.id = ANY($1) AND EXISTS (
         SELECT 1 FROM consent c WHERE c.household_id = d.household_id AND 'LANDLORD' = ANY(c.scope)
           AND c.given_on <= $2 AND (c.withdrawn_on IS NULL OR c.withdrawn_on > $2))`,
      [diagnostics.map((row) => row.id), TODAY],
    );
    const shown = response.data!._entities.flatMap((d: any) => d.diagnostics).filter((x: any) => x.conclusion !== null);
    expect(shown.length).toBe(readable.n);
    expect((response.errors ?? []).length).toBe(diagnostics.length - readable.n);
    expect((response.errors ?? []).every((error) => error.extensions?.code === 'FORBIDDEN')).toBe(true);
  });

  it('refuses isAccompanied to an analyst, even with the sensitive scope (null and FORBIDDEN, the demand intact), and lists no diagnostic', async () => {
    const [row] = await db.query(
      `SELECT demand_id FROM household WHERE demand_id IS NOT NULL ORDER BY demand_id LIMIT 1`,
    );
    const reps = [{ __typename: 'Demand', id: row.demand_id }];
    const refused = await api.query(analyst, DEMAND, { reps });
    expect(refused.data!._entities).toEqual([{ id: row.demand_id, isAccompanied: null, diagnostics: [] }]);
    expect(refused.errors!.map((error) => `${error.path!.join('.')} ${error.extensions?.code}`).sort()).toEqual([
      '_entities.0.isAccompanied FORBIDDEN',
    ]);
    // The allowed twin: the landlord of the territory.
    const allowed = await api.query(vilogia, DEMAND, { reps });
    expect(allowed.data!._entities[0].isAccompanied).toEqual(expect.any(Boolean));
    expect(allowed.data!._entities[0].diagnostics).toEqual(expect.any(Array));
  });
});
