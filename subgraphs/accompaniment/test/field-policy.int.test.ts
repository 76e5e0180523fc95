import { randomUUID } from 'node:crypto';
import { SENSITIVE_SCOPE } from '@passerelle/shared/access';
import { ANONYMOUS, isAuthenticated, type Viewer } from '@passerelle/shared/identity';
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
 * The field policy (issue 8) and the log of nominative reads, on real PostgreSQL through the
 * subgraph over HTTP, with the clock fixed on the seed's reference date. What each viewer may read
 * is written by hand from the README's policy table; expected values and logged rows are checked
 * against direct SQL. Every denial has its allowed twin.
 */
const NOW = '2026-06-30T10:00:00.000Z'; // today in Paris: 2026-06-30
const TODAY = '2026-06-30';
const MEL = '200093201';
const SENSITIVE = [SENSITIVE_SCOPE];

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

/** A demo partner's person, with a `sub` of its own so that its logged reads can be told apart. */
function person(slug: string, tag: string, scopes: string[] = []): Viewer {
  const viewer = demoViewer(slug, scopes);
  if (!isAuthenticated(viewer)) throw new Error('unreachable');
  return { ...viewer, sub: `${slug}:${tag}` };
}

/** The errors of a response as `path CODE`, sorted. */
const refusals = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => `${error.path?.join('.')} ${error.extensions?.code}`).sort();

/** What the log holds for one person's reads, as stored. */
async function logged(sub: string) {
  return db.query(
    `SELECT person, partner, partner_kind, operation_name, purpose, request_id, record_type, record_id, fields
       FROM nominative_read WHERE person = $1 ORDER BY record_type, record_id`,
    [sub],
  );
}

/** A MEL measure with a referent, a demand, a household of known composition and a diagnostic, operated by `slug`. */
async function richMeasure(slug = 'soliha-metropole-nord') {
  const [row] = await db.query(
    `SELECT m.id, m.household_id, m.demand_id, m.referent, h.label, h.adults, h.children,
            (SELECT array_agg(d.id ORDER BY d.written_on DESC, d.id DESC) FROM diagnostic d WHERE d.measure_id = m.id) AS diagnostics
       FROM measure m JOIN household h ON h.id = m.household_id JOIN operator o ON o.id = m.operator_id
      WHERE o.slug = $1 AND m.referent IS NOT NULL AND m.demand_id IS NOT NULL
        AND h.adults IS NOT NULL AND h.children IS NOT NULL AND m.territory_codes && ARRAY['${MEL}']
        AND EXISTS (SELECT 1 FROM diagnostic d WHERE d.measure_id = m.id)
      ORDER BY m.id LIMIT 1`,
    [slug],
  );
  if (!row) throw new Error('no such seeded measure');
  return row as {
    id: string;
    household_id: string;
    demand_id: string;
    referent: string;
    label: string;
    adults: number;
    children: number;
    diagnostics: string[];
  };
}

