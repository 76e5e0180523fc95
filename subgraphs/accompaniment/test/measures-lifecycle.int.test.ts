import { ANONYMOUS, type Viewer } from '@passerelle/shared/identity';
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
import { MeasuresInDepth1764300000002 } from '../src/migrations/1764300000002-measures-in-depth';
import { DiagnosticsAndConsent1764300000003 } from '../src/migrations/1764300000003-diagnostics-and-consent';
import { buildAccompanimentServer } from '../src/server';

/**
 * Measures in depth on real PostgreSQL, through the accompaniment subgraph over HTTP, with the
 * subgraph's clock fixed on the seed's reference date. Expected values come from direct SQL on
 * the tables or from hand-computed dates (month arithmetic: a day missing in the target month
 * falls back to its last day); every refusal is checked to change nothing, and has an allowed twin.
 */
const NOW = '2026-06-30T10:00:00.000Z'; // 12:00 in Paris: today is 2026-06-30
const SEEDED = 400;
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
    demands: SEEDED,
  });
  ({ db, client: api } = subject);
});
afterAll(() => subject?.close());

const prefecture = demoViewer('prefecture-nord'); // STATE, 59
const mel = demoViewer('mel'); // EPCI, the MEL
const vilogia = demoViewer('vilogia'); // LANDLORD, the MEL
const lmh = demoViewer('lille-metropole-habitat'); // LANDLORD, the MEL
const siao = demoViewer('siao-nord'); // ASSOCIATION, operator
const soliha = demoViewer('soliha-metropole-nord'); // ASSOCIATION, operator

const MEASURE_FIELDS = `fragment MeasureFields on Measure {
  id status version prescribedBy prescribedOn diagnosticOn startedOn plannedEndOn closedOn closureMotive
  referent renewalCount renewedOn suspendedOn cancelledOn cancellationReason fundingSource commune qpv
  scheme { code } operator { slug } household { id label adults children commune demandId }
}`;
const PRESCRIBE = `mutation($input: PrescribeMeasureInput!) { prescribeMeasure(input: $input) { ...MeasureFields } } ${MEASURE_FIELDS}`;
const START_DIAGNOSTIC = `mutation($id: ID!, $v: Int!, $on: LocalDate) {
  startDiagnostic(id: $id, expectedVersion: $v, on: $on) { ...MeasureFields } } ${MEASURE_FIELDS}`;
const ACTIVATE = `mutation($id: ID!, $v: Int!, $referent: String!, $startedOn: LocalDate, $plannedEndOn: LocalDate) {
  activateMeasure(id: $id, expectedVersion: $v, referent: $referent, startedOn: $startedOn, plannedEndOn: $plannedEndOn) { ...MeasureFields }
} ${MEASURE_FIELDS}`;
const RENEW = `mutation($id: ID!, $v: Int!) { renewMeasure(id: $id, expectedVersion: $v) { ...MeasureFields } } ${MEASURE_FIELDS}`;
const SUSPEND = `mutation($id: ID!, $v: Int!, $on: LocalDate) {
  suspendMeasure(id: $id, expectedVersion: $v, on: $on) { ...MeasureFields } } ${MEASURE_FIELDS}`;
const RESUME = `mutation($id: ID!, $v: Int!, $on: LocalDate) {
  resumeMeasure(id: $id, expectedVersion: $v, on: $on) { ...MeasureFields } } ${MEASURE_FIELDS}`;
const CLOSE = `mutation($id: ID!, $v: Int!, $motive: MeasureClosureMotive!, $closedOn: LocalDate) {
  closeMeasure(id: $id, expectedVersion: $v, motive: $motive, closedOn: $closedOn) { ...MeasureFields }
} ${MEASURE_FIELDS}`;
const CANCEL = `mutation($id: ID!, $v: Int!, $reason: String!) {
  cancelMeasure(id: $id, expectedVersion: $v, reason: $reason) { ...MeasureFields } } ${MEASURE_FIELDS}`;

// ---------------------------------------------------------------------------------------------
// Oracles and helpers
// ---------------------------------------------------------------------------------------------

async function operatorId(slug: string): Promise<string> {
  const [row] = await db.query(`SELECT id FROM operator WHERE slug = $1`, [slug]);
  return row.id;
}

/** The measure row as stored, and the table counts: what a refusal must leave untouched. */
async function snapshot(id: string) {
  const [row] = await db.query(`SELECT to_jsonb(m) AS row FROM measure m WHERE m.id::text = $1`, [id]);
  const [counts] = await db.query(
    `SELECT (SELECT count(*) FROM measure)::int AS measures, (SELECT count(*) FROM household)::int AS households,
            (SELECT coalesce(sum(version), 0) FROM measure)::int AS versions`,
  );
  return { row: row?.row ?? null, counts };
}

