import { SENSITIVE_SCOPE } from '@passerelle/shared/access';
import { createHash } from 'node:crypto';
import { ANONYMOUS, type Viewer } from '@passerelle/shared/identity';
import {
  type GraphQLResponse,
  type SeededSubgraph,
  type SubgraphClient,
  demoViewer,
  openSeededSubgraph,
} from '@passerelle/shared/testing';
import type { DataSource } from 'typeorm';
import { createDemandsDataSource } from '../src/data-source';
import { seedDemoRegister } from '../src/seed/demo-seed';
import { buildDemandsServer } from '../src/server';

/**
 * The register's lifecycle on real PostgreSQL, through the demands subgraph over HTTP, with the
 * register's clock fixed on the seed's reference date. Every expected value comes from direct SQL
 * on the tables or from the hand-computed tables below (month arithmetic: a day missing in the
 * target month falls back to its last day, e.g. 2026-05-31 + 1 month = 2026-06-30); every refusal
 * is checked to change nothing, and has an accepted twin.
 */
const NOW = '2026-06-30T10:00:00.000Z'; // 12:00 in Paris: today is 2026-06-30
const SEEDED = 200;
const ABSENT = '00000000-0000-4000-8000-000000000000';

let subject: SeededSubgraph;
let db: DataSource;
let api: SubgraphClient;

beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'demands',
    createDataSource: createDemandsDataSource,
    seed: seedDemoRegister,
    buildApp: (options) => buildDemandsServer({ ...options, now: () => new Date(NOW) }),
    demands: SEEDED,
  });
  ({ db, client: api } = subject);
});
afterAll(() => subject?.close());

// ---------------------------------------------------------------------------------------------
// Callers
// ---------------------------------------------------------------------------------------------

// The registration agents below check suspected duplicates (NIR-derived, sensitive): their tokens
// carry the read:sensitive scope. The section "sensitive data at the desk" tests one without it.
const desk = (slug: string) => demoViewer(slug, [SENSITIVE_SCOPE]);
const prefecture = desk('prefecture-nord'); // STATE, 59
const mel = desk('mel'); // EPCI, the MEL
const vilogia = desk('vilogia'); // LANDLORD, the MEL
const lmh = desk('lille-metropole-habitat'); // LANDLORD, the MEL
const actionLogement = desk('action-logement'); // RESERVATION_HOLDER, 59
const lille = desk('ville-de-lille'); // RESERVATION_HOLDER, 59350
const roubaix = desk('ville-de-roubaix'); // RESERVATION_HOLDER, 59512

// ---------------------------------------------------------------------------------------------
// The API under test
// ---------------------------------------------------------------------------------------------

const DEMAND_FIELDS = `fragment DemandFields on Demand {
  id nur version status radiationMotive kind filingDate validUntil radiatedOn reactivableUntil
  suspectedDuplicate daloOfferDeadline priorityLabels wishedCommunes
}`;
const EVENT_FIELDS = `fragment EventFields on DemandEvent {
  id type occurredAt recordedBy detail calDecision ineligibilityGround
}`;

const REGISTER = `mutation Register($content: DemandContentInput!, $filingDate: LocalDate) {
  registerDemand(content: $content, filingDate: $filingDate) { ...DemandFields }
} ${DEMAND_FIELDS}`;
const MODIFY = `mutation Modify($id: ID!, $expectedVersion: Int!, $content: DemandContentInput!) {
  modifyDemand(id: $id, expectedVersion: $expectedVersion, content: $content) { ...DemandFields }
} ${DEMAND_FIELDS}`;
const RENEW = `mutation Renew($id: ID!, $expectedVersion: Int!) {
  renewDemand(id: $id, expectedVersion: $expectedVersion) { ...DemandFields }
} ${DEMAND_FIELDS}`;
const RADIATE = `mutation Radiate($id: ID!, $expectedVersion: Int!, $motive: RadiationMotive!) {
  radiateDemand(id: $id, expectedVersion: $expectedVersion, motive: $motive) { ...DemandFields }
} ${DEMAND_FIELDS}`;
const REACTIVATE = `mutation Reactivate($id: ID!, $expectedVersion: Int!) {
  reactivateDemand(id: $id, expectedVersion: $expectedVersion) { ...DemandFields }
} ${DEMAND_FIELDS}`;
const RECOGNISE = `mutation Recognise($id: ID!, $expectedVersion: Int!, $priority: PriorityInput!) {
  recognisePriority(id: $id, expectedVersion: $expectedVersion, priority: $priority) { ...DemandFields }
} ${DEMAND_FIELDS}`;
const WITHDRAW = `mutation Withdraw($id: ID!, $expectedVersion: Int!, $label: PriorityLabel!) {
  withdrawPriority(id: $id, expectedVersion: $expectedVersion, label: $label) { ...DemandFields }
} ${DEMAND_FIELDS}`;
const RECORD = `mutation Record($input: DemandEventInput!) {
  recordDemandEvent(input: $input) { ...EventFields }
} ${EVENT_FIELDS}`;
const ONE = `query One($id: ID!) { demand(id: $id) { ...DemandFields } } ${DEMAND_FIELDS}`;

type Response = GraphQLResponse;
type Content = Record<string, any>;
type Priority = { label: string; criterion?: string; decidedOn: string };
type EventInput = { demandId: string; idempotencyKey: string; type: string; [field: string]: unknown };

const register = (viewer: Viewer, content: Content, filingDate?: string | null) =>
  api.query(viewer, REGISTER, { content, filingDate });
const modify = (viewer: Viewer, id: string, expectedVersion: number, content: Content) =>
  api.query(viewer, MODIFY, { id, expectedVersion, content });
const renew = (viewer: Viewer, id: string, expectedVersion: number) =>
  api.query(viewer, RENEW, { id, expectedVersion });
const radiate = (viewer: Viewer, id: string, expectedVersion: number, motive: string) =>
  api.query(viewer, RADIATE, { id, expectedVersion, motive });
const reactivate = (viewer: Viewer, id: string, expectedVersion: number) =>
  api.query(viewer, REACTIVATE, { id, expectedVersion });
const recognise = (viewer: Viewer, id: string, expectedVersion: number, priority: Priority) =>
  api.query(viewer, RECOGNISE, { id, expectedVersion, priority });
const withdraw = (viewer: Viewer, id: string, expectedVersion: number, label: string) =>
  api.query(viewer, WITHDRAW, { id, expectedVersion, label });
const record = (viewer: Viewer, input: EventInput) => api.query(viewer, RECORD, { input });
const readDemand = async (viewer: Viewer, id: string) => (await api.query(viewer, ONE, { id })).data?.demand;

/** The first error's code (and, when given, the field it names); no data. */
function expectError(response: Response, code: string, field?: string) {
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
  if (field !== undefined) expect(response.errors?.[0]?.extensions?.field).toBe(field);
}

function expectSuccess(response: Response) {
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
}

// ---------------------------------------------------------------------------------------------
// SQL oracles
// ---------------------------------------------------------------------------------------------

/** The demand's row as stored, as JSON (snake_case keys, dates as `YYYY-MM-DD`). */
async function sqlRow(id: string): Promise<Record<string, any>> {
  const [{ row }] = await db.query(`SELECT to_jsonb(d) AS row FROM demand d WHERE d.id = $1`, [id]);
  return row;
}

/** How many events the demand's timeline holds (of one type, when given). */
async function eventCount(id: string, type?: string): Promise<number> {
  const [{ count }] = await db.query(
    `SELECT count(*)::int AS count FROM demand_event WHERE demand_id = $1 AND ($2::text IS NULL OR type = $2)`,
    [id, type ?? null],
  );
  return count;
}

