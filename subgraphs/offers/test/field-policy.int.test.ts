import { randomUUID } from 'node:crypto';
import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { ANONYMOUS, isAuthenticated, type Viewer } from '@passerelle/shared/identity';
import {
  type GraphQLResponse,
  type SeededSubgraph,
  type SubgraphClient,
  demoViewer,
  openSeededSubgraph,
} from '@passerelle/shared/testing';
import type { StatementCounter } from '@passerelle/shared/database';
import type { DataSource } from 'typeorm';
import { createOffersDataSource } from '../src/data-source';
import { seedDemoOffers } from '../src/seed/demo-seed';
import { buildOffersServer } from '../src/server';

/**
 * The field policy of the offers subgraph (`OFFERS_FIELD_POLICY`) and the log of nominative reads,
 * through HTTP as the gateway calls the subgraph, on the seeded demo territory. The matrix's
 * expectations are written by hand from the README's table (who reads what, by role towards the
 * record), not derived from the policy; values read are compared with direct SQL.
 */
let db: DataSource;
let statements: StatementCounter;
let offers: SubgraphClient;
let subject: SeededSubgraph;

beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'offers',
    createDataSource: createOffersDataSource,
    seed: seedDemoOffers,
    buildApp: (options) => buildOffersServer({ ...options, now: () => new Date(`${TEST_REFERENCE_DATE}T10:00:00Z`) }),
    demands: 400,
  });
  ({ db, statements, client: offers } = subject);
});
afterAll(() => subject?.close());

const sql = <T = any>(query: string, parameters: unknown[] = []): Promise<T[]> => db.query(query, parameters);
const LAST_YEAR = Number(TEST_REFERENCE_DATE.slice(0, 4)) - 1;
/** The reservation holders among the demo partners that are neither the State, the EPCI nor a landlord. */
const HOLDER_PARTNERS = ['action-logement', 'ville-de-lille', 'ville-de-roubaix'];
const LANDLORDS = ['lille-metropole-habitat', 'partenord-habitat', 'vilogia'];
const errorsOf = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code]);

/** The viewer with a request trace, as the gateway would send it: its audit rows carry `requestId`. */
function traced(viewer: Viewer, operationName = 'FieldPolicyTest', purpose: string | null = 'test') {
  if (!isAuthenticated(viewer)) throw new Error('only partners are traced');
  const requestId = randomUUID();
  return { viewer: { ...viewer, trace: { requestId, operationName, purpose } } as Viewer, requestId };
}
const logOf = (requestId: string) =>
  sql(
    `SELECT person, partner, partner_kind, operation_name, purpose, record_type, record_id, fields
       FROM nominative_read WHERE request_id = $1 ORDER BY record_type, record_id`,
    [requestId],
  );

/** How a viewer in a role towards the record fares with a field. */
type Outcome = 'READ' | 'FORBIDDEN' | 'UNREACHED';
const ROLES = [
  'state',
  'epci',
  'owner',
  'otherLandlord',
  'holder',
  'otherHolder',
  'association',
  'analyst',
  'auditor',
] as const;
type Role = (typeof ROLES)[number];
type Row = Record<Role, Outcome>;

/**
 * By hand, from the README's "Who sees what (offers)" and field-policy tables. Roles towards the
 * record: `owner` is the landlord of the dwelling; `holder` the reservation holder the vacancy is
 * oriented to (charged with the lease, designating the candidate); the State and the EPCI act for
 * the dwelling's commune but are neither.
 */