async function stored(id: string): Promise<Record<string, any>> {
  const [row] = await db.query(
    `SELECT status, version, prescribed_by, prescribed_on::text, diagnostic_on::text, started_on::text,
            planned_end_on::text, closed_on::text, closure_motive, referent, renewal_count, renewed_on::text,
            suspended_on::text, suspended_from, cancelled_on::text, cancellation_reason, funding_source, household_id
     FROM measure WHERE id = $1`,
    [id],
  );
  return row;
}

/** Runs a mutation that must be refused with `code` (and `field`), and checks nothing changed. */
async function expectRefused(
  viewer: Viewer,
  mutation: string,
  variables: Record<string, unknown>,
  code: string,
  field?: string,
): Promise<GraphQLResponse> {
  const id = typeof variables.id === 'string' ? variables.id : ABSENT;
  const before = await snapshot(id);
  const response = await api.query(viewer, mutation, variables);
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  if (field) expect(response.errors?.[0]?.extensions?.field).toBe(field);
  expect(response.data?.[Object.keys(response.data ?? {})[0] ?? ''] ?? null).toBeNull();
  expect(await snapshot(id)).toEqual(before);
  return response;
}

async function ok(viewer: Viewer, mutation: string, variables: Record<string, unknown>) {
  const response = await api.query(viewer, mutation, variables);
  expect(response.errors).toBeUndefined();
  return Object.values(response.data!)[0] as Record<string, any>;
}

const newHousehold = (commune = '59512', extra: Record<string, unknown> = {}) => ({
  label: 'Famille T., Roubaix',
  adults: 2,
  children: 3,
  commune,
  ...extra,
});

// ---------------------------------------------------------------------------------------------
// Prescription
// ---------------------------------------------------------------------------------------------