const DEMAND = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Demand {
  id isAccompanied diagnostics { id } measures { id } } } }`;

describe('Demand.isAccompanied, Demand.diagnostics, Demand.measures (nominative)', () => {
  it('refuses isAccompanied to an analyst and an auditor (null and FORBIDDEN at its path), and gives them empty lists (filtered, not errored); the State reads all three', async () => {
    const measure = await richMeasure();
    const reps = [{ __typename: 'Demand', id: measure.demand_id }];
    for (const slug of ['observatoire-mel', 'dpo-mel']) {
      const denied = await api.query(person(slug, 'matrix', SENSITIVE), DEMAND, { reps });
      expect(denied.data!._entities).toEqual([
        { id: measure.demand_id, isAccompanied: null, diagnostics: [], measures: [] },
      ]);
      expect(refusals(denied)).toEqual(['_entities.0.isAccompanied FORBIDDEN']);
    }
    const anonymous = await api.query(ANONYMOUS, DEMAND, { reps });
    expect(anonymous.data!._entities[0]).toEqual({
      id: measure.demand_id,
      isAccompanied: null,
      diagnostics: [],
      measures: [],
    });
    expect(refusals(anonymous)).toEqual(['_entities.0.isAccompanied FORBIDDEN']);

    // The allowed twin: the State on its département reads all three, as SQL has them.
    const [facts] = await db.query(
      `SELECT bool_or(m.status IN ('ACTIVE', 'RENEWED', 'SUSPENDED')) AS accompanied FROM measure m WHERE m.demand_id = $1`,
      [measure.demand_id],
    );
    const measures = await db.query(
      `SELECT id FROM measure WHERE demand_id = $1 ORDER BY prescribed_on DESC, id DESC`,
      [measure.demand_id],
    );
    const diagnostics = await db.query(
      `SELECT d.id FROM diagnostic d JOIN household h ON h.id = d.household_id WHERE h.demand_id = $1
        ORDER BY d.written_on DESC, d.id DESC`,
      [measure.demand_id],
    );
    const allowed = await api.query(person('prefecture-nord', 'matrix'), DEMAND, { reps });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!._entities).toEqual([
      { id: measure.demand_id, isAccompanied: facts.accompanied, diagnostics, measures },
    ]);
  });

  it('refuses isAccompanied to a State acting for no territory, whose lists are filtered (empty, no error)', async () => {
    const measure = await richMeasure();
    const reps = [{ __typename: 'Demand', id: measure.demand_id }];
    const nowhere = {
      ...(person('prefecture-nord', 'nowhere') as Viewer & { territories: string[] }),
      territories: [],
    };
    const denied = await api.query(nowhere, DEMAND, { reps });
    expect(denied.data!._entities).toEqual([
      { id: measure.demand_id, isAccompanied: null, diagnostics: [], measures: [] },
    ]);
    expect(refusals(denied)).toEqual(['_entities.0.isAccompanied FORBIDDEN']);
    expect(denied.errors![0]!.message).toMatch(/told to the State, the EPCI/);
    // The allowed twin: the same State on its département.
    const allowed = await api.query(person('prefecture-nord', 'nowhere'), DEMAND, { reps });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!._entities[0].measures.length).toBeGreaterThan(0);
  });

  it('filters the lists for a landlord: it learns of the diagnostics on its territory, of no measure', async () => {
    const measure = await richMeasure();
    const response = await api.query(person('vilogia', 'matrix'), DEMAND, {
      reps: [{ __typename: 'Demand', id: measure.demand_id }],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities[0].measures).toEqual([]);
    expect(response.data!._entities[0].diagnostics.map((d: { id: string }) => d.id)).toEqual(
      expect.arrayContaining(measure.diagnostics),
    );
  });
});

describe('a measure and its household (nominative)', () => {
  const MEASURE = `query($id: ID!) { measure(id: $id) {
    id status commune referent cancellationReason demand { id } diagnostics { id }
    household { id commune label adults children demandId }
  } }`;

  it('are read, as stored, by the EPCI and the operating association', async () => {
    const measure = await richMeasure();
    const expected = {
      id: measure.id,
      referent: measure.referent,
      cancellationReason: null,
      demand: { id: measure.demand_id },
      diagnostics: measure.diagnostics.map((id) => ({ id })),
      household: {
        id: measure.household_id,
        label: measure.label,
        adults: measure.adults,
        children: measure.children,
        demandId: measure.demand_id,
      },
    };
    for (const viewer of [person('mel', 'measure'), person('soliha-metropole-nord', 'measure')]) {
      const response = await api.query(viewer, MEASURE, { id: measure.id });
      expect(response.errors).toBeUndefined();
      expect(response.data!.measure).toMatchObject(expected);
    }
  });

  it('never reach an analyst, an auditor or a landlord: the record is hidden before any field (the fields are refused by the schema too: policy.test.ts)', async () => {
    const measure = await richMeasure();
    for (const slug of ['observatoire-mel', 'dpo-mel', 'vilogia']) {
      const byId = await api.query(person(slug, 'measure', SENSITIVE), MEASURE, { id: measure.id });
      expect(byId.data).toEqual({ measure: null });
      expect(refusals(byId)).toEqual(['measure FORBIDDEN']);
      const entities = await api.query(
        person(slug, 'measure', SENSITIVE),
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Measure { id household { label } } } }`,
        { reps: [{ __typename: 'Measure', id: measure.id }] },
      );
      expect(entities.errors).toBeUndefined();
      expect(entities.data!._entities).toEqual([null]);
    }
  });

  it('gives the free text of a cancelled measure to its readers, and to its prescriber in its own mutation', async () => {
    const [operator] = await db.query(`SELECT id FROM operator WHERE slug = 'soliha-metropole-nord'`);
    const prescriber = person('vilogia', 'cancel');
    const prescribed = await api.query(
      prescriber,
      `mutation($input: PrescribeMeasureInput!) { prescribeMeasure(input: $input) { id version } }`,
      {
        input: {
          scheme: 'AVDL',
          operator: operator.id,
          newHousehold: { label: 'Famille C., Roubaix', adults: 1, children: 2, commune: '59512' },
        },
      },
    );
    const { id, version } = prescribed.data!.prescribeMeasure;
    const cancelled = await api.query(
      prescriber,
      `mutation($id: ID!, $v: Int!) { cancelMeasure(id: $id, expectedVersion: $v, reason: "Relogée par ailleurs.") {
        cancellationReason household { label } } }`,
      { id, v: version },
    );
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelMeasure).toEqual({
      cancellationReason: 'Relogée par ailleurs.',
      household: { label: 'Famille C., Roubaix' },
    });
    const [row] = await db.query(`SELECT cancellation_reason FROM measure WHERE id = $1`, [id]);
    for (const viewer of [person('mel', 'cancel'), person('soliha-metropole-nord', 'cancel')]) {
      const response = await api.query(viewer, MEASURE, { id });
      expect(response.data!.measure.cancellationReason).toBe(row.cancellation_reason);
    }
  });
});