const MATRIX: Record<string, Row> = {
  // prettier-ignore
  'Dwelling.rent':          { state: 'FORBIDDEN', epci: 'FORBIDDEN', owner: 'READ', otherLandlord: 'FORBIDDEN', holder: 'READ', otherHolder: 'FORBIDDEN', association: 'FORBIDDEN', analyst: 'FORBIDDEN', auditor: 'FORBIDDEN' },
  // prettier-ignore
  'Dwelling.charges':       { state: 'FORBIDDEN', epci: 'FORBIDDEN', owner: 'READ', otherLandlord: 'FORBIDDEN', holder: 'READ', otherHolder: 'FORBIDDEN', association: 'FORBIDDEN', analyst: 'FORBIDDEN', auditor: 'FORBIDDEN' },
  // prettier-ignore
  'Dwelling.internalNotes': { state: 'FORBIDDEN', epci: 'FORBIDDEN', owner: 'READ', otherLandlord: 'FORBIDDEN', holder: 'FORBIDDEN', otherHolder: 'FORBIDDEN', association: 'FORBIDDEN', analyst: 'FORBIDDEN', auditor: 'FORBIDDEN' },
  // prettier-ignore
  'Landlord.annualReport':  { state: 'READ', epci: 'READ', owner: 'READ', otherLandlord: 'FORBIDDEN', holder: 'READ', otherHolder: 'READ', association: 'FORBIDDEN', analyst: 'READ', auditor: 'FORBIDDEN' },
  // A vacancy outside a holder's contingent is unreached (answered as absent).
  // prettier-ignore
  'VacancyTransition.note': { state: 'FORBIDDEN', epci: 'FORBIDDEN', owner: 'READ', otherLandlord: 'FORBIDDEN', holder: 'READ', otherHolder: 'UNREACHED', association: 'FORBIDDEN', analyst: 'FORBIDDEN', auditor: 'FORBIDDEN' },
  // prettier-ignore
  'Attribution.demand':     { state: 'READ', epci: 'READ', owner: 'READ', otherLandlord: 'FORBIDDEN', holder: 'READ', otherHolder: 'UNREACHED', association: 'FORBIDDEN', analyst: 'FORBIDDEN', auditor: 'FORBIDDEN' },
  // prettier-ignore
  'Attribution.household':  { state: 'READ', epci: 'READ', owner: 'READ', otherLandlord: 'FORBIDDEN', holder: 'READ', otherHolder: 'UNREACHED', association: 'FORBIDDEN', analyst: 'FORBIDDEN', auditor: 'FORBIDDEN' },
  // A proposal is a household link: its row is filtered for whoever has none (never an error).
  // prettier-ignore
  'Proposal.demand':        { state: 'READ', epci: 'READ', owner: 'READ', otherLandlord: 'UNREACHED', holder: 'READ', otherHolder: 'UNREACHED', association: 'UNREACHED', analyst: 'UNREACHED', auditor: 'UNREACHED' },
  // prettier-ignore
  'Proposal.dalo':          { state: 'READ', epci: 'READ', owner: 'READ', otherLandlord: 'UNREACHED', holder: 'READ', otherHolder: 'UNREACHED', association: 'UNREACHED', analyst: 'UNREACHED', auditor: 'UNREACHED' },
  // prettier-ignore
  'Proposal.refusalMotive': { state: 'READ', epci: 'READ', owner: 'READ', otherLandlord: 'UNREACHED', holder: 'READ', otherHolder: 'UNREACHED', association: 'UNREACHED', analyst: 'UNREACHED', auditor: 'UNREACHED' },
  // prettier-ignore
  'Proposal.refusalMotiveCode': { state: 'READ', epci: 'READ', owner: 'READ', otherLandlord: 'UNREACHED', holder: 'READ', otherHolder: 'UNREACHED', association: 'UNREACHED', analyst: 'UNREACHED', auditor: 'UNREACHED' },
};

/** One record to probe a field on: who owns and holds it, the probe's query, and the value read (SQL oracle). */
interface Subject {
  landlord: string;
  holder: string;
  typename: string;
  id: string;
  selection: string;
  /** Where the field is in `_entities[0]`, and the value an allowed reader gets there. */
  read: (entity: any) => unknown;
  expected: unknown;
  /** The paths of the field's errors, below `_entities.0`, when refused. */
  deniedPaths: string[];
}