describe('prescribeMeasure', () => {
  it('records a prescription by an entitled landlord, with a new household, for an operator of the commune', async () => {
    const before = await snapshot(ABSENT);
    const measure = await ok(vilogia, PRESCRIBE, {
      input: { scheme: 'AVDL', operator: await operatorId('soliha-metropole-nord'), newHousehold: newHousehold() },
    });
    expect(measure).toMatchObject({
      status: 'PRESCRIBED',
      version: 1,
      prescribedBy: 'vilogia',
      prescribedOn: '2026-06-30',
      fundingSource: 'FNAVDL',
      commune: '59512',
      scheme: { code: 'AVDL' },
      operator: { slug: 'soliha-metropole-nord' },
      household: { label: 'Famille T., Roubaix', adults: 2, children: 3, commune: '59512', demandId: null },
    });
    const row = await stored(measure.id);
    expect(row).toMatchObject({ status: 'PRESCRIBED', version: 1, prescribed_by: 'vilogia', funding_source: 'FNAVDL' });
    const [household] = await db.query(`SELECT label, adults, children, commune FROM household WHERE id = $1`, [
      row.household_id,
    ]);
    expect(household).toEqual({ label: 'Famille T., Roubaix', adults: 2, children: 3, commune: '59512' });
    expect((await snapshot(ABSENT)).counts).toMatchObject({
      measures: before.counts.measures + 1,
      households: before.counts.households + 1,
    });
  });

  it('refuses a partner kind the scheme does not list (FORBIDDEN); the State may (allowed twin)', async () => {
    const input = { scheme: 'IML_SUBLETTING', operator: await operatorId('siao-nord'), newHousehold: newHousehold() };
    await expectRefused(vilogia, PRESCRIBE, { input }, 'FORBIDDEN');
    const allowed = await ok(prefecture, PRESCRIBE, { input });
    expect(allowed).toMatchObject({ prescribedBy: 'prefecture-nord', fundingSource: 'STATE_BOP_177' });
  });

  it('refuses anonymous callers', async () => {
    const input = { scheme: 'AVDL', operator: await operatorId('siao-nord'), newHousehold: newHousehold() };
    await expectRefused(ANONYMOUS, PRESCRIBE, { input }, 'FORBIDDEN');
  });

  it('refuses an operator not delivering the scheme (BAD_USER_INPUT operator); one that does is accepted', async () => {
    const input = {
      scheme: 'AVDL',
      operator: await operatorId('aivs-metropole-lilloise'),
      newHousehold: newHousehold(),
    };
    await expectRefused(mel, PRESCRIBE, { input }, 'BAD_USER_INPUT', 'operator');
    await ok(mel, PRESCRIBE, { input: { ...input, operator: await operatorId('soliha-metropole-nord') } });
  });

  it("refuses an operator not working on the household's commune; the same operator in its commune is accepted", async () => {
    const lilleOnly = '22222222-2222-4222-8222-222222222222';
    await db.query(
      `INSERT INTO operator (id, slug, name, scheme_codes, territories, annual_capacity)
       VALUES ($1, 'test-lille-only', 'Test operator of Lille', ARRAY['AVDL'], ARRAY['59350'], 10)`,
      [lilleOnly],
    );
    const input = { scheme: 'AVDL', operator: lilleOnly, newHousehold: newHousehold('59512') };
    await expectRefused(mel, PRESCRIBE, { input }, 'BAD_USER_INPUT', 'operator');
    const allowed = await ok(mel, PRESCRIBE, { input: { ...input, newHousehold: newHousehold('59350') } });
    expect(allowed.commune).toBe('59350');
  });

  it('takes an existing household (its demand follows), and refuses both forms at once', async () => {
    const [seeded] = await db.query(
      `SELECT h.id, h.demand_id, h.commune FROM household h JOIN measure m ON m.household_id = h.id
       JOIN operator o ON o.id = m.operator_id
       WHERE h.demand_id IS NOT NULL ORDER BY h.id LIMIT 1`,
    );
    const operator = await operatorId('siao-nord');
    await expectRefused(
      prefecture,
      PRESCRIBE,
      { input: { scheme: 'AVDL', operator, household: seeded.id, newHousehold: newHousehold() } },
      'BAD_USER_INPUT',
      'household',
    );
    await expectRefused(
      prefecture,
      PRESCRIBE,
      { input: { scheme: 'AVDL', operator, household: ABSENT } },
      'BAD_USER_INPUT',
      'household',
    );
    const measure = await ok(prefecture, PRESCRIBE, { input: { scheme: 'AVDL', operator, household: seeded.id } });
    expect(measure.household).toMatchObject({ id: seeded.id, demandId: seeded.demand_id, commune: seeded.commune });
    const [row] = await db.query(`SELECT demand_id, household_id FROM measure WHERE id = $1`, [measure.id]);
    expect(row).toEqual({ demand_id: seeded.demand_id, household_id: seeded.id });
  });

  it('answers a household record the prescriber does not reach exactly as an absent one, reading nothing of it', async () => {
    // A State desk acting for Roubaix only, and a household none of whose measures lie in Roubaix.
    const roubaixDesk = { ...prefecture, partner: 'prefecture-roubaix', territories: ['59512'] } as Viewer;
    const [hidden] = await db.query(
      `SELECT h.id FROM household h WHERE NOT EXISTS (
         SELECT 1 FROM measure m WHERE m.household_id = h.id AND '59512' = ANY (m.territory_codes))
       ORDER BY h.id LIMIT 1`,
    );
    const operator = await operatorId('siao-nord');
    const before = await db.query(`SELECT count(*)::int AS n FROM measure`);
    const prescribe = (viewer: Viewer, household: string) =>
      api.query(viewer, PRESCRIBE, { input: { scheme: 'AVDL', operator, household } });
    const hiddenAnswer = await prescribe(roubaixDesk, hidden.id);
    const absentAnswer = await prescribe(roubaixDesk, ABSENT);
    expect(hiddenAnswer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'household' });
    expect(hiddenAnswer.errors?.[0]?.message.replace(hidden.id, 'X')).toBe(
      absentAnswer.errors?.[0]?.message.replace(ABSENT, 'X'),
    );
    expect(hiddenAnswer.data).toEqual(absentAnswer.data);
    expect(await db.query(`SELECT count(*)::int AS n FROM measure`)).toEqual(before);
    // The allowed twin: the same desk acting for the département reaches it.
    const allowed = await ok({ ...roubaixDesk, territories: ['59'] } as Viewer, PRESCRIBE, {
      input: { scheme: 'AVDL', operator, household: hidden.id },
    });
    expect(allowed.household.id).toBe(hidden.id);
  });

  it('refuses a prescription in the future and a household label holding a NIR', async () => {
    const operator = await operatorId('soliha-metropole-nord');
    await expectRefused(
      mel,
      PRESCRIBE,
      { input: { scheme: 'AVDL', operator, newHousehold: newHousehold(), prescribedOn: '2026-07-01' } },
      'BAD_USER_INPUT',
      'prescribedOn',
    );
    await expectRefused(
      mel,
      PRESCRIBE,
      { input: { scheme: 'AVDL', operator, newHousehold: newHousehold('59512', { label: '1 85 05 78 006 084 36' }) } },
      'BAD_USER_INPUT',
      'newHousehold.label',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The state machine
// ---------------------------------------------------------------------------------------------

/** A fresh AVDL measure operated by SOLIHA, prescribed by Vilogia on `prescribedOn`. */
async function prescribed(prescribedOn = '2026-05-04'): Promise<string> {
  const measure = await ok(vilogia, PRESCRIBE, {
    input: {
      scheme: 'AVDL',
      operator: await operatorId('soliha-metropole-nord'),
      newHousehold: newHousehold(),
      prescribedOn,
    },
  });
  return measure.id;
}

describe('the course of a measure', () => {
  it('walks PRESCRIBED → DIAGNOSTIC → ACTIVE → RENEWED → SUSPENDED → RENEWED → CLOSED, refusing what is not allowed', async () => {
    const id = await prescribed('2025-05-02');

    // Not allowed from PRESCRIBED: activate, renew, suspend, resume, close.
    await expectRefused(soliha, ACTIVATE, { id, v: 1, referent: 'C. Dupont' }, 'CONFLICT');
    await expectRefused(soliha, RENEW, { id, v: 1 }, 'CONFLICT');
    await expectRefused(soliha, SUSPEND, { id, v: 1 }, 'CONFLICT');
    await expectRefused(soliha, RESUME, { id, v: 1 }, 'CONFLICT');
    await expectRefused(soliha, CLOSE, { id, v: 1, motive: 'GOAL_REACHED' }, 'CONFLICT');
    await expectRefused(soliha, START_DIAGNOSTIC, { id, v: 1, on: '2026-07-01' }, 'BAD_USER_INPUT', 'on');
    await expectRefused(soliha, START_DIAGNOSTIC, { id, v: 1, on: '2025-05-01' }, 'BAD_USER_INPUT', 'on');

    expect(await ok(soliha, START_DIAGNOSTIC, { id, v: 1, on: '2025-05-12' })).toMatchObject({
      status: 'DIAGNOSTIC',
      version: 2,
      diagnosticOn: '2025-05-12',
    });
    await expectRefused(soliha, START_DIAGNOSTIC, { id, v: 2 }, 'CONFLICT');
    await expectRefused(soliha, RENEW, { id, v: 2 }, 'CONFLICT');

    // Stale version: CONFLICT, nothing changed; the right version is accepted below.
    await expectRefused(soliha, ACTIVATE, { id, v: 1, referent: 'C. Dupont', startedOn: '2025-05-31' }, 'CONFLICT');
    // Beyond AVDL's 12 months from the start.
    await expectRefused(
      soliha,
      ACTIVATE,
      { id, v: 2, referent: 'C. Dupont', startedOn: '2025-05-31', plannedEndOn: '2026-06-01' },
      'BAD_USER_INPUT',
      'plannedEndOn',
    );
    // Default planned end: start + 6 months (31 May + 6 months = 30 November).
    expect(await ok(soliha, ACTIVATE, { id, v: 2, referent: 'C. Dupont', startedOn: '2025-05-31' })).toMatchObject({
      status: 'ACTIVE',
      version: 3,
      startedOn: '2025-05-31',
      plannedEndOn: '2025-11-30',
      referent: 'C. Dupont',
    });
    await expectRefused(soliha, CANCEL, { id, v: 3, reason: 'too late' }, 'CONFLICT');

    // Renewal: 30 November + 6 months = 30 May 2026, within 12 months of 31 May 2025.
    expect(await ok(soliha, RENEW, { id, v: 3 })).toMatchObject({
      status: 'RENEWED',
      version: 4,
      plannedEndOn: '2026-05-30',
      renewalCount: 1,
      renewedOn: '2026-06-30',
    });
    // Again: 30 November 2026 would pass 31 May 2026 (12 months): refused, nothing changed.
    const refusal = await expectRefused(soliha, RENEW, { id, v: 4 }, 'CONFLICT');
    expect(refusal.errors?.[0]?.message).toContain('maximum of 12 months');

    expect(await ok(soliha, SUSPEND, { id, v: 4, on: '2026-06-30' })).toMatchObject({
      status: 'SUSPENDED',
      version: 5,
      suspendedOn: '2026-06-30',
    });
    expect(await stored(id)).toMatchObject({ suspended_from: 'RENEWED' });
    await expectRefused(soliha, RENEW, { id, v: 5 }, 'CONFLICT');
    await expectRefused(soliha, SUSPEND, { id, v: 5 }, 'CONFLICT');
    expect(await ok(soliha, RESUME, { id, v: 5 })).toMatchObject({ status: 'RENEWED', version: 6, suspendedOn: null });
    expect(await stored(id)).toMatchObject({ suspended_from: null, renewal_count: 1 });

    await expectRefused(
      soliha,
      CLOSE,
      { id, v: 6, motive: 'REHOUSED', closedOn: '2025-05-30' },
      'BAD_USER_INPUT',
      'closedOn',
    );
    expect(await ok(soliha, CLOSE, { id, v: 6, motive: 'REHOUSED', closedOn: '2026-06-30' })).toMatchObject({
      status: 'CLOSED',
      version: 7,
      closedOn: '2026-06-30',
      closureMotive: 'REHOUSED',
    });
    // A closed measure is final.
    for (const [mutation, variables] of [
      [START_DIAGNOSTIC, {}],
      [RENEW, {}],
      [SUSPEND, {}],
      [RESUME, {}],
      [CLOSE, { motive: 'GOAL_REACHED' }],
      [CANCEL, { reason: 'x' }],
    ] as const) {
      await expectRefused(soliha, mutation, { id, v: 7, ...variables }, 'CONFLICT');
    }
    expect(await stored(id)).toMatchObject({ status: 'CLOSED', version: 7 });
  });

  it('resumes a suspended ACTIVE measure to ACTIVE, and closes a suspended one', async () => {
    const id = await prescribed();
    await ok(soliha, START_DIAGNOSTIC, { id, v: 1 });
    await ok(soliha, ACTIVATE, { id, v: 2, referent: 'A. Martin' });
    expect(await ok(soliha, SUSPEND, { id, v: 3 })).toMatchObject({ status: 'SUSPENDED' });
    expect(await ok(soliha, RESUME, { id, v: 4 })).toMatchObject({ status: 'ACTIVE', version: 5 });
    await ok(soliha, SUSPEND, { id, v: 5 });
    expect(await ok(soliha, CLOSE, { id, v: 6, motive: 'INTERRUPTED' })).toMatchObject({
      status: 'CLOSED',
      closureMotive: 'INTERRUPTED',
    });
    expect(await stored(id)).toMatchObject({ suspended_on: null, suspended_from: null });
  });

  it('cancels from PRESCRIBED (by the prescriber) and from DIAGNOSTIC (by the operator), with a reason', async () => {
    const first = await prescribed();
    await expectRefused(vilogia, CANCEL, { id: first, v: 1, reason: '  ' }, 'BAD_USER_INPUT', 'reason');
    expect(await ok(vilogia, CANCEL, { id: first, v: 1, reason: 'The household moved to Lyon.' })).toMatchObject({
      status: 'CANCELLED',
      version: 2,
      cancelledOn: '2026-06-30',
      cancellationReason: 'The household moved to Lyon.',
    });
    const second = await prescribed();
    await ok(soliha, START_DIAGNOSTIC, { id: second, v: 1 });
    expect(await ok(soliha, CANCEL, { id: second, v: 2, reason: 'Declined at the diagnostic.' })).toMatchObject({
      status: 'CANCELLED',
    });
    await expectRefused(soliha, START_DIAGNOSTIC, { id: second, v: 3 }, 'CONFLICT');
  });
});

describe('who changes a measure', () => {
  it('lets only the operating association change its course; the State who reads it gets FORBIDDEN', async () => {
    const id = await prescribed();
    await expectRefused(prefecture, START_DIAGNOSTIC, { id, v: 1 }, 'FORBIDDEN');
    await expectRefused(mel, START_DIAGNOSTIC, { id, v: 1 }, 'FORBIDDEN');
    // The prescriber cancels but does not run the measure.
    await expectRefused(vilogia, START_DIAGNOSTIC, { id, v: 1 }, 'FORBIDDEN');
    await ok(soliha, START_DIAGNOSTIC, { id, v: 1 });
  });

  it('answers NOT_FOUND alike for a hidden measure and an absent one', async () => {
    const id = await prescribed();
    const hidden = await expectRefused(siao, START_DIAGNOSTIC, { id, v: 1 }, 'NOT_FOUND');
    const absent = await expectRefused(siao, START_DIAGNOSTIC, { id: ABSENT, v: 1 }, 'NOT_FOUND');
    expect(hidden.errors?.[0]?.message.replace(id, 'ID')).toBe(absent.errors?.[0]?.message.replace(ABSENT, 'ID'));
    // Another landlord, who neither reads nor prescribed it.
    await expectRefused(lmh, CANCEL, { id, v: 1, reason: 'no' }, 'NOT_FOUND');
    await expectRefused(ANONYMOUS, CANCEL, { id, v: 1, reason: 'no' }, 'FORBIDDEN');
    // Allowed twins: the operator and the prescriber.
    expect(await ok(soliha, START_DIAGNOSTIC, { id, v: 1 })).toMatchObject({ version: 2 });
    expect(await ok(vilogia, CANCEL, { id, v: 2, reason: 'Duplicate prescription.' })).toMatchObject({
      status: 'CANCELLED',
    });
  });

  it('refuses a malformed id with BAD_USER_INPUT', async () => {
    await expectRefused(soliha, RENEW, { id: 'not-a-uuid', v: 1 }, 'BAD_USER_INPUT', 'id');
  });
});

// ---------------------------------------------------------------------------------------------
// Capacity, waiting list, alerts — against SQL oracles with hand-computed dates
// ---------------------------------------------------------------------------------------------

describe('Operator.capacity', () => {
  const CAPACITY = `query { operators(first: 100) { edges { node { slug capacity {
    annualCapacity activeMeasures startedThisYear remainingThisYear } } } } }`;

  it('counts running measures now and starts since 1 January, for partners; null with FORBIDDEN for anonymous callers', async () => {
    const expected: any[] = await db.query(
      `SELECT o.slug, o.annual_capacity AS "annualCapacity",
         (SELECT count(*) FROM measure m WHERE m.operator_id = o.id AND m.status IN ('ACTIVE', 'RENEWED', 'SUSPENDED'))::int AS "activeMeasures",
         (SELECT count(*) FROM measure m WHERE m.operator_id = o.id AND m.started_on >= '2026-01-01' AND m.started_on <= '2026-06-30')::int AS "startedThisYear"
       FROM operator o ORDER BY o.slug`,
    );
    expect(expected.some((row) => row.activeMeasures > 0 && row.startedThisYear > 0)).toBe(true);
    const response = await api.query(vilogia, CAPACITY);
    expect(response.errors).toBeUndefined();
    const got = response
      .data!.operators.edges.map((edge: any) => ({ slug: edge.node.slug, ...edge.node.capacity }))
      .sort((a: any, b: any) => a.slug.localeCompare(b.slug));
    expect(got).toEqual(
      expected.map((row) => ({ ...row, remainingThisYear: Math.max(0, row.annualCapacity - row.startedThisYear) })),
    );
    // The denied twin: each capacity null with FORBIDDEN at its path, the operators intact.
    const anonymous = await api.query(ANONYMOUS, CAPACITY);
    const edges = anonymous.data!.operators.edges;
    expect(edges.map((edge: any) => edge.node)).toEqual(
      response.data!.operators.edges.map((edge: any) => ({ slug: edge.node.slug, capacity: null })),
    );
    expect(anonymous.errors?.map((error) => `${error.path?.join('.')} ${error.extensions?.code}`).sort()).toEqual(
      edges.map((_: unknown, n: number) => `operators.edges.${n}.node.capacity FORBIDDEN`).sort(),
    );
  });
});

describe('measureWaitingList', () => {
  const WAITING = `query($filter: WaitingListFilter, $first: Int, $after: String) {
    measureWaitingList(filter: $filter, first: $first, after: $after) {
      edges { cursor node { id status prescribedOn } } pageInfo { hasNextPage endCursor }
    }
  }`;

  async function walk(viewer: Viewer, filter: Record<string, unknown>, first: number): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 200; page++) {
      const response: GraphQLResponse = await api.query(viewer, WAITING, { filter, first, after });
      expect(response.errors).toBeUndefined();
      const connection = response.data!.measureWaitingList;
      seen.push(...connection.edges.map((edge: any) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) return seen;
      after = connection.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  it('lists the measures not started of the EPCI, oldest prescription first, page by page', async () => {
    const expected = (
      await db.query(
        `SELECT id FROM measure WHERE status IN ('PRESCRIBED', 'DIAGNOSTIC') AND '200093201' = ANY(territory_codes)
         ORDER BY prescribed_on, id`,
      )
    ).map((row: { id: string }) => row.id);
    expect(expected.length).toBeGreaterThan(7);
    expect(await walk(mel, {}, 7)).toEqual(expected);
  });

  it('filters by scheme and territory, and shows an association only what it operates', async () => {
    const expected = (
      await db.query(
        `SELECT m.id FROM measure m JOIN operator o ON o.id = m.operator_id
         WHERE m.status IN ('PRESCRIBED', 'DIAGNOSTIC') AND m.scheme_code = 'AVDL' AND '59512' = ANY(m.territory_codes)
           AND o.slug = 'soliha-metropole-nord'
         ORDER BY m.prescribed_on, m.id`,
      )
    ).map((row: { id: string }) => row.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(await walk(soliha, { scheme: 'AVDL', territory: '59512' }, 3)).toEqual(expected);
  });

  it('is refused to landlords (nominative); the EPCI reads it (allowed twin)', async () => {
    const denied = await api.query(vilogia, WAITING, { first: 1 });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed = await api.query(mel, WAITING, { first: 1 });
    expect(allowed.data?.measureWaitingList.edges).toHaveLength(1);
    const bad = await api.query(mel, WAITING, { first: 1, filter: { territory: '75056' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.territory' });
  });
});

describe('measureAlerts', () => {
  const ALERTS = `query($filter: MeasureAlertFilter, $days: Int, $first: Int, $after: String) {
    measureAlerts(filter: $filter, diagnosticWaitDays: $days, first: $first, after: $after) {
      edges { cursor node { kind dueOn measure { id status } } } pageInfo { hasNextPage endCursor }
    }
  }`;

  beforeAll(async () => {
    // Waiting for a diagnostic for 57 days (both waits) and 20 days (over 15, under 40); one ending on 15 July.
    await prescribed('2026-05-04');
    await prescribed('2026-06-10');
    const ending = await prescribed('2026-01-05');
    await ok(soliha, START_DIAGNOSTIC, { id: ending, v: 1, on: '2026-01-12' });
    await ok(soliha, ACTIVATE, {
      id: ending,
      v: 2,
      referent: 'K. Diallo',
      startedOn: '2026-01-31',
      plannedEndOn: '2026-07-15',
    });
  });

  /** The alerts by SQL, with the dates computed by hand for today = 2026-06-30. */
  async function oracle(
    where: string,
    waitDays: number,
    kinds = ['ENDING_SOON', 'OVER_12_MONTHS', 'DIAGNOSTIC_WAITING'],
  ) {
    const waitLimit = { 15: '2026-06-15', 40: '2026-05-21' }[waitDays]!;
    const rows: { kind: string; due: string; id: string }[] = await db.query(
      `SELECT kind, due::text, id FROM (
         SELECT 'ENDING_SOON' AS kind, planned_end_on AS due, id FROM measure m
         WHERE status IN ('ACTIVE', 'RENEWED', 'SUSPENDED') AND planned_end_on <= '2026-07-30' AND ${where}
         UNION ALL
         SELECT 'OVER_12_MONTHS', (started_on + interval '12 months')::date, id FROM measure m
         WHERE status IN ('ACTIVE', 'RENEWED', 'SUSPENDED') AND started_on < '2025-06-30' AND ${where}
         UNION ALL
         SELECT 'DIAGNOSTIC_WAITING', prescribed_on + ${waitDays}, id FROM measure m
         WHERE status = 'PRESCRIBED' AND prescribed_on < '${waitLimit}' AND ${where}
       ) a ORDER BY due, kind, id`,
    );
    return rows.filter((row) => kinds.includes(row.kind)).map((row) => `${row.kind} ${row.due} ${row.id}`);
  }

  async function walk(viewer: Viewer, variables: Record<string, unknown>, first: number): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 300; page++) {
      const response: GraphQLResponse = await api.query(viewer, ALERTS, { ...variables, first, after });
      expect(response.errors).toBeUndefined();
      const connection = response.data!.measureAlerts;
      seen.push(...connection.edges.map((edge: any) => `${edge.node.kind} ${edge.node.dueOn} ${edge.node.measure.id}`));
      if (!connection.pageInfo.hasNextPage) return seen;
      after = connection.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  it("walks the State's alerts, most urgent first, with the default wait of 15 days", async () => {
    const expected = await oracle(`'59' = ANY(m.territory_codes)`, 15);
    expect(expected.some((alert) => alert.startsWith('DIAGNOSTIC_WAITING 2026-06-25'))).toBe(true); // 10 June + 15 days
    for (const kind of ['ENDING_SOON', 'OVER_12_MONTHS', 'DIAGNOSTIC_WAITING']) {
      expect(expected.some((alert) => alert.startsWith(kind))).toBe(true);
    }
    expect(expected.length).toBeGreaterThan(2 * 2);
    expect(await walk(prefecture, {}, 2)).toEqual(expected);
  });

  it('filters by kind and territory and takes the wait per request', async () => {
    const expected = await oracle(`'59512' = ANY(m.territory_codes)`, 40, ['DIAGNOSTIC_WAITING', 'ENDING_SOON']);
    expect(expected.some((alert) => alert.startsWith('DIAGNOSTIC_WAITING 2026-06-13'))).toBe(true); // 4 May + 40 days
    expect(expected.some((alert) => alert.startsWith('DIAGNOSTIC_WAITING 2026-07-20'))).toBe(false); // 10 June: 20 days only
    expect(expected.some((alert) => alert.startsWith('ENDING_SOON 2026-07-15'))).toBe(true);
    const got = await walk(
      mel,
      { filter: { kinds: ['DIAGNOSTIC_WAITING', 'ENDING_SOON'], territory: '59512' }, days: 40 },
      4,
    );
    expect(got).toEqual(expected);
  });

  it("shows an association the alerts of its own measures only; landlords are refused (EPCI's twin allowed)", async () => {
    const expected = await oracle(`m.operator_id = (SELECT id FROM operator WHERE slug = 'siao-nord')`, 15);
    expect(await walk(siao, {}, 50)).toEqual(expected);
    const denied = await api.query(vilogia, ALERTS, { first: 1 });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed = await api.query(mel, ALERTS, { first: 1 });
    expect(allowed.data?.measureAlerts.edges).toHaveLength(1);
    const bad = await api.query(mel, ALERTS, { first: 1, days: 0 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'diagnosticWaitDays' });
  });
});

describe('_entities for Measure', () => {
  const ENTITIES = `query($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Measure { id version fundingSource household { id } } }
  }`;

  it('resolves a measure with its new fields for the operator, null for a landlord', async () => {
    const [row] = await db.query(
      `SELECT m.id, m.version, m.funding_source, m.household_id FROM measure m JOIN operator o ON o.id = m.operator_id
       WHERE o.slug = 'siao-nord' ORDER BY m.id LIMIT 1`,
    );
    const representations = [{ __typename: 'Measure', id: row.id }];
    const response = await api.query(siao, ENTITIES, { representations });
    expect(response.data?._entities).toEqual([
      { id: row.id, version: row.version, fundingSource: row.funding_source, household: { id: row.household_id } },
    ]);
    expect((await api.query(vilogia, ENTITIES, { representations })).data?._entities).toEqual([null]);
  });
});

describe('the demo seed', () => {
  it('links every measure to a household, at version 1, funded as its scheme', async () => {
    const [check] = await db.query(
      `SELECT count(*) FILTER (WHERE m.household_id IS NULL)::int AS "withoutHousehold",
              count(*) FILTER (WHERE m.funding_source <> s.funder)::int AS "otherFunding",
              count(*) FILTER (WHERE m.status = 'RENEWED' AND m.renewal_count < 1)::int AS "renewedUncounted",
              count(*) FILTER (WHERE m.status IN ('ACTIVE', 'RENEWED') AND m.referent IS NULL)::int AS "runningWithoutReferent"
       FROM measure m JOIN scheme s ON s.code = m.scheme_code WHERE m.created_at < '2026-06-01'`,
    );
    expect(check).toEqual({ withoutHousehold: 0, otherFunding: 0, renewedUncounted: 0, runningWithoutReferent: 0 });
    const [households] = await db.query(
      `SELECT count(DISTINCT demand_id)::int AS demands FROM household WHERE demand_id IS NOT NULL`,
    );
    const [measures] = await db.query(
      `SELECT count(DISTINCT demand_id)::int AS demands FROM measure WHERE demand_id IS NOT NULL`,
    );
    expect(households.demands).toBe(measures.demands);
  });
});

describe('migration 1764300000002 on existing measures', () => {
  it('backfills one household per distinct demand and one per measure without a demand (rolled back)', async () => {
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      const migration = new MeasuresInDepth1764300000002();
      // The later migration depends on the household table: undo it first (all rolled back below).
      await new DiagnosticsAndConsent1764300000003().down(runner);
      await migration.down(runner);
      const [before] = await runner.query(
        `SELECT count(*)::int AS measures, count(DISTINCT demand_id)::int AS demands,
                count(*) FILTER (WHERE demand_id IS NULL)::int AS "withoutDemand" FROM measure`,
      );
      await migration.up(runner);
      const [after] = await runner.query(
        `SELECT (SELECT count(*) FROM household)::int AS households,
                (SELECT count(*) FROM measure WHERE household_id IS NULL)::int AS unlinked,
                (SELECT count(*) FROM measure m JOIN household h ON h.id = m.household_id
                 WHERE m.demand_id IS DISTINCT FROM h.demand_id)::int AS mismatched,
                (SELECT count(*) FROM measure WHERE version <> 1)::int AS "notVersionOne"`,
      );
      expect(after).toEqual({
        households: before.demands + before.withoutDemand,
        unlinked: 0,
        mismatched: 0,
        notVersionOne: 0,
      });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