describe('a diagnostic’s content (sensitive)', () => {
  const CONTENT = `query($id: ID!) { measure(id: $id) { id diagnostics {
    id writtenOn operator { slug } authorName authorProfession conclusion recommendedScheme scores { dimension score comment }
  } } }`;
  const CONTENT_FIELDS = ['authorName', 'authorProfession', 'conclusion', 'recommendedScheme', 'scores'];

  async function storedContent(diagnosticId: string) {
    const [row] = await db.query(
      `SELECT author_name, author_profession, conclusion, recommended_scheme, budget_score, budget_comment
         FROM diagnostic WHERE id = $1`,
      [diagnosticId],
    );
    return row;
  }

  it('is refused to the authoring operator without the read:sensitive scope (null and FORBIDDEN at each path, the rest intact), read with it', async () => {
    const measure = await richMeasure();
    const denied = await api.query(person('soliha-metropole-nord', 'no-scope'), CONTENT, { id: measure.id });
    const diagnostics = denied.data!.measure.diagnostics;
    expect(diagnostics.map((d: any) => d.id)).toEqual(measure.diagnostics);
    for (const diagnostic of diagnostics) {
      expect(diagnostic.operator).toEqual({ slug: 'soliha-metropole-nord' });
      expect(diagnostic.writtenOn).toEqual(expect.any(String));
      for (const field of CONTENT_FIELDS) expect(diagnostic[field]).toBeNull();
    }
    expect(refusals(denied)).toEqual(
      diagnostics
        .flatMap((_: unknown, n: number) =>
          CONTENT_FIELDS.map((field) => `measure.diagnostics.${n}.${field} FORBIDDEN`),
        )
        .sort(),
    );
    expect(denied.errors!.every((error) => error.message.includes(SENSITIVE_SCOPE))).toBe(true);

    // The allowed twin: the same person with the scope reads the content as stored.
    const allowed = await api.query(person('soliha-metropole-nord', 'scope', SENSITIVE), CONTENT, {
      id: measure.id,
    });
    expect(allowed.errors).toBeUndefined();
    const stored = await storedContent(measure.diagnostics[0]!);
    expect(allowed.data!.measure.diagnostics[0]).toMatchObject({
      authorName: stored.author_name,
      authorProfession: stored.author_profession,
      conclusion: stored.conclusion,
      recommendedScheme: stored.recommended_scheme,
    });
    expect(allowed.data!.measure.diagnostics[0].scores[0]).toEqual({
      dimension: 'BUDGET',
      score: stored.budget_score,
      comment: stored.budget_comment,
    });
  });

  it('is refused to the State with the scope but without the household’s consent, read with it', async () => {
    const consented = (inForce: boolean) =>
      db.query(
        `SELECT m.id AS measure, d.id AS diagnostic FROM diagnostic d JOIN measure m ON m.id = d.measure_id
          WHERE m.territory_codes && ARRAY['59']
            AND (SELECT count(*) FROM diagnostic x WHERE x.measure_id = m.id) = 1
            AND ${inForce ? '' : 'NOT'} EXISTS (
              SELECT 1 FROM consent c WHERE c.household_id = d.household_id AND 'STATE' = ANY(c.scope)
                AND c.given_on <= $1 AND (c.withdrawn_on IS NULL OR c.withdrawn_on > $1))
          ORDER BY d.id LIMIT 1`,
        [TODAY],
      );
    const [without] = await consented(false);
    const [withConsent] = await consented(true);
    const state = person('prefecture-nord', 'consent', SENSITIVE);
    const denied = await api.query(state, CONTENT, { id: without.measure });
    expect(denied.data!.measure.diagnostics[0]).toMatchObject({
      id: without.diagnostic,
      conclusion: null,
      scores: null,
    });
    expect(refusals(denied)).toEqual(CONTENT_FIELDS.map((field) => `measure.diagnostics.0.${field} FORBIDDEN`).sort());
    expect(denied.errors![0]!.message).toMatch(/consent/);
    const allowed = await api.query(state, CONTENT, { id: withConsent.measure });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.measure.diagnostics[0].conclusion).toBe(
      (await storedContent(withConsent.diagnostic)).conclusion,
    );
  });
});