async function subjectFor(field: string): Promise<Subject> {
  const holders = HOLDER_PARTNERS;
  switch (field) {
    case 'Dwelling.rent':
    case 'Dwelling.charges':
    case 'Dwelling.internalNotes': {
      const [row] = await sql(
        `SELECT d.id, d.rent::float8 AS rent, d.charges::float8 AS charges, d.internal_notes, l.slug AS landlord, h.slug AS holder
           FROM dwelling d JOIN landlord l ON l.id = d.landlord_id
           JOIN vacancy v ON v.dwelling_id = d.id AND v.status NOT IN ('LEASE_SIGNED', 'RETURNED')
           JOIN reservation_holder h ON h.id = v.reservation_holder_id AND h.slug = ANY($1)
          WHERE d.internal_notes IS NOT NULL ORDER BY d.id LIMIT 1`,
        [holders],
      );
      const name = field.split('.')[1]!;
      const column = { rent: 'rent', charges: 'charges', internalNotes: 'internal_notes' }[name]!;
      return {
        landlord: row.landlord,
        holder: row.holder,
        typename: 'Dwelling',
        id: row.id,
        selection: `id ${name}`,
        read: (entity) => entity[name],
        expected: row[column],
        deniedPaths: [name],
      };
    }
    case 'Landlord.annualReport': {
      const [row] = await sql(`SELECT l.id, l.slug FROM landlord l WHERE l.slug = 'vilogia'`);
      return {
        landlord: row.slug,
        holder: 'action-logement',
        typename: 'Landlord',
        id: row.id,
        selection: `id annualReport(year: ${LAST_YEAR}) { year }`,
        read: (entity) => entity.annualReport,
        expected: { year: LAST_YEAR },
        deniedPaths: ['annualReport'],
      };
    }
    case 'VacancyTransition.note': {
      const [row] = await sql(
        `SELECT v.id, l.slug AS landlord, h.slug AS holder FROM vacancy v
           JOIN dwelling d ON d.id = v.dwelling_id JOIN landlord l ON l.id = d.landlord_id
           JOIN reservation_holder h ON h.id = v.reservation_holder_id AND h.slug = ANY($1)
          WHERE v.status = 'RETURNED' ORDER BY v.id LIMIT 1`,
        [holders],
      );
      const notes = await sql(`SELECT note FROM vacancy_transition WHERE vacancy_id = $1 ORDER BY position`, [row.id]);
      expect(notes.some((step) => step.note !== null)).toBe(true);
      return {
        landlord: row.landlord,
        holder: row.holder,
        typename: 'Vacancy',
        id: row.id,
        selection: `id transitions(first: 100) { note }`,
        read: (entity) => entity.transitions,
        expected: notes,
        deniedPaths: notes.map((_step, index) => `transitions.${index}.note`),
      };
    }
    case 'Attribution.demand':
    case 'Attribution.household': {
      const [row] = await sql(
        `SELECT v.id, a.demand_id, a.member_count, a.priority, l.slug AS landlord, h.slug AS holder FROM vacancy v
           JOIN attribution a ON a.vacancy_id = v.id
           JOIN dwelling d ON d.id = v.dwelling_id JOIN landlord l ON l.id = d.landlord_id
           JOIN reservation_holder h ON h.id = v.reservation_holder_id AND h.slug = ANY($1)
          WHERE v.status = 'LEASE_SIGNED' AND a.member_count IS NOT NULL ORDER BY v.id LIMIT 1`,
        [holders],
      );
      const household = field === 'Attribution.household';
      return {
        landlord: row.landlord,
        holder: row.holder,
        typename: 'Vacancy',
        id: row.id,
        selection: household
          ? `id attribution { household { memberCount priority } }`
          : `id attribution { demand { id } }`,
        read: (entity) => (household ? entity.attribution.household : entity.attribution.demand),
        expected: household ? { memberCount: row.member_count, priority: row.priority } : { id: row.demand_id },
        deniedPaths: [household ? 'attribution.household' : 'attribution.demand'],
      };
    }
    default: {
      // Proposal fields: a refused proposal with the applicant's words, designated by a holder partner.
      const [row] = await sql(
        `SELECT p.id, p.demand_id, p.dalo, p.refusal_motive, p.refusal_motive_code, l.slug AS landlord, b.slug AS holder
           FROM proposal p JOIN vacancy v ON v.id = p.vacancy_id
           JOIN dwelling d ON d.id = v.dwelling_id JOIN landlord l ON l.id = d.landlord_id
           JOIN reservation_holder b ON b.id = p.designated_by_id AND b.slug = ANY($1)
          WHERE p.refusal_motive IS NOT NULL ORDER BY p.id LIMIT 1`,
        [holders],
      );
      const name = field.split('.')[1]!;
      const expected = {
        demand: { id: row.demand_id },
        dalo: row.dalo,
        refusalMotive: row.refusal_motive,
        refusalMotiveCode: row.refusal_motive_code,
      }[name];
      return {
        landlord: row.landlord,
        holder: row.holder,
        typename: 'Proposal',
        id: row.id,
        selection: name === 'demand' ? 'id demand { id }' : `id ${name}`,
        read: (entity) => entity[name],
        expected,
        deniedPaths: [name],
      };
    }
  }
}