interface EventRow {
  id: string;
  type: string;
  recorded_by: string;
  detail: string | null;
  occurred_at: string;
}

async function eventsOf(id: string): Promise<EventRow[]> {
  return db.query(
    `SELECT id, type, recorded_by, detail,
            to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at
       FROM demand_event WHERE demand_id = $1 ORDER BY occurred_at, id`,
    [id],
  );
}

/** Runs `call` and returns its response with the events it added to the demand's timeline. */
async function withEvents(id: string, call: () => Promise<Response>) {
  const before = new Set((await eventsOf(id)).map((event) => event.id));
  const response = await call();
  const added = (await eventsOf(id)).filter((event) => !before.has(event.id));
  return { response, added };
}

/** Everything a refused mutation must leave as it was: the row (with its version) and the timeline. */
const snapshot = async (id: string) => ({ row: await sqlRow(id), events: await eventsOf(id) });

/** Runs a mutation that must be refused with `code`, and checks by SQL that it changed nothing. */
async function expectRefused(id: string, call: () => Promise<Response>, code: string, message?: string | RegExp) {
  const before = await snapshot(id);
  const response = await call();
  expectError(response, code);
  if (message !== undefined) expect(response.errors?.[0]?.message).toMatch(message);
  expect(await snapshot(id)).toEqual(before);
  return response;
}

/** Row counts of every table a registration writes. */
async function registerTotals() {
  const [totals] = await db.query(`SELECT
    (SELECT count(*)::int FROM demand) AS demands,
    (SELECT count(*)::int FROM demand_event) AS events,
    (SELECT count(*)::int FROM demand_nir) AS nirs,
    (SELECT coalesce(sum(last), 0)::int FROM nur_sequence) AS sequence`);
  return totals;
}

/** The largest NUR sequence number already given in the Nord for the month `yymm`. */
async function lastNurSequence(yymm: string): Promise<number> {
  const [{ last }] = await db.query(
    `SELECT coalesce(max(split_part(nur, '-', 3)::int), 0) AS last FROM demand WHERE nur LIKE $1`,
    [`059-${yymm}-%`],
  );
  return last;
}

interface Picked {
  id: string;
  version: number;
  nur: string;
  filing_date: string;
  valid_until: string;
}

const taken = new Set<string>();

/**
 * A seeded active demand meeting `condition`, not used by another test (so tests do not depend on
 * each other's changes). Deterministic: the smallest such id.
 */
async function pickDemand(condition: string): Promise<Picked> {
  const rows: Picked[] = await db.query(
    `SELECT id, version, nur, filing_date::text AS filing_date, valid_until::text AS valid_until
       FROM demand WHERE status = 'ACTIVE' AND (${condition}) ORDER BY id`,
  );
  const row = rows.find((candidate) => !taken.has(candidate.id));
  if (!row) throw new Error(`No unused seeded demand where ${condition}`);
  taken.add(row.id);
  return row;
}

/** A demand with a plain history, filed before 2026: no CAL decision, lease, letter or priority. */
const PLAIN = `filing_date < '2026-01-01' AND cardinality(priority_labels) = 0 AND answer_requested_on IS NULL
  AND NOT EXISTS (SELECT 1 FROM demand_event e WHERE e.demand_id = demand.id
                   AND e.type IN ('CAL_DECISION', 'LEASE_SIGNED', 'ANSWER_REQUESTED'))`;
const FILED_BEFORE_2026 = `filing_date < '2026-01-01'`;
const WISHES_ONLY_LILLE = `wished_communes = ARRAY['59350']`;
const WISHES_LILLE = `'59350' = ANY(wished_communes)`;

// ---------------------------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------------------------

/** A NIR with its control key: 97 − (the first 13 digits mod 97), on two digits. */
const nir = (first13: string) => first13 + String(97n - (BigInt(first13) % 97n)).padStart(2, '0');
/** The same NIR as typed on a form: "2 92 03 75 112 345 67". */
const spaced = (value: string) =>
  [
    value.slice(0, 1),
    value.slice(1, 3),
    value.slice(3, 5),
    value.slice(5, 7),
    value.slice(7, 10),
    value.slice(10, 13),
    value.slice(13),
  ].join(' ');

const APPLICANT = {
  role: 'APPLICANT',
  givenName: 'Inès',
  familyName: 'Testard',
  birthDate: '1990-04-12',
  professionalSituation: 'PERMANENT_EMPLOYEE',
  annualTaxableIncome: 18000,
  monthlyIncome: 1600,
};
const CHILD = {
  role: 'DEPENDANT',
  givenName: 'Léo',
  familyName: 'Testard',
  birthDate: '2019-09-01',
  relationship: 'fils',
};
const SPOUSE = {
  role: 'CO_APPLICANT',
  givenName: 'Karim',
  familyName: 'Testard',
  birthDate: '1988-11-30',
  relationship: 'conjoint',
  professionalSituation: 'JOB_SEEKER',
  monthlyIncome: 900,
};

/** A complete CERFA 14069 form of a single parent wishing Lille, as a desk would send it. */
function form(overrides: Content = {}): Content {
  return {
    persons: [APPLICANT, CHILD],
    familySituation: 'DIVORCED',
    contact: {
      address: '12 rue Solférino',
      postalCode: '59000',
      communeCode: '59350',
      email: 'ines.testard@example.org',
      phone: '06 12 34 56 78',
    },
    motives: ['TOO_EXPENSIVE'],
    wishedCommunes: ['59350'],
    wishedTypologies: ['T2', 'T3'],
    currentHousing: 'PRIVATE_TENANT',
    assistedBy: { name: 'Claire Vasseur', organisation: 'CCAS de Lille', email: 'ccas@example.org' },
    ...overrides,
  };
}

/** Registers a demand (today, by Lille unless told) and returns its id and version. */
async function registered(content: Content = form(), viewer: Viewer = lille): Promise<{ id: string; version: number }> {
  const response = await register(viewer, content);
  expectSuccess(response);
  const { id, version } = response.data!.registerDemand;
  return { id, version };
}

// =============================================================================================