describe('the log of nominative reads', () => {
  it('writes one row per record read, with the fields read, the person, partner, kind and the request trace', async () => {
    const measure = await richMeasure();
    const viewer = person('mel', 'audit-rows');
    const trace = { requestId: randomUUID(), operationName: 'ReadMeasure', purpose: 'Commission de suivi' };
    // The same measure twice in one request: still one row for it, with every field read.
    const response = await api.query(
      { ...viewer, trace } as Viewer,
      `query ReadMeasure($id: ID!) {
        a: measure(id: $id) { id status commune household { id label adults children demandId } demand { id } }
        b: measure(id: $id) { referent diagnostics { id writtenOn } }
      }`,
      { id: measure.id },
    );
    expect(response.errors).toBeUndefined();
    const common = {
      person: 'mel:audit-rows',
      partner: 'mel',
      partner_kind: 'EPCI',
      operation_name: 'ReadMeasure',
      purpose: 'Commission de suivi',
      request_id: trace.requestId,
    };
    expect(await logged('mel:audit-rows')).toEqual([
      {
        ...common,
        record_type: 'AccompaniedHousehold',
        record_id: measure.household_id,
        fields: [
          'AccompaniedHousehold.adults',
          'AccompaniedHousehold.children',
          'AccompaniedHousehold.demandId',
          'AccompaniedHousehold.label',
        ],
      },
      {
        ...common,
        record_type: 'Measure',
        record_id: measure.id,
        fields: ['Measure.demand', 'Measure.diagnostics', 'Measure.household', 'Measure.referent'],
      },
    ]);
  });

  it('logs a sensitive read against the diagnostic, and a demand’s facts against the demand', async () => {
    const measure = await richMeasure();
    await api.query(
      person('soliha-metropole-nord', 'audit-sensitive', SENSITIVE),
      `query($id: ID!) { measure(id: $id) { diagnostics { id conclusion scores { score } } } }`,
      { id: measure.id },
    );
    const rows = await logged('soliha-metropole-nord:audit-sensitive');
    const asText = (row: unknown[]) => JSON.stringify(row);
    expect(
      rows.map((row: any) => asText([row.record_type, row.record_id, row.fields, row.partner_kind])).sort(),
    ).toEqual(
      [
        ...measure.diagnostics.map((id) => [
          'Diagnostic',
          id,
          ['Diagnostic.conclusion', 'Diagnostic.scores'],
          'ASSOCIATION',
        ]),
        ['Measure', measure.id, ['Measure.diagnostics'], 'ASSOCIATION'],
      ]
        .map(asText)
        .sort(),
    );

    await api.query(person('vilogia', 'audit-demand'), DEMAND, {
      reps: [{ __typename: 'Demand', id: measure.demand_id }],
    });
    // The landlord learnt that the household is accompanied and of its diagnostics; its list of
    // measures was empty (filtered): nothing read, nothing logged for it.
    expect(await logged('vilogia:audit-demand')).toEqual([
      expect.objectContaining({
        partner: 'vilogia',
        partner_kind: 'LANDLORD',
        record_type: 'Demand',
        record_id: measure.demand_id,
        fields: ['Demand.diagnostics', 'Demand.isAccompanied'],
        operation_name: null,
        purpose: null,
        request_id: null,
      }),
    ]);
  });

  it('writes nothing for a read of non-nominative fields only', async () => {
    const measure = await richMeasure();
    const viewer = person('mel', 'audit-none');
    const response = await api.query(
      viewer,
      `query($id: ID!, $reps: [_Any!]!) {
        measure(id: $id) { id status commune prescribedOn scheme { code } operator { slug capacity { activeMeasures } } }
        _entities(representations: $reps) { ... on Territory { code accompanimentIndicators { activeMeasures } } }
      }`,
      { id: measure.id, reps: [{ __typename: 'Territory', code: MEL }] },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.measure.id).toBe(measure.id);
    expect(await logged('mel:audit-none')).toEqual([]);
  });

  it('writes nothing for a refused read (the class, the scope or the consent said no)', async () => {
    const measure = await richMeasure();
    const reps = [{ __typename: 'Demand', id: measure.demand_id }];
    const analyst = await api.query(person('observatoire-mel', 'audit-refused', SENSITIVE), DEMAND, { reps });
    expect(refusals(analyst)).toEqual(['_entities.0.isAccompanied FORBIDDEN']);
    expect(await logged('observatoire-mel:audit-refused')).toEqual([]);

    // The operator without the scope: its read of the diagnostics' existence is logged, the refused content is not.
    const noScope = await api.query(
      person('soliha-metropole-nord', 'audit-refused'),
      `query($id: ID!) { measure(id: $id) { diagnostics { id conclusion } } }`,
      { id: measure.id },
    );
    expect(refusals(noScope)).toHaveLength(measure.diagnostics.length);
    expect(
      (await logged('soliha-metropole-nord:audit-refused')).map((row: any) => [row.record_type, row.fields]),
    ).toEqual([['Measure', ['Measure.diagnostics']]]);
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await api.query(person('mel', 'audit-guard'), `query($id: ID!) { measure(id: $id) { referent } }`, {
      id: (await richMeasure()).id,
    });
    const [row] = await db.query(`SELECT id FROM nominative_read WHERE person = 'mel:audit-guard'`);
    expect(row).toBeDefined();
    await expect(db.query(`UPDATE nominative_read SET partner = 'x' WHERE id = $1`, [row.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM nominative_read WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE nominative_read`)).rejects.toThrow(/append-only/);
    expect(await db.query(`SELECT id FROM nominative_read WHERE person = 'mel:audit-guard'`)).toEqual([row]);
  });
});

describe('accompanimentAuditLog', () => {
  const LOG = `query($filter: NominativeReadFilterInput, $first: Int, $after: String) {
    accompanimentAuditLog(filter: $filter, first: $first, after: $after) {
      edges { node { id readAt person partner partnerKind recordType recordId fields } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  const auditor = demoViewer('dpo-mel');
  const ids = (response: GraphQLResponse) =>
    response.data!.accompanimentAuditLog.edges.map((edge: any) => edge.node.id) as string[];
  const sqlIds = async (where: string, params: unknown[]) =>
    (await db.query(`SELECT n.id::text AS id FROM nominative_read n WHERE ${where} ORDER BY n.id DESC`, params)).map(
      (row: { id: string }) => row.id,
    );
  const clock = async (): Promise<string> => (await db.query(`SELECT clock_timestamp() AS t`))[0].t.toISOString();

  it.each([
    'prefecture-nord',
    'mel',
    'lille-metropole-habitat',
    'vilogia',
    'partenord-habitat',
    'action-logement',
    'ville-de-lille',
    'ville-de-roubaix',
    'siao-nord',
    'soliha-metropole-nord',
    'observatoire-mel',
  ])('is FORBIDDEN to %s; the auditor reads it', async (slug) => {
    const denied = await api.query(demoViewer(slug, SENSITIVE), LOG, { first: 1 });
    expect(denied.data).toBeNull();
    expect(refusals(denied)).toEqual(['accompanimentAuditLog FORBIDDEN']);
    const allowed = await api.query(auditor, LOG, { first: 1 });
    expect(allowed.errors).toBeUndefined();
  });

  it('is FORBIDDEN to anonymous callers', async () => {
    expect(refusals(await api.query(ANONYMOUS, LOG, { first: 1 }))).toEqual(['accompanimentAuditLog FORBIDDEN']);
  });

  it('filters by partner, record and period, newest first, as SQL does', async () => {
    const measure = await richMeasure();
    const other = await richMeasure('siao-nord');
    const READ = `query($id: ID!) { measure(id: $id) { referent household { label } } }`;
    // The filter's instants have milliseconds: a pause keeps each request clear of the boundaries.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    const start = await clock();
    await pause();
    await api.query(person('mel', 'log-filter'), READ, { id: measure.id });
    await pause();
    const middle = await clock();
    await pause();
    await api.query(person('prefecture-nord', 'log-filter'), READ, { id: other.id });
    await api.query(person('siao-nord', 'log-filter'), READ, { id: other.id });
    await pause();
    const end = await clock();

    const byPartner = await api.query(auditor, LOG, { filter: { partner: 'siao-nord' }, first: 100 });
    expect(ids(byPartner)).toEqual(await sqlIds(`partner = $1`, ['siao-nord']));
    expect(ids(byPartner).length).toBeGreaterThan(0);
    expect(byPartner.data!.accompanimentAuditLog.edges[0].node).toMatchObject({
      person: 'siao-nord:log-filter',
      partner: 'siao-nord',
      partnerKind: 'ASSOCIATION',
    });

    const byRecord = await api.query(auditor, LOG, { filter: { recordId: other.id }, first: 100 });
    expect(ids(byRecord)).toEqual(await sqlIds(`record_id = $1`, [other.id]));
    expect(byRecord.data!.accompanimentAuditLog.edges.map((edge: any) => edge.node.person).slice(0, 2)).toEqual([
      'siao-nord:log-filter',
      'prefecture-nord:log-filter',
    ]);

    // Two periods: only the first request's rows (the EPCI's), then the two later ones.
    const first = await api.query(auditor, LOG, { filter: { from: start, to: middle }, first: 100 });
    expect(ids(first)).toEqual(await sqlIds(`read_at >= $1 AND read_at < $2`, [start, middle]));
    expect(new Set(first.data!.accompanimentAuditLog.edges.map((edge: any) => edge.node.person))).toEqual(
      new Set(['mel:log-filter']),
    );
    const later = await api.query(auditor, LOG, {
      filter: { from: middle, to: end, recordId: other.id },
      first: 100,
    });
    expect(ids(later)).toEqual(
      await sqlIds(`read_at >= $1 AND read_at < $2 AND record_id = $3`, [middle, end, other.id]),
    );
    expect(ids(later)).toHaveLength(2);

    // Pages follow each other without gap or overlap.
    const page1 = await api.query(auditor, LOG, { first: 2 });
    const page2 = await api.query(auditor, LOG, {
      first: 2,
      after: page1.data!.accompanimentAuditLog.pageInfo.endCursor,
    });
    expect([...ids(page1), ...ids(page2)]).toEqual((await sqlIds('TRUE', [])).slice(0, 4));

    // A reversed period is an input error.
    const reversed = await api.query(auditor, LOG, { filter: { from: end, to: start } });
    expect(reversed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