/** The demo partner in each role towards a record owned by `landlord` and held by `holder`. */
function viewersFor(landlord: string, holder: string): Record<Role, Viewer> {
  return {
    state: demoViewer('prefecture-nord'),
    epci: demoViewer('mel'),
    owner: demoViewer(landlord),
    otherLandlord: demoViewer(LANDLORDS.find((slug) => slug !== landlord)!),
    holder: demoViewer(holder),
    otherHolder: demoViewer(HOLDER_PARTNERS.find((slug) => slug !== holder)!),
    association: demoViewer('siao-nord'),
    analyst: demoViewer('observatoire-mel'),
    auditor: demoViewer('dpo-mel'),
  };
}

describe('the access matrix of restricted fields: every role, allowed and denied', () => {
  const cases = Object.entries(MATRIX).flatMap(([field, row]) =>
    ROLES.map((role) => [field, role, row[role]] as [string, Role, Outcome]),
  );

  it.each(cases)('%s, for the %s: %s', async (field, role, outcome) => {
    const subject = await subjectFor(field);
    const viewer = viewersFor(subject.landlord, subject.holder)[role];
    const response = await offers.query(
      viewer,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${subject.typename} { ${subject.selection} } } }`,
      { r: [{ __typename: subject.typename, id: subject.id }] },
    );
    const entity = response.data?._entities?.[0];
    switch (outcome) {
      case 'READ':
        expect(response.errors).toBeUndefined();
        expect(subject.read(entity)).toEqual(subject.expected);
        break;
      case 'FORBIDDEN': {
        // null at the field's path, FORBIDDEN there, the rest of the record intact
        expect(entity?.id).toBe(subject.id);
        const value = subject.read(entity);
        // (the notes: one null per step)
        const nulls = Array.isArray(value) ? value.flatMap((step) => Object.values(step)) : [value];
        expect(nulls.every((v) => v === null)).toBe(true);
        expect(errorsOf(response)).toEqual(subject.deniedPaths.map((path) => [`_entities.0.${path}`, 'FORBIDDEN']));
        break;
      }
      case 'UNREACHED':
        expect(response.errors).toBeUndefined();
        expect(entity).toBeNull();
        break;
    }
  });

  it('has a READ twin for every field it refuses', () => {
    for (const row of Object.values(MATRIX)) {
      expect(Object.values(row)).toContain('READ');
      expect(Object.values(row).some((outcome) => outcome !== 'READ')).toBe(true);
    }
  });

  it('answers a proposal hidden from a partner exactly as an absent one', async () => {
    const subject = await subjectFor('Proposal.demand');
    const other = viewersFor(subject.landlord, subject.holder).otherHolder;
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Proposal { id demand { id } dalo } } }`;
    const hidden = await offers.query(other, query, { r: [{ __typename: 'Proposal', id: subject.id }] });
    const absent = await offers.query(other, query, { r: [{ __typename: 'Proposal', id: randomUUID() }] });
    expect(hidden).toEqual(absent);
  });
});