describe('registerDemand', () => {
  it.each([
    // [filing date sent (null: today), NUR month, filing date stored, valid until]
    [null, '2606', '2026-06-30', '2027-06-30'],
    ['2026-06-01', '2606', '2026-06-01', '2027-06-01'],
    ['2026-05-30', '2605', '2026-05-30', '2027-05-30'], // one month back exactly
  ])('registers a demand filed on %s with the next NUR of month %s', async (filingDate, yymm, filedOn, validUntil) => {
    const next = (await lastNurSequence(yymm)) + 1;
    const expectedNur = `059-${yymm}-${String(next).padStart(6, '0')}`;
    const response = await register(lille, form(), filingDate);
    expectSuccess(response);
    const demand = response.data!.registerDemand;
    expect(demand.nur).toBe(expectedNur);
    expect(demand.nur).toMatch(/^059-\d{4}-\d{6}$/);

    const row = await sqlRow(demand.id);
    expect(row).toMatchObject({
      nur: expectedNur,
      version: 1,
      status: 'ACTIVE',
      registered_by: 'ville-de-lille',
      departement: '59',
      filing_date: filedOn,
      valid_until: validUntil,
    });
    const [{ last }] = await db.query(`SELECT last FROM nur_sequence WHERE departement = '59' AND year_month = $1`, [
      yymm,
    ]);
    expect(last).toBe(next);
    expect(demand).toMatchObject({ version: 1, status: 'ACTIVE', filingDate: filedOn, validUntil });
    const events = await eventsOf(demand.id);
    expect(events).toEqual([
      {
        id: expect.any(String),
        type: 'REGISTERED',
        recorded_by: 'ville-de-lille',
        detail: expectedNur,
        occurred_at: NOW,
      },
    ]);
  });

  it.each([
    [
      'a single parent, first access',
      form({ persons: [{ ...APPLICANT, nir: nir('2900462100001') }, CHILD] }),
      { adults: 1, children: 1, single_parent: true, kind: 'FIRST_ACCESS', current_landlord_siren: null },
    ],
    [
      'a couple of social tenants: a transfer',
      form({
        persons: [APPLICANT, SPOUSE],
        familySituation: 'MARRIED',
        currentHousing: 'SOCIAL_TENANT',
        currentLandlordSiren: '475680815',
        transferDifficulties: ['INSOLVENCY'],
      }),
      { adults: 2, children: 0, single_parent: false, kind: 'TRANSFER', current_landlord_siren: '475680815' },
    ],
  ])('stores %s with the household figures derived from the persons', async (_, content, expected) => {
    const response = await register(lille, content);
    expectSuccess(response);
    const row = await sqlRow(response.data!.registerDemand.id);
    expect(row).toMatchObject(expected);
    expect([...row.territory_codes].sort()).toEqual(['200093201', '59', '59350']);
    expect(row.wished_communes).toEqual(['59350']);
    // Persons as stored: every field, absent ones null, names trimmed, and never a NIR.
    const stored = (person: Content) => ({
      role: person.role,
      givenName: person.givenName,
      familyName: person.familyName,
      birthDate: person.birthDate,
      relationship: person.relationship ?? null,
      professionalSituation: person.professionalSituation ?? null,
      annualTaxableIncome: person.annualTaxableIncome ?? null,
      monthlyIncome: person.monthlyIncome ?? null,
    });
    expect(row.persons).toEqual(content.persons.map(stored));
    expect(JSON.stringify(row)).not.toContain('"nir"');
  });

  it.each([
    [
      'an invalid NIR (wrong key)',
      form({ persons: [{ ...APPLICANT, nir: '290046210000200' }, CHILD] }),
      undefined,
      'persons[0].nir',
    ],
    [
      'a NIR for a dependant',
      form({ persons: [APPLICANT, { ...CHILD, nir: nir('1190962100003') }] }),
      undefined,
      'persons[1].nir',
    ],
    ['a commune outside the geography (Paris)', form({ wishedCommunes: ['75056'] }), undefined, 'wishedCommunes'],
    ['a social tenant without SIREN', form({ currentHousing: 'SOCIAL_TENANT' }), undefined, 'currentLandlordSiren'],
    ['a SIREN without social tenancy', form({ currentLandlordSiren: '475680815' }), undefined, 'currentLandlordSiren'],
    [
      'an applicant under 16',
      form({ persons: [{ ...APPLICANT, birthDate: '2011-01-01' }] }),
      undefined,
      'persons[0].birthDate',
    ],
    ['a filing date more than one month back', form(), '2026-05-29', 'filingDate'],
    ['a filing date in the future', form(), '2026-07-01', 'filingDate'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_, content, filingDate, field) => {
    const before = await registerTotals();
    const response = await register(lille, content, filingDate);
    expectError(response, 'BAD_USER_INPUT', field);
    expect(response.data).toBeNull();
    expect(await registerTotals()).toEqual(before);
  });

  it.each([
    ['siao-nord (an association)', demoViewer('siao-nord')],
    ['observatoire-mel (an analyst)', demoViewer('observatoire-mel')],
    ['an anonymous caller', ANONYMOUS],
    ['ville-de-roubaix for a demand wishing only Lille', roubaix],
  ])('refuses %s with FORBIDDEN, writing nothing', async (_, viewer) => {
    const before = await registerTotals();
    const response = await register(viewer, form({ persons: [{ ...APPLICANT, nir: nir('2900462100011') }, CHILD] }));
    expectError(response, 'FORBIDDEN');
    expect(response.data).toBeNull();
    expect(await registerTotals()).toEqual(before);
  });

  it('gives concurrent registrations of one month distinct, consecutive NURs', async () => {
    const last = await lastNurSequence('2606');
    const responses = await Promise.all([1, 2, 3, 4].map(() => register(lille, form())));
    responses.forEach(expectSuccess);
    const nurs = responses.map((response) => response.data!.registerDemand.nur as string).sort();
    expect(nurs).toEqual([1, 2, 3, 4].map((n) => `059-2606-${String(last + n).padStart(6, '0')}`));
  });

  it('lets ville-de-roubaix register a demand wishing Roubaix', async () => {
    const before = await registerTotals();
    const response = await register(roubaix, form({ wishedCommunes: ['59512'] }));
    expectSuccess(response);
    const row = await sqlRow(response.data!.registerDemand.id);
    expect(row).toMatchObject({ registered_by: 'ville-de-roubaix', wished_communes: ['59512'] });
    const after = await registerTotals();
    expect(after).toEqual({
      ...before,
      demands: before.demands + 1,
      events: before.events + 1,
      sequence: before.sequence + 1,
    });
  });
});

// =============================================================================================

describe('de-duplication by NIR', () => {
  const SHARED = nir('2920375112345'); // born in Paris: no seeded demand has it
  const duplicateIds = async (): Promise<string[]> =>
    (
      await db.query(
        `SELECT id FROM demand WHERE suspected_duplicate AND territory_codes && ARRAY['200093201']
          ORDER BY filing_date DESC, id DESC`,
      )
    ).map((row: { id: string }) => row.id);
  const DUPLICATES = `query { demands(first: 100, filter: { suspectedDuplicate: true }) { edges { node { id } } } }`;

  it('flags two demands whose applicant gives the same NIR, however typed, and unflags on radiation', async () => {
    const first = await registered(form({ persons: [{ ...APPLICANT, nir: SHARED }, CHILD] }), lille);
    expect((await sqlRow(first.id)).suspected_duplicate).toBe(false);

    const secondResponse = await register(
      roubaix,
      form({ wishedCommunes: ['59512'], persons: [{ ...APPLICANT, nir: spaced(SHARED) }, CHILD] }),
    );
    expectSuccess(secondResponse);
    const second = secondResponse.data!.registerDemand;
    expect(secondResponse.data!.registerDemand.suspectedDuplicate).toBe(true);
    expect((await sqlRow(first.id)).suspected_duplicate).toBe(true);
    expect((await sqlRow(second.id)).suspected_duplicate).toBe(true);
    expect((await readDemand(lille, first.id)).suspectedDuplicate).toBe(true);

    // The registration service's list: exactly the flagged demands of its territory.
    const listed = await api.query(mel, DUPLICATES);
    const ids = listed.data!.demands.edges.map((edge: any) => edge.node.id);
    expect(ids).toEqual(await duplicateIds());
    expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));

    // The applicant renounces the first demand: the second is no longer a suspected duplicate.
    expectSuccess(await radiate(lille, first.id, first.version, 'RENUNCIATION'));
    expect((await sqlRow(second.id)).suspected_duplicate).toBe(false);
    expect((await readDemand(roubaix, second.id)).suspectedDuplicate).toBe(false);
    const after = (await api.query(mel, DUPLICATES)).data!.demands.edges.map((edge: any) => edge.node.id);
    expect(after).not.toContain(second.id);
    expect(after).toEqual(await duplicateIds());
  });

  it('never stores the NIR in clear: only a keyed hash, in a table without a NIR column', async () => {
    const value = nir('1850775123456');
    const { id } = await registered(form({ persons: [{ ...APPLICANT, nir: spaced(value) }, CHILD] }));
    const columns: { column_name: string }[] = await db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'demand_nir' ORDER BY column_name`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(['demand_id', 'nir_hash']);
    const hashes: { hash: string }[] = await db.query(
      `SELECT encode(nir_hash, 'hex') AS hash FROM demand_nir WHERE demand_id = $1`,
      [id],
    );
    expect(hashes).toHaveLength(1);
    expect(hashes[0]!.hash).toHaveLength(64);
    // Not a bare (unkeyed) digest either, which anyone could recompute from a list of NIRs.
    expect(hashes[0]!.hash).not.toBe(createHash('sha256').update(value).digest('hex'));
    const digits = value.slice(0, 13);
    const [{ leaks }] = await db.query(
      `SELECT (SELECT count(*) FROM demand_nir WHERE position(convert_to($1, 'UTF8') IN nir_hash) > 0
                OR encode(nir_hash, 'hex') LIKE '%' || $1 || '%')
            + (SELECT count(*) FROM demand d WHERE d::text LIKE '%' || $1 || '%')
            + (SELECT count(*) FROM demand_event e WHERE e::text LIKE '%' || $1 || '%') AS leaks`,
      [digits],
    );
    expect(Number(leaks)).toBe(0);
  });

  it('unflags the other demand when a modification corrects the NIR that made them duplicates', async () => {
    const typo = nir('1770159100200');
    const a = await registered(form({ persons: [{ ...APPLICANT, nir: typo }, CHILD] }));
    const b = await registered(form({ persons: [{ ...APPLICANT, givenName: 'Agnès', nir: typo }, CHILD] }));
    expect((await sqlRow(a.id)).suspected_duplicate).toBe(true);
    expect((await sqlRow(b.id)).suspected_duplicate).toBe(true);

    const corrected = nir('1770159100201');
    const response = await modify(
      lille,
      b.id,
      b.version,
      form({ persons: [{ ...APPLICANT, givenName: 'Agnès', nir: corrected }, CHILD] }),
    );
    expectSuccess(response);
    expect((await sqlRow(b.id)).suspected_duplicate).toBe(false);
    expect((await sqlRow(a.id)).suspected_duplicate).toBe(false);
  });
});

// =============================================================================================

describe('modifyDemand', () => {
  it('needs expectedVersion (a GraphQL validation error; nothing changed)', async () => {
    const { id } = await registered();
    await expectRefused(
      id,
      () =>
        api.query(
          lille,
          `mutation($id: ID!, $content: DemandContentInput!) { modifyDemand(id: $id, content: $content) { id } }`,
          { id, content: form({ wishedCommunes: ['59350', '59512'] }) },
        ),
      'GRAPHQL_VALIDATION_FAILED',
      /expectedVersion/,
    );
  });

  it('refuses a stale version with CONFLICT, changing nothing', async () => {
    const { id, version } = await registered();
    expectSuccess(await modify(lille, id, version, form({ motives: ['TOO_EXPENSIVE', 'TOO_SMALL'] })));
    expect((await sqlRow(id)).version).toBe(version + 1);
    await expectRefused(
      id,
      () => modify(lille, id, version, form({ wishedCommunes: ['59350', '59512'] })),
      'CONFLICT',
      /version 2, not 1/,
    );
  });

  it.each([
    // [what changes, the rubrics the MODIFIED event names, the corrected part of the form]
    ['a wished commune added', ['wishedCommunes'], { wishedCommunes: ['59350', '59512'] }],
    [
      'the motives and family situation',
      ['familySituation', 'motives'],
      { motives: ['TOO_EXPENSIVE', 'TOO_SMALL'], familySituation: 'SEPARATED' },
    ],
    [
      'a child born',
      ['persons'],
      { persons: [APPLICANT, CHILD, { ...CHILD, givenName: 'Lina', birthDate: '2023-02-14' }] },
    ],
    ['the phone number', ['contact'], { contact: { ...form().contact, phone: '07 00 00 00 01' } }],
  ])('records a change of %s as MODIFIED naming exactly %j, version + 1', async (_, rubrics, change) => {
    const { id, version } = await registered();
    const { response, added } = await withEvents(id, () => modify(lille, id, version, form(change)));
    expectSuccess(response);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ type: 'MODIFIED', recorded_by: 'ville-de-lille', occurred_at: NOW });
    expect(added[0]!.detail!.split(', ').sort()).toEqual(rubrics);
    const row = await sqlRow(id);
    expect(row.version).toBe(version + 1);
    expect(response.data!.modifyDemand.version).toBe(version + 1);
  });

  it('stores the corrected wishes and the territories they concern', async () => {
    const { id, version } = await registered();
    expectSuccess(await modify(lille, id, version, form({ wishedCommunes: ['59350', '59512'] })));
    const row = await sqlRow(id);
    expect(row.wished_communes).toEqual(['59350', '59512']);
    expect([...row.territory_codes].sort()).toEqual(['200093201', '59', '59350', '59512']);
  });

  it.each([
    // [what is sent again, the form registered, the same form sent again]
    ['the whole form as registered', form(), form()],
    [
      'a form without contact nor assistant',
      form({ contact: null, assistedBy: null }),
      form({ contact: null, assistedBy: null }),
    ],
    [
      'a form without contact nor assistant, with the same NIR (typed with spaces)',
      form({ contact: null, assistedBy: null, persons: [{ ...APPLICANT, nir: nir('2910162100777') }, CHILD] }),
      form({ contact: null, assistedBy: null, persons: [{ ...APPLICANT, nir: spaced(nir('2910162100777')) }, CHILD] }),
    ],
  ])('refuses %s sent again (nothing changed) with CONFLICT', async (_, registeredForm, sentAgain) => {
    const { id, version } = await registered(registeredForm);
    await expectRefused(id, () => modify(lille, id, version, sentAgain), 'CONFLICT', /Nothing changed/);
  });

  it('refuses wishes that would leave the desk’s territories with FORBIDDEN (a desk of the new territory may)', async () => {
    const { id, version } = await registered();
    await expectRefused(id, () => modify(lille, id, version, form({ wishedCommunes: ['59512'] })), 'FORBIDDEN');
    expectSuccess(await modify(mel, id, version, form({ wishedCommunes: ['59512'] })));
  });

  it('refuses to modify a radiated demand with CONFLICT', async () => {
    const { id, version } = await registered();
    expectSuccess(await radiate(lille, id, version, 'RENUNCIATION'));
    await expectRefused(id, () => modify(lille, id, version + 1, form({ motives: ['OTHER'] })), 'CONFLICT', /radiated/);
  });

  it('lets exactly one of two concurrent modifications of the same version through; the other is a CONFLICT', async () => {
    const { id, version } = await registered();
    const contents = [form({ wishedCommunes: ['59350', '59009'] }), form({ wishedTypologies: ['T4'] })];
    const responses = await Promise.all(contents.map((content) => modify(mel, id, version, content)));
    const codes = responses.map((response) => response.errors?.[0]?.extensions?.code ?? 'OK');
    expect([...codes].sort()).toEqual(['CONFLICT', 'OK']);
    const winner = contents[codes.indexOf('OK')]!;
    const row = await sqlRow(id);
    expect(row.version).toBe(version + 1);
    expect(row.wished_communes).toEqual(winner.wishedCommunes);
    expect(row.wished_typologies).toEqual(winner.wishedTypologies);
    expect(await eventCount(id, 'MODIFIED')).toBe(1);
  });
});

// =============================================================================================

describe('renewDemand', () => {
  it('renews a demand whose validity ends within a month: one year from today, same NUR and filing date', async () => {
    const demand = await pickDemand(`valid_until BETWEEN '2026-06-30' AND '2026-07-30'`);
    const { response, added } = await withEvents(demand.id, () => renew(mel, demand.id, demand.version));
    expectSuccess(response);
    expect(response.data!.renewDemand).toMatchObject({
      validUntil: '2027-06-30',
      nur: demand.nur,
      filingDate: demand.filing_date,
    });
    expect(await sqlRow(demand.id)).toMatchObject({
      valid_until: '2027-06-30',
      nur: demand.nur,
      filing_date: demand.filing_date,
      version: demand.version + 1,
      status: 'ACTIVE',
    });
    expect(added).toEqual([expect.objectContaining({ type: 'RENEWED', recorded_by: 'mel', occurred_at: NOW })]);
  });

  it.each([
    // [valid until, renewal opens on (one month before), accepted]
    ['2026-07-30', '2026-06-30', true],
    ['2026-07-31', '2026-06-30', true], // 31 July − 1 month = 30 June
    ['2026-08-01', '2026-07-01', false],
    ['2026-12-31', '2026-11-30', false],
  ])('for a demand valid until %s (renewal opens %s): accepted %s', async (validUntil, opens, accepted) => {
    const demand = await pickDemand(`valid_until > '2026-07-30'`);
    await db.query(`UPDATE demand SET valid_until = $2 WHERE id = $1`, [demand.id, validUntil]);
    if (accepted) {
      expectSuccess(await renew(mel, demand.id, demand.version));
      expect((await sqlRow(demand.id)).valid_until).toBe('2027-06-30');
    } else {
      await expectRefused(
        demand.id,
        () => renew(mel, demand.id, demand.version),
        'CONFLICT',
        new RegExp(`opens on ${opens}`),
      );
    }
  });

  it('refuses to renew a radiated demand with CONFLICT', async () => {
    const { id, version } = await registered();
    expectSuccess(await radiate(lille, id, version, 'RENUNCIATION'));
    await expectRefused(id, () => renew(lille, id, version + 1), 'CONFLICT');
  });
});

// =============================================================================================

describe('radiateDemand', () => {
  /** Radiates a picked demand for `motive` and checks the radiation by SQL. */
  async function expectRadiated(demand: Picked, motive: string) {
    const { response, added } = await withEvents(demand.id, () => radiate(mel, demand.id, demand.version, motive));
    expectSuccess(response);
    expect(response.data!.radiateDemand).toMatchObject({
      status: 'RADIATED',
      radiationMotive: motive,
      radiatedOn: '2026-06-30',
    });
    expect(await sqlRow(demand.id)).toMatchObject({
      status: 'RADIATED',
      radiation_motive: motive,
      radiated_on: '2026-06-30',
      version: demand.version + 1,
      nur: demand.nur,
    });
    expect(added).toEqual([
      expect.objectContaining({ type: 'RADIATED', recorded_by: 'mel', detail: motive, occurred_at: NOW }),
    ]);
  }

  it('radiates for RENUNCIATION at any time', async () => {
    await expectRadiated(await pickDemand(PLAIN), 'RENUNCIATION');
  });

  it('refuses an already radiated demand with CONFLICT', async () => {
    const demand = await pickDemand(PLAIN);
    expectSuccess(await radiate(mel, demand.id, demand.version, 'RENUNCIATION'));
    await expectRefused(demand.id, () => radiate(mel, demand.id, demand.version + 1, 'RENUNCIATION'), 'CONFLICT');
  });

  it('radiates for LEASE_SIGNED only once a landlord recorded the lease', async () => {
    const demand = await pickDemand(PLAIN);
    await expectRefused(
      demand.id,
      () => radiate(mel, demand.id, demand.version, 'LEASE_SIGNED'),
      'CONFLICT',
      /LEASE_SIGNED/,
    );
    const lease = await record(vilogia, {
      demandId: demand.id,
      idempotencyKey: `lease-${demand.id}`,
      type: 'LEASE_SIGNED',
      occurredAt: '2026-06-29T09:00:00Z',
    });
    expectSuccess(lease);
    expect((await sqlRow(demand.id)).version).toBe(demand.version); // an event is not a new version
    await expectRadiated(demand, 'LEASE_SIGNED');
  });

  it.each([
    // [CAL decision recorded (instant), decision, accepted, "not before" date] — due = decision day + 1 month
    [null, null, false, null],
    ['2026-05-01T10:00:00Z', 'NON_ATTRIBUTION', false, null], // another decision does not count
    ['2026-06-15T10:00:00Z', 'INELIGIBLE', false, '2026-07-15'],
    ['2026-06-01T10:00:00Z', 'INELIGIBLE', false, '2026-07-01'],
    ['2026-05-31T10:00:00Z', 'INELIGIBLE', true, null], // 31 May + 1 month = 30 June
    ['2026-05-30T10:00:00Z', 'INELIGIBLE', true, null],
    ['2026-03-12T10:00:00Z', 'INELIGIBLE', true, null],
  ])(
    'INELIGIBILITY after a CAL decision at %s (%s): accepted %s',
    async (occurredAt, decision, accepted, notBefore) => {
      const demand = await pickDemand(PLAIN);
      if (occurredAt) {
        const recorded = await record(vilogia, {
          demandId: demand.id,
          idempotencyKey: `cal-${demand.id}`,
          type: 'CAL_DECISION',
          occurredAt,
          calDecision: decision,
          ...(decision === 'INELIGIBLE' ? { ineligibilityGround: 'RESOURCES_OVER_CEILING' } : {}),
        });
        expectSuccess(recorded);
      }
      if (accepted) await expectRadiated(demand, 'INELIGIBILITY');
      else {
        await expectRefused(
          demand.id,
          () => radiate(mel, demand.id, demand.version, 'INELIGIBILITY'),
          'CONFLICT',
          notBefore ? new RegExp(`not before ${notBefore}`) : /CAL_DECISION/,
        );
      }
    },
  );

  it.each([
    // [letter recorded (instant), its Paris date, accepted, "not before" date] — due = letter day + 2 months
    [null, null, false, null],
    ['2026-04-30T10:00:00Z', '2026-04-30', true, null],
    ['2026-04-30T21:30:00Z', '2026-04-30', true, null], // 23:30 in Paris
    ['2026-04-30T22:30:00Z', '2026-05-01', false, '2026-07-01'], // 00:30 on 1 May in Paris
    ['2026-05-01T10:00:00Z', '2026-05-01', false, '2026-07-01'],
    ['2026-02-10T10:00:00Z', '2026-02-10', true, null],
  ])(
    'NO_ANSWER after a letter at %s (Paris day %s): accepted %s',
    async (occurredAt, letterDay, accepted, notBefore) => {
      const demand = await pickDemand(PLAIN);
      if (occurredAt) {
        const letter = await record(mel, {
          demandId: demand.id,
          idempotencyKey: `letter-${demand.id}`,
          type: 'ANSWER_REQUESTED',
          occurredAt,
        });
        expectSuccess(letter);
        expect((await sqlRow(demand.id)).answer_requested_on).toBe(letterDay);
      }
      if (accepted) await expectRadiated(demand, 'NO_ANSWER');
      else {
        await expectRefused(
          demand.id,
          () => radiate(mel, demand.id, demand.version, 'NO_ANSWER'),
          'CONFLICT',
          notBefore ? new RegExp(`not before ${notBefore}`) : /ANSWER_REQUESTED/,
        );
      }
    },
  );

  it.each([
    // [valid until (set by SQL), accepted, "not before" date] — due = valid until + 1 month
    ['2026-05-30', true, null],
    ['2026-05-31', true, null], // 31 May + 1 month = 30 June
    ['2026-06-01', false, '2026-07-01'],
    ['2026-07-15', false, '2026-08-15'],
  ])('NON_RENEWAL of a demand valid until %s: accepted %s', async (validUntil, accepted, notBefore) => {
    const demand = await pickDemand(PLAIN);
    await db.query(`UPDATE demand SET valid_until = $2 WHERE id = $1`, [demand.id, validUntil]);
    if (accepted) await expectRadiated(demand, 'NON_RENEWAL');
    else {
      await expectRefused(
        demand.id,
        () => radiate(mel, demand.id, demand.version, 'NON_RENEWAL'),
        'CONFLICT',
        new RegExp(`not before ${notBefore}`),
      );
    }
  });
});

// =============================================================================================

describe('reactivateDemand', () => {
  it.each([
    // [valid until, reactivable until (valid until + 6 months), accepted, valid until after reactivation]
    ['2026-05-30', '2026-11-30', true, '2027-06-30'],
    ['2025-12-30', '2026-06-30', true, '2027-06-30'],
    ['2025-12-29', '2026-06-29', false, null],
  ])(
    'after NON_RENEWAL of a demand valid until %s (reactivable until %s): accepted %s',
    async (validUntil, reactivableUntil, accepted, validAfter) => {
      const demand = await pickDemand(PLAIN);
      await db.query(`UPDATE demand SET valid_until = $2 WHERE id = $1`, [demand.id, validUntil]);
      const radiation = await radiate(mel, demand.id, demand.version, 'NON_RENEWAL');
      expectSuccess(radiation);
      expect(radiation.data!.radiateDemand.reactivableUntil).toBe(reactivableUntil);
      const version = demand.version + 1;
      if (!accepted) {
        await expectRefused(
          demand.id,
          () => reactivate(mel, demand.id, version),
          'CONFLICT',
          new RegExp(`closed on ${reactivableUntil}`),
        );
        return;
      }
      const { response, added } = await withEvents(demand.id, () => reactivate(mel, demand.id, version));
      expectSuccess(response);
      expect(await sqlRow(demand.id)).toMatchObject({
        status: 'ACTIVE',
        radiation_motive: null,
        radiated_on: null,
        nur: demand.nur,
        filing_date: demand.filing_date,
        valid_until: validAfter,
        version: version + 1,
      });
      expect(added).toEqual([expect.objectContaining({ type: 'REACTIVATED', recorded_by: 'mel', occurred_at: NOW })]);
    },
  );

  it('reactivates a demand radiated for NO_ANSWER (within 5 months)', async () => {
    const demand = await pickDemand(PLAIN);
    expectSuccess(
      await record(mel, {
        demandId: demand.id,
        idempotencyKey: `letter-${demand.id}`,
        type: 'ANSWER_REQUESTED',
        occurredAt: '2026-04-01T10:00:00Z',
      }),
    );
    expectSuccess(await radiate(mel, demand.id, demand.version, 'NO_ANSWER'));
    expectSuccess(await reactivate(mel, demand.id, demand.version + 1));
    expect(await sqlRow(demand.id)).toMatchObject({ status: 'ACTIVE', answer_requested_on: null, nur: demand.nur });
  });

  it('refuses a demand radiated for RENUNCIATION with CONFLICT (the applicant files anew)', async () => {
    const demand = await pickDemand(PLAIN);
    expectSuccess(await radiate(mel, demand.id, demand.version, 'RENUNCIATION'));
    await expectRefused(demand.id, () => reactivate(mel, demand.id, demand.version + 1), 'CONFLICT', /RENUNCIATION/);
  });

  it('refuses an active demand with CONFLICT', async () => {
    const demand = await pickDemand(PLAIN);
    await expectRefused(demand.id, () => reactivate(mel, demand.id, demand.version), 'CONFLICT', /active/);
  });
});

// =============================================================================================

describe('recognisePriority and withdrawPriority', () => {
  it('lets only the partner that recognised a priority, or the State, withdraw it', async () => {
    const demand = await pickDemand(PLAIN);
    const recognised = await recognise(vilogia, demand.id, demand.version, {
      label: 'L441_1',
      decidedOn: '2026-06-01',
    });
    expectSuccess(recognised);
    const version = recognised.data!.recognisePriority.version;
    await expectRefused(demand.id, () => withdraw(lmh, demand.id, version, 'L441_1'), 'FORBIDDEN', /vilogia/);
    expectSuccess(await withdraw(prefecture, demand.id, version, 'L441_1'));
    expect((await sqlRow(demand.id)).priority_labels).toEqual([]);
  });

  it.each([
    // [decision date, offer deadline: + 6 months, the Nord's setting]
    ['2026-01-31', '2026-07-31'],
    ['2025-12-31', '2026-06-30'],
    ['2025-08-31', '2026-02-28'],
  ])('DALO decided on %s by the prefecture sets the offer deadline %s', async (decidedOn, deadline) => {
    const demand = await pickDemand(PLAIN);
    const { response, added } = await withEvents(demand.id, () =>
      recognise(prefecture, demand.id, demand.version, { label: 'DALO', decidedOn }),
    );
    expectSuccess(response);
    expect(response.data!.recognisePriority.daloOfferDeadline).toBe(deadline);
    const row = await sqlRow(demand.id);
    expect(row).toMatchObject({
      dalo_offer_deadline: deadline,
      priority_labels: ['DALO'],
      version: demand.version + 1,
    });
    expect(row.priorities).toEqual([{ label: 'DALO', criterion: null, decidedOn, recordedBy: 'prefecture-nord' }]);
    expect(added).toEqual([
      expect.objectContaining({
        type: 'PRIORITY_RECOGNISED',
        recorded_by: 'prefecture-nord',
        detail: 'DALO',
        occurred_at: NOW,
      }),
    ]);
  });

  it.each([
    ['mel (EPCI)', mel],
    ['vilogia (landlord)', vilogia],
    ['action-logement (reservation holder)', actionLogement],
  ])('refuses DALO by %s with FORBIDDEN, changing nothing', async (_, viewer) => {
    const demand = await pickDemand(PLAIN);
    await expectRefused(
      demand.id,
      () => recognise(viewer, demand.id, demand.version, { label: 'DALO', decidedOn: '2026-01-31' }),
      'FORBIDDEN',
    );
  });

  it('lets a landlord recognise L441_1 once (twice is a CONFLICT) and withdraw it, both in the timeline', async () => {
    const demand = await pickDemand(PLAIN);
    const priority = { label: 'L441_1', criterion: 'Logement indigne', decidedOn: '2026-06-12' };
    const first = await withEvents(demand.id, () => recognise(vilogia, demand.id, demand.version, priority));
    expectSuccess(first.response);
    expect(first.added).toEqual([
      expect.objectContaining({
        type: 'PRIORITY_RECOGNISED',
        recorded_by: 'vilogia',
        detail: 'L441_1: Logement indigne',
      }),
    ]);
    expect(await sqlRow(demand.id)).toMatchObject({
      priority_labels: ['L441_1'],
      priorities: [{ label: 'L441_1', criterion: 'Logement indigne', decidedOn: '2026-06-12', recordedBy: 'vilogia' }],
      dalo_offer_deadline: null,
      version: demand.version + 1,
    });

    await expectRefused(
      demand.id,
      () => recognise(lmh, demand.id, demand.version + 1, priority),
      'CONFLICT',
      /already/,
    );

    const withdrawal = await withEvents(demand.id, () => withdraw(vilogia, demand.id, demand.version + 1, 'L441_1'));
    expectSuccess(withdrawal.response);
    expect(withdrawal.added).toEqual([
      expect.objectContaining({
        type: 'PRIORITY_WITHDRAWN',
        recorded_by: 'vilogia',
        detail: 'L441_1',
        occurred_at: NOW,
      }),
    ]);
    expect(await sqlRow(demand.id)).toMatchObject({ priority_labels: [], priorities: [], version: demand.version + 2 });
    expect(await eventCount(demand.id, 'PRIORITY_RECOGNISED')).toBe(1);

    await expectRefused(
      demand.id,
      () => withdraw(vilogia, demand.id, demand.version + 2, 'L441_1'),
      'CONFLICT',
      /not recognised/,
    );
  });

  it.each([
    [
      'recognisePriority',
      (id: string, version: number) => recognise(vilogia, id, version, { label: 'L441_1', decidedOn: '2026-06-01' }),
    ],
    ['withdrawPriority', (id: string, version: number) => withdraw(vilogia, id, version, 'L441_1')],
  ])('%s on a radiated demand is a CONFLICT, changing nothing', async (_, call) => {
    const demand = await pickDemand(PLAIN);
    expectSuccess(await recognise(vilogia, demand.id, demand.version, { label: 'L441_1', decidedOn: '2026-05-04' }));
    expectSuccess(await radiate(mel, demand.id, demand.version + 1, 'RENUNCIATION'));
    await expectRefused(demand.id, () => call(demand.id, demand.version + 2), 'CONFLICT');
  });

  it('withdraws DALO (prefecture only), clearing the offer deadline', async () => {
    const demand = await pickDemand(PLAIN);
    expectSuccess(await recognise(prefecture, demand.id, demand.version, { label: 'DALO', decidedOn: '2026-02-10' }));
    await expectRefused(demand.id, () => withdraw(mel, demand.id, demand.version + 1, 'DALO'), 'FORBIDDEN');
    const { response, added } = await withEvents(demand.id, () =>
      withdraw(prefecture, demand.id, demand.version + 1, 'DALO'),
    );
    expectSuccess(response);
    expect(await sqlRow(demand.id)).toMatchObject({
      dalo_offer_deadline: null,
      priority_labels: [],
      version: demand.version + 2,
    });
    expect(added).toEqual([
      expect.objectContaining({ type: 'PRIORITY_WITHDRAWN', recorded_by: 'prefecture-nord', detail: 'DALO' }),
    ]);
  });

  it('refuses a decision date in the future with BAD_USER_INPUT', async () => {
    const demand = await pickDemand(PLAIN);
    const response = await expectRefused(
      demand.id,
      () => recognise(prefecture, demand.id, demand.version, { label: 'DALO', decidedOn: '2026-07-01' }),
      'BAD_USER_INPUT',
    );
    expect(response.errors?.[0]?.extensions?.field).toBe('priority.decidedOn');
  });
});

// =============================================================================================

describe('recordDemandEvent', () => {
  const rowsWithKey = async (key: string): Promise<{ id: string; recorded_by: string }[]> =>
    db.query(`SELECT id, recorded_by FROM demand_event WHERE idempotency_key = $1 ORDER BY recorded_by`, [key]);

  it('is idempotent per partner: a retry returns the first event, other content under the key is a CONFLICT', async () => {
    const demand = await pickDemand(FILED_BEFORE_2026);
    const key = 'cal-agenda-2026-06-29-lifecycle';
    const input = {
      demandId: demand.id,
      idempotencyKey: key,
      type: 'CAL_AGENDA',
      occurredAt: '2026-06-29T08:00:00Z',
      detail: 'CAL du 6 juillet',
    };
    const first = await record(vilogia, input);
    expectSuccess(first);
    const again = await record(vilogia, input);
    expectSuccess(again);
    expect(again.data!.recordDemandEvent.id).toBe(first.data!.recordDemandEvent.id);
    expect(await rowsWithKey(key)).toEqual([{ id: first.data!.recordDemandEvent.id, recorded_by: 'vilogia' }]);

    await expectRefused(
      demand.id,
      () => record(vilogia, { ...input, detail: 'CAL du 13 juillet' }),
      'CONFLICT',
      new RegExp(key),
    );

    // The same key is another partner's own.
    const other = await record(lmh, input);
    expectSuccess(other);
    expect(other.data!.recordDemandEvent.id).not.toBe(first.data!.recordDemandEvent.id);
    expect((await rowsWithKey(key)).map((row) => row.recorded_by)).toEqual(['lille-metropole-habitat', 'vilogia']);
  });

  it('records one event for two identical requests sent concurrently', async () => {
    const demand = await pickDemand(FILED_BEFORE_2026);
    const key = `visit-${demand.id}`;
    const input = {
      demandId: demand.id,
      idempotencyKey: key,
      type: 'DWELLING_VISITED',
      occurredAt: '2026-06-28T14:00:00Z',
    };
    const before = await eventCount(demand.id);
    const responses = await Promise.all([record(vilogia, input), record(vilogia, input)]);
    responses.forEach(expectSuccess);
    expect(responses[0]!.data!.recordDemandEvent.id).toBe(responses[1]!.data!.recordDemandEvent.id);
    expect(await rowsWithKey(key)).toHaveLength(1);
    expect(await eventCount(demand.id)).toBe(before + 1);
  });

  it.each([
    ['a reservation holder', 'CAL_DECISION', actionLogement],
    ['a reservation holder', 'LEASE_SIGNED', lille],
    ['an EPCI', 'OFFER_NOTIFIED', mel],
    ['the State', 'RADIATED', prefecture],
    ['a landlord', 'REGISTERED', vilogia],
    ['a desk', 'RENEWED', mel],
    ['a landlord', 'PRIORITY_RECOGNISED', vilogia],
    ['an association', 'DOCUMENTS_REQUESTED', demoViewer('siao-nord')],
  ])('refuses %s recording %s with FORBIDDEN', async (_, type, viewer) => {
    const demand = await pickDemand(`${FILED_BEFORE_2026} AND ${WISHES_LILLE}`);
    await expectRefused(
      demand.id,
      () =>
        record(viewer, {
          demandId: demand.id,
          idempotencyKey: `forbidden-${type}`,
          type,
          ...(type === 'CAL_DECISION' ? { calDecision: 'ATTRIBUTION' } : {}),
        }),
      'FORBIDDEN',
    );
  });

  it.each([
    ['a landlord', 'CAL_DECISION', 'vilogia'],
    ['a reservation holder', 'DESIGNATED', 'ville-de-lille'],
    ['a desk', 'DOCUMENTS_REQUESTED', 'mel'],
  ])('lets %s record %s, attributed to it (%s)', async (_, type, slug) => {
    const demand = await pickDemand(`${FILED_BEFORE_2026} AND ${WISHES_LILLE}`);
    const { response, added } = await withEvents(demand.id, () =>
      record(demoViewer(slug), {
        demandId: demand.id,
        idempotencyKey: `allowed-${type}`,
        type,
        ...(type === 'CAL_DECISION' ? { calDecision: 'ATTRIBUTION' } : {}),
      }),
    );
    expectSuccess(response);
    expect(added).toEqual([
      { id: response.data!.recordDemandEvent.id, type, recorded_by: slug, detail: null, occurred_at: NOW },
    ]);
  });

  it.each<[string, Record<string, string>, string]>([
    ['CAL_DECISION without calDecision', { type: 'CAL_DECISION' }, 'calDecision'],
    ['calDecision on another event', { type: 'CAL_AGENDA', calDecision: 'ATTRIBUTION' }, 'calDecision'],
    ['INELIGIBLE without its ground', { type: 'CAL_DECISION', calDecision: 'INELIGIBLE' }, 'ineligibilityGround'],
    [
      'a ground on another decision',
      { type: 'CAL_DECISION', calDecision: 'NON_ATTRIBUTION', ineligibilityGround: 'IRREGULAR_STAY' },
      'ineligibilityGround',
    ],
    ['occurredAt in the future', { type: 'CAL_AGENDA', occurredAt: '2026-07-01T08:00:00Z' }, 'occurredAt'],
    ['occurredAt before the filing date', { type: 'CAL_AGENDA', occurredAt: 'BEFORE_FILING' }, 'occurredAt'],
    ['an empty idempotency key', { type: 'CAL_AGENDA', idempotencyKey: '' }, 'idempotencyKey'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_, fields, field) => {
    const demand = await pickDemand(FILED_BEFORE_2026);
    const occurredAt =
      fields.occurredAt === 'BEFORE_FILING' ? `${dayBefore(demand.filing_date)}T10:00:00Z` : fields.occurredAt;
    const response = await expectRefused(
      demand.id,
      () =>
        record(vilogia, {
          demandId: demand.id,
          idempotencyKey: `bad-${demand.id}`,
          type: 'CAL_AGENDA',
          ...fields,
          occurredAt,
        }),
      'BAD_USER_INPUT',
    );
    expect(response.errors?.[0]?.extensions?.field).toBe(field);
  });

  it('accepts an event on the filing day and a decision with its ground (the twins of the refusals)', async () => {
    const demand = await pickDemand(FILED_BEFORE_2026);
    const onFilingDay = `${demand.filing_date}T10:00:00Z`;
    const agenda = await record(vilogia, {
      demandId: demand.id,
      idempotencyKey: `agenda-${demand.id}`,
      type: 'CAL_AGENDA',
      occurredAt: onFilingDay,
    });
    expectSuccess(agenda);
    const decision = await record(vilogia, {
      demandId: demand.id,
      idempotencyKey: `decision-${demand.id}`,
      type: 'CAL_DECISION',
      calDecision: 'INELIGIBLE',
      ineligibilityGround: 'IRREGULAR_STAY',
    });
    expectSuccess(decision);
    const stored = await db.query(
      `SELECT type, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS occurred_at,
              cal_decision, ineligibility_ground, recorded_by
         FROM demand_event WHERE id = ANY ($1::uuid[]) ORDER BY occurred_at`,
      [[agenda.data!.recordDemandEvent.id, decision.data!.recordDemandEvent.id]],
    );
    expect(stored).toEqual([
      {
        type: 'CAL_AGENDA',
        occurred_at: onFilingDay,
        cal_decision: null,
        ineligibility_ground: null,
        recorded_by: 'vilogia',
      },
      {
        type: 'CAL_DECISION',
        occurred_at: '2026-06-30T10:00:00Z', // occurredAt defaults to now
        cal_decision: 'INELIGIBLE',
        ineligibility_ground: 'IRREGULAR_STAY',
        recorded_by: 'vilogia',
      },
    ]);
  });

  it('refuses an event on a radiated demand with CONFLICT', async () => {
    const demand = await pickDemand(FILED_BEFORE_2026);
    expectSuccess(await radiate(mel, demand.id, demand.version, 'RENUNCIATION'));
    await expectRefused(
      demand.id,
      () => record(vilogia, { demandId: demand.id, idempotencyKey: `late-${demand.id}`, type: 'CAL_AGENDA' }),
      'CONFLICT',
    );
  });

  it('moves the no-designation alert to the latest designation + 6 months (the MEL setting)', async () => {
    const demand = await pickDemand(
      `${WISHES_LILLE} AND filing_date < '2026-02-01' AND (last_designated_on IS NULL OR last_designated_on < '2026-02-01')`,
    );
    const steps = [
      // [designation (instant), last designated on, alert on]
      ['2026-03-31T10:00:00Z', '2026-03-31', '2026-09-30'],
      ['2026-06-15T10:00:00Z', '2026-06-15', '2026-12-15'],
      ['2026-02-01T10:00:00Z', '2026-06-15', '2026-12-15'], // an older designation recorded late changes nothing
    ];
    for (const [occurredAt, lastDesignatedOn, alertOn] of steps) {
      expectSuccess(
        await record(lille, {
          demandId: demand.id,
          idempotencyKey: `designated-${occurredAt}`,
          type: 'DESIGNATED',
          occurredAt,
        }),
      );
      expect(await sqlRow(demand.id)).toMatchObject({
        last_designated_on: lastDesignatedOn,
        designation_alert_on: alertOn,
        version: demand.version,
      });
    }
  });
});

/** The calendar day before `date` (YYYY-MM-DD). */
function dayBefore(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

// =============================================================================================

describe('a demand outside the caller’s territories', () => {
  // Each mutation with an argument that a visible demand refuses after finding it (so nothing changes).
  it.each<[string, (viewer: Viewer, id: string) => Promise<Response>, string]>([
    ['modifyDemand', (viewer, id) => modify(viewer, id, 999, form()), 'CONFLICT'],
    ['renewDemand', (viewer, id) => renew(viewer, id, 999), 'CONFLICT'],
    ['radiateDemand', (viewer, id) => radiate(viewer, id, 999, 'RENUNCIATION'), 'CONFLICT'],
    ['reactivateDemand', (viewer, id) => reactivate(viewer, id, 999), 'CONFLICT'],
    [
      'recognisePriority',
      (viewer, id) => recognise(viewer, id, 999, { label: 'L441_1', decidedOn: '2026-06-01' }),
      'CONFLICT',
    ],
    ['withdrawPriority', (viewer, id) => withdraw(viewer, id, 999, 'L441_1'), 'CONFLICT'],
    [
      'recordDemandEvent',
      (viewer, id) =>
        record(viewer, {
          demandId: id,
          idempotencyKey: `probe-${id}`,
          type: 'DESIGNATED',
          occurredAt: '2000-01-01T00:00:00Z',
        }),
      'BAD_USER_INPUT',
    ],
  ])('%s answers NOT_FOUND alike whether the demand is hidden or absent', async (_, call, visibleCode) => {
    const demand = await pickDemand(WISHES_ONLY_LILLE);
    const before = await snapshot(demand.id);
    const hidden = await call(roubaix, demand.id);
    const absent = await call(roubaix, ABSENT);
    expectError(hidden, 'NOT_FOUND');
    const shape = (response: Response, id: string) => ({
      status: response.status,
      data: response.data,
      errors: response.errors?.map((error) => ({ ...error, message: error.message.replace(id, '<id>') })),
    });
    expect(shape(hidden, demand.id)).toEqual(shape(absent, ABSENT));
    expect(hidden.errors?.[0]?.message).toBe(`Demand ${demand.id} was not found.`);
    // The desk of Lille finds it (and refuses the stale version or the impossible date).
    expectError(await call(lille, demand.id), visibleCode);
    expect(await snapshot(demand.id)).toEqual(before);
  });
});

// =============================================================================================

describe('the timeline', () => {
  it('stays append-only: UPDATE and DELETE on demand_event fail and change nothing', async () => {
    const { id } = await registered();
    const before = await eventsOf(id);
    expect(before).toHaveLength(1);
    await expect(db.query(`UPDATE demand_event SET detail = 'edited' WHERE demand_id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM demand_event WHERE demand_id = $1`, [id])).rejects.toThrow(/append-only/);
    expect(await eventsOf(id)).toEqual(before);
  });
});