describe('the log of nominative reads', () => {
  /** The leases of Lille's dwellings, by vacancy (most recently vacated first), as a list query. */
  const LEASES = `query($first: Int) { vacancies(first: $first, filter: { status: LEASE_SIGNED, commune: "59350" }) {
    edges { node { id attribution { id leaseSignedOn demand { id } household { priority } } } } } }`;

  it('writes one row per record read, with its fields, the person, the partner, its kind and the trace', async () => {
    const { viewer, requestId } = traced(demoViewer('mel'), 'LeasesOfLille', 'CAL preparation');
    const response = await offers.query(viewer, LEASES, { first: 100 });
    expect(response.errors).toBeUndefined();
    const leases = await sql(
      `SELECT a.id, a.member_count IS NOT NULL AS with_household FROM attribution a
         JOIN vacancy v ON v.id = a.vacancy_id JOIN dwelling d ON d.id = v.dwelling_id
        WHERE v.status = 'LEASE_SIGNED' AND d.commune = '59350' ORDER BY a.id`,
    );
    expect(leases.length).toBeGreaterThan(1);
    expect(response.data?.vacancies.edges).toHaveLength(leases.length);
    expect(await logOf(requestId)).toEqual(
      leases.map((lease) => ({
        person: 'mel:test',
        partner: 'mel',
        partner_kind: 'EPCI',
        operation_name: 'LeasesOfLille',
        purpose: 'CAL preparation',
        record_type: 'Attribution',
        record_id: lease.id,
        fields: lease.with_household ? ['Attribution.demand', 'Attribution.household'] : ['Attribution.demand'],
      })),
    );
  });

  it('costs one insert whatever the number of records read', async () => {
    const run = (first: number) =>
      statements.measure(async () => {
        const response = await offers.query(demoViewer('mel'), LEASES, { first });
        expect(response.errors).toBeUndefined();
      });
    const [one, many] = [await run(1), await run(100)];
    expect(many).toBe(one);
    // Without nominative fields, the same page costs that insert (and the household-link check) less.
    const plain = await statements.measure(() =>
      offers.query(demoViewer('mel'), LEASES.replace('demand { id } household { priority }', 'leaseSignedOn'), {
        first: 100,
      }),
    );
    expect(plain).toBe(many - 2);
  });

  it('writes nothing for a read of non-nominative fields only (the landlord’s rent included)', async () => {
    const { viewer, requestId } = traced(demoViewer('vilogia'));
    const response = await offers.query(
      viewer,
      `{ vacancies(first: 50) { edges { node { id status transitions { status occurredOn }
        dwelling { rplsId rent charges internalNotes } attribution { id leaseSignedOn inQpv } } } } }`,
    );
    expect(response.data?.vacancies.edges.length).toBeGreaterThan(0);
    // The landlord did read rents (its own stock): reading them is not logged.
    expect(response.data?.vacancies.edges.some((edge: any) => edge.node.dwelling.rent !== null)).toBe(true);
    expect(await logOf(requestId)).toEqual([]);
  });

  it('writes nothing for a refused read, while its allowed twin is logged', async () => {
    const query = `query($id: ID!) { vacancy(id: $id) { attribution { demand { id } household { priority } } transitions { note } } }`;
    const subject = await subjectFor('Attribution.demand');
    for (const slug of ['siao-nord', 'observatoire-mel', 'dpo-mel']) {
      const { viewer, requestId } = traced(demoViewer(slug));
      const refused = await offers.query(viewer, query, { id: subject.id });
      expect(errorsOf(refused).length).toBeGreaterThan(1);
      expect(errorsOf(refused).every(([, code]) => code === 'FORBIDDEN')).toBe(true);
      expect(await logOf(requestId)).toEqual([]);
    }
    const { viewer, requestId } = traced(demoViewer('prefecture-nord'));
    await offers.query(viewer, query, { id: subject.id });
    expect((await logOf(requestId)).map((row) => [row.record_type, row.fields])).toEqual([
      ['Attribution', ['Attribution.demand', 'Attribution.household']],
    ]);
  });

  it('logs the notes of a vacancy’s steps against the vacancy, once', async () => {
    const subject = await subjectFor('VacancyTransition.note');
    const { viewer, requestId } = traced(demoViewer(subject.landlord));
    await offers.query(viewer, `query($id: ID!) { vacancy(id: $id) { transitions { status note } } }`, {
      id: subject.id,
    });
    expect((await logOf(requestId)).map((row) => [row.record_type, row.record_id, row.fields])).toEqual([
      ['Vacancy', subject.id, ['VacancyTransition.note']],
    ]);
  });

  it('logs the proposals of a demand against the demand, and each proposal’s nominative fields against it', async () => {
    const [row] = await sql(`SELECT p.demand_id, array_agg(p.id ORDER BY p.id) AS proposals FROM proposal p
      JOIN reservation_holder b ON b.id = p.designated_by_id AND b.slug = 'ville-de-lille'
      GROUP BY p.demand_id ORDER BY p.demand_id LIMIT 1`);
    const demand = { __typename: 'Demand', id: row.demand_id };
    const lille = demoViewer('ville-de-lille');
    const outcomes = traced(lille);
    await offers.query(
      outcomes.viewer,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Demand { proposals { id outcome } } } }`,
      { r: [demand] },
    );
    expect(await logOf(outcomes.requestId)).toEqual([
      expect.objectContaining({ record_type: 'Demand', record_id: row.demand_id, fields: ['Demand.proposals'] }),
    ]);
    const links = traced(lille);
    await offers.query(
      links.viewer,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Demand { proposals { id dalo demand { id } } } } }`,
      { r: [demand] },
    );
    expect((await logOf(links.requestId)).map((read) => [read.record_type, read.record_id, read.fields])).toEqual([
      ['Demand', row.demand_id, ['Demand.proposals']],
      ...row.proposals.map((id: string) => ['Proposal', id, ['Proposal.dalo', 'Proposal.demand']]),
    ]);
    // The same demand for an association: its proposals are filtered, and nothing is logged.
    const association = traced(demoViewer('siao-nord'));
    const filtered = await offers.query(
      association.viewer,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Demand { proposals { id } } } }`,
      { r: [demand] },
    );
    expect(filtered.data?._entities[0].proposals).toEqual([]);
    expect(await logOf(association.requestId)).toEqual([]);
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const { viewer, requestId } = traced(demoViewer('mel'));
    await offers.query(viewer, LEASES, { first: 1 });
    const before = await logOf(requestId);
    expect(before).toHaveLength(1);
    await expect(
      sql(`UPDATE nominative_read SET partner = 'nobody' WHERE request_id = $1`, [requestId]),
    ).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM nominative_read WHERE request_id = $1`, [requestId])).rejects.toThrow(/append-only/);
    await expect(sql(`TRUNCATE nominative_read`)).rejects.toThrow(/append-only/);
    expect(await logOf(requestId)).toEqual(before);
  });
});

describe('offersAuditLog', () => {
  const LOG = `query($filter: NominativeReadFilterInput, $first: Int, $after: String) {
    offersAuditLog(filter: $filter, first: $first, after: $after) {
      edges { node { id readAt person partner partnerKind recordType recordId fields } }
      pageInfo { hasNextPage endCursor }
    } }`;
  const RECORD = randomUUID();
  /** Log rows of the auditor's tests, written directly (INSERT is allowed), at known instants. */
  const ROWS: [partner: string, recordId: string, readAt: string][] = [
    ['audit-test-a', RECORD, '2024-01-10T09:00:00Z'],
    ['audit-test-a', randomUUID(), '2024-02-10T09:00:00Z'],
    ['audit-test-b', RECORD, '2024-03-10T09:00:00Z'],
    ['audit-test-b', randomUUID(), '2024-04-10T09:00:00Z'],
  ];
  beforeAll(async () => {
    for (const [partner, recordId, readAt] of ROWS) {
      await sql(
        `INSERT INTO nominative_read (read_at, person, partner, partner_kind, record_type, record_id, fields)
         VALUES ($1, $2, $2, 'LANDLORD', 'Attribution', $3, ARRAY['Attribution.demand'])`,
        [readAt, partner, recordId],
      );
    }
  });
  /** The oracle: the log's rows matching `where`, newest (highest log position) first. */
  const expectedIds = async (where: string, parameters: unknown[]) =>
    (
      await sql(`SELECT r.id::text AS position FROM nominative_read r WHERE ${where} ORDER BY r.id DESC`, parameters)
    ).map((row) => row.position as string);
  const idsOf = (response: GraphQLResponse) =>
    response.data?.offersAuditLog.edges.map((edge: any) => edge.node.id) as string[];
  const auditor = demoViewer('dpo-mel');

  it.each(['prefecture-nord', 'mel', 'vilogia', 'action-logement', 'siao-nord', 'observatoire-mel'])(
    'is FORBIDDEN to %s',
    async (slug) => {
      const denied = await offers.query(demoViewer(slug), LOG, {});
      expect(denied.data).toBeNull();
      expect(errorsOf(denied)).toEqual([['offersAuditLog', 'FORBIDDEN']]);
    },
  );

  it('is FORBIDDEN to anonymous callers, and open to the auditor', async () => {
    expect(errorsOf(await offers.query(ANONYMOUS, LOG, {}))).toEqual([['offersAuditLog', 'FORBIDDEN']]);
    const allowed = await offers.query(auditor, LOG, { filter: { partner: 'audit-test-a' } });
    expect(allowed.errors).toBeUndefined();
    expect(idsOf(allowed)).toEqual(await expectedIds(`partner = 'audit-test-a'`, []));
  });

  it('lists the whole log newest first, by log position, page after page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const response: GraphQLResponse = await offers.query(auditor, LOG, { first: 7, after });
      expect(response.errors).toBeUndefined();
      seen.push(...idsOf(response));
      after = response.data!.offersAuditLog.pageInfo.endCursor;
      if (!response.data!.offersAuditLog.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(await expectedIds('TRUE', []));
  });

  it.each([
    ['partner', { partner: 'audit-test-a' }, `partner = 'audit-test-a'`],
    ['record', { recordId: RECORD }, `record_id = '${RECORD}'`],
    [
      'period',
      { from: '2024-02-01T00:00:00Z', to: '2024-04-01T00:00:00Z' },
      `read_at >= '2024-02-01T00:00:00Z' AND read_at < '2024-04-01T00:00:00Z'`,
    ],
    [
      'partner, record and period together',
      { partner: 'audit-test-b', recordId: RECORD, from: '2024-03-01T00:00:00Z', to: '2024-03-31T00:00:00Z' },
      `partner = 'audit-test-b' AND record_id = '${RECORD}' AND read_at >= '2024-03-01T00:00:00Z' AND read_at < '2024-03-31T00:00:00Z'`,
    ],
  ])('filters by %s', async (_name, filter, where) => {
    const expected = await expectedIds(where, []);
    expect(expected.length).toBeGreaterThan(0);
    const response = await offers.query(auditor, LOG, { filter, first: 100 });
    expect(response.errors).toBeUndefined();
    expect(idsOf(response)).toEqual(expected);
  });

  it('shows the auditor who read which record, as the reads were logged', async () => {
    const subject = await subjectFor('Attribution.demand');
    const { viewer, requestId } = traced(demoViewer(subject.landlord));
    await offers.query(viewer, `query($id: ID!) { vacancy(id: $id) { attribution { id demand { id } } } }`, {
      id: subject.id,
    });
    const [logged] = await sql(`SELECT id::text, record_id FROM nominative_read WHERE request_id = $1`, [requestId]);
    const response = await offers.query(auditor, LOG, {
      filter: { partner: subject.landlord, recordId: logged.record_id },
      first: 100,
    });
    const read = response.data?.offersAuditLog.edges.find((edge: any) => edge.node.id === logged.id);
    expect(read?.node).toMatchObject({
      id: logged.id,
      person: `${subject.landlord}:test`,
      partner: subject.landlord,
      partnerKind: 'LANDLORD',
      recordType: 'Attribution',
      recordId: logged.record_id,
      fields: ['Attribution.demand'],
    });
  });
});
