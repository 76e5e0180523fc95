import { SENSITIVE_SCOPE } from '@passerelle/shared/access';
import { PARTNER_KINDS, type Viewer } from '@passerelle/shared/identity';
import { demoViewer, openSeededSubgraph, type SeededSubgraph, type SubgraphClient } from '@passerelle/shared/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDemandsDataSource } from '../src/data-source';
import { seedDemoRegister } from '../src/seed/demo-seed';
import { buildDemandsServer } from '../src/server';

/**
 * Field-level privacy of the demands subgraph (issue 8) on the seeded register: analysts read
 * pseudonymised records, sensitive fields need the read:sensitive scope, and every read of a
 * nominative field leaves exactly one row per record in the append-only log, which only the
 * auditor reads. Expectations are written from the README table, values read back with SQL.
 */
let subject: SeededSubgraph;
let db: DataSource;
let demands: SubgraphClient;

const mel = demoViewer('mel'); // EPCI of the MEL
const analyst = demoViewer('observatoire-mel'); // ANALYST, the MEL
const auditor = demoViewer('dpo-mel'); // AUDITOR
const vilogia = demoViewer('vilogia'); // LANDLORD, the MEL
const vilogiaSensitive = demoViewer('vilogia', [SENSITIVE_SCOPE]);

/** A demand of the MEL made to carry every sensitive item, and one outside Lille (59350). */
let sensitiveId: string;
let sensitiveNur: string;
let outsideId: string;

beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'demands',
    createDataSource: createDemandsDataSource,
    seed: seedDemoRegister,
    buildApp: buildDemandsServer,
    demands: 120,
  });
  ({ db, client: demands } = subject);
  [{ id: sensitiveId, nur: sensitiveNur }] = await db.query(
    `SELECT id, nur FROM demand WHERE '200093201' = ANY(territory_codes) AND kind = 'TRANSFER' ORDER BY id LIMIT 1`,
  );
  await db.query(
    `UPDATE demand SET motives = ARRAY['DOMESTIC_VIOLENCE', 'TOO_SMALL'], disability_adaptations = ARRAY['WHEELCHAIR_ACCESSIBLE'],
            disability_detail = 'Hémiplégie, fauteuil', suspected_duplicate = true,
            transfer_difficulties = ARRAY['DOMESTIC_VIOLENCE']
      WHERE id = $1`,
    [sensitiveId],
  );
  [{ id: outsideId }] = await db.query(
    `SELECT id FROM demand WHERE NOT ('59350' = ANY(territory_codes)) ORDER BY id LIMIT 1`,
  );
});
afterAll(() => subject?.close());

const ONE = `query One($id: ID!) {
  demand(id: $id) {
    id status pseudonym nur applicant { familyName } persons { givenName } contact { phone } assistedBy { name }
    household { size } resources { annualTaxableIncome } motives transferDifficulties
    disability { adaptations detail } suspectedDuplicate
  }
}`;

const forbiddenPaths = (response: { errors?: readonly any[] }) =>
  (response.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => e.path.join('.'));

const auditRows = (recordId: string) =>
  db.query(
    `SELECT person, partner, partner_kind, operation_name, purpose, request_id, record_type, record_id, fields
       FROM nominative_read WHERE record_id = $1 ORDER BY id`,
    [recordId],
  );

describe('analysts read pseudonymised records', () => {
  it('gets the non-identifying fields and a pseudonym; NUR, names, contacts, free text are null with FORBIDDEN', async () => {
    const response = await demands.query(analyst, ONE, { id: sensitiveId });
    const demand = response.data?.demand;
    expect(demand).toMatchObject({ id: sensitiveId, household: { size: expect.any(Number) } });
    expect(demand.pseudonym).toMatch(/^PSN-[A-Za-z0-9_-]{22}$/);
    for (const field of ['nur', 'applicant', 'persons', 'contact', 'assistedBy', 'suspectedDuplicate']) {
      expect(demand[field]).toBeNull();
    }
    expect(demand.disability).toEqual({ adaptations: ['WHEELCHAIR_ACCESSIBLE'], detail: null });
    // The sensitive motive is left out of the list, the others stay.
    expect(demand.motives).toEqual(['TOO_SMALL']);
    expect(demand.transferDifficulties).toEqual([]);
    expect(forbiddenPaths(response).sort()).toEqual(
      [
        'demand.applicant',
        'demand.assistedBy',
        'demand.contact',
        'demand.disability.detail',
        'demand.nur',
        'demand.persons',
        'demand.suspectedDuplicate',
      ].sort(),
    );
  });

  it('gets a pseudonym stable for its team, different for another partner, that does not contain the NUR', async () => {
    const first = (await demands.query(analyst, ONE, { id: sensitiveId })).data?.demand.pseudonym;
    const again = (await demands.query(analyst, ONE, { id: sensitiveId })).data?.demand.pseudonym;
    const otherTeam = (await demands.query(mel, ONE, { id: sensitiveId })).data?.demand.pseudonym;
    expect(again).toBe(first);
    expect(otherTeam).not.toBe(first);
    expect(first).not.toContain(sensitiveNur);
    expect(first).not.toContain(sensitiveNur.replaceAll('-', ''));
  });

  it('answers a demand outside its territories exactly as an absent one', async () => {
    // Every demo demand lies in the MEL: an analyst team of the city of Lille alone is the subject here.
    const lilleAnalyst = { ...analyst, territories: ['59350'] } as Viewer;
    const hidden = await demands.query(lilleAnalyst, ONE, { id: outsideId });
    const absent = await demands.query(lilleAnalyst, ONE, { id: randomUUID() });
    expect(hidden).toEqual(absent);
    expect(hidden.data).toEqual({ demand: null });
  });

  it('reads no CAL decision in a timeline (governance’s nominative data), while the EPCI does', async () => {
    const [{ demand_id: id }] = await db.query(
      `SELECT demand_id FROM demand_event WHERE type = 'CAL_DECISION' ORDER BY demand_id LIMIT 1`,
    );
    const TIMELINE = `query($id: ID!) { demand(id: $id) { timeline { type calDecision ineligibilityGround } } }`;
    const refused = await demands.query(analyst, TIMELINE, { id });
    const events = refused.data?.demand.timeline as { type: string; calDecision: string | null }[];
    expect(events.some((event) => event.type === 'CAL_DECISION')).toBe(true);
    expect(events.every((event) => event.calDecision === null)).toBe(true);
    expect(new Set(forbiddenPaths(refused).map((path) => path.replace(/\.\d+\./, '.N.')))).toEqual(
      new Set(['demand.timeline.N.calDecision', 'demand.timeline.N.ineligibilityGround']),
    );
    const allowed = await demands.query(mel, TIMELINE, { id });
    expect(allowed.errors).toBeUndefined();
    const decided = allowed.data?.demand.timeline.find((event: { type: string }) => event.type === 'CAL_DECISION');
    expect(decided.calDecision).toEqual(expect.any(String));
  });

  it('reads no follow-up alerts (the desks’ work list), while the EPCI does', async () => {
    const query = `{ demandAlerts(first: 1) { totalCount } }`;
    expect((await demands.query(analyst, query)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await demands.query(mel, query)).data?.demandAlerts.totalCount).toBeGreaterThan(0);
  });
});

describe('sensitive fields need the read:sensitive scope on top of the role', () => {
  it('hides disability details, the NIR-derived duplicate flag and violence from a landlord without it', async () => {
    const response = await demands.query(vilogia, ONE, { id: sensitiveId });
    const demand = response.data?.demand;
    expect(demand.nur).toBe(sensitiveNur);
    expect(demand.disability).toEqual({ adaptations: ['WHEELCHAIR_ACCESSIBLE'], detail: null });
    expect(demand.suspectedDuplicate).toBeNull();
    expect(demand.motives).toEqual(['TOO_SMALL']);
    expect(demand.transferDifficulties).toEqual([]);
    expect(forbiddenPaths(response).sort()).toEqual(['demand.disability.detail', 'demand.suspectedDuplicate']);
  });

  it('shows them to the same landlord with the scope', async () => {
    const response = await demands.query(vilogiaSensitive, ONE, { id: sensitiveId });
    expect(response.errors).toBeUndefined();
    expect(response.data?.demand).toMatchObject({
      disability: { adaptations: ['WHEELCHAIR_ACCESSIBLE'], detail: 'Hémiplégie, fauteuil' },
      suspectedDuplicate: true,
      motives: ['DOMESTIC_VIOLENCE', 'TOO_SMALL'],
      transferDifficulties: ['DOMESTIC_VIOLENCE'],
    });
  });

  it('withholds the health values of motives and transfer difficulties the same way', async () => {
    const [{ id }] = await db.query(
      `SELECT id FROM demand WHERE '200093201' = ANY(territory_codes) AND kind = 'TRANSFER' ORDER BY id OFFSET 1 LIMIT 1`,
    );
    await db.query(
      `UPDATE demand SET motives = ARRAY['UNSUITED_TO_DISABILITY', 'HOSTED'],
              transfer_difficulties = ARRAY['HEALTH_OR_DISABILITY_MISMATCH', 'UNDER_OCCUPATION'] WHERE id = $1`,
      [id],
    );
    const LISTS = `query($id: ID!) { demand(id: $id) { motives transferDifficulties } }`;
    expect((await demands.query(vilogia, LISTS, { id })).data?.demand).toEqual({
      motives: ['HOSTED'],
      transferDifficulties: ['UNDER_OCCUPATION'],
    });
    expect((await demands.query(vilogiaSensitive, LISTS, { id })).data?.demand).toEqual({
      motives: ['UNSUITED_TO_DISABILITY', 'HOSTED'],
      transferDifficulties: ['HEALTH_OR_DISABILITY_MISMATCH', 'UNDER_OCCUPATION'],
    });
  });

  it('never shows them to an analyst, even with the scope', async () => {
    const response = await demands.query(demoViewer('observatoire-mel', [SENSITIVE_SCOPE]), ONE, { id: sensitiveId });
    expect(response.data?.demand.disability.detail).toBeNull();
    expect(response.data?.demand.motives).toEqual(['TOO_SMALL']);
  });
});

describe('filters on sensitive fields need what reading them needs', () => {
  const LIST = `query($filter: DemandFilter) { demands(filter: $filter, first: 100) { totalCount edges { node { id } } } }`;

  it.each([
    ['suspected duplicates', { suspectedDuplicate: true }],
    ['not suspected duplicates', { suspectedDuplicate: false }],
    ['transfers for domestic violence', { transferDifficulty: 'DOMESTIC_VIOLENCE' }],
  ])('refuses to list %s without the scope, and to analysts; lists them with it', async (_, filter) => {
    for (const viewer of [vilogia, analyst, demoViewer('observatoire-mel', [SENSITIVE_SCOPE])]) {
      const refused = await demands.query(viewer, LIST, { filter });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toMatch(/Filtering on it tells as much as reading it/);
      expect(refused.data).toBeNull();
    }
    const allowed = await demands.query(vilogiaSensitive, LIST, { filter });
    expect(allowed.errors).toBeUndefined();
    const ids = allowed.data?.demands.edges.map((edge: any) => edge.node.id);
    if ('suspectedDuplicate' in filter && filter.suspectedDuplicate) expect(ids).toContain(sensitiveId);
    if ('transferDifficulty' in filter) expect(ids).toContain(sensitiveId);
  });

  it('lets anyone reaching the register filter on a transfer difficulty that is not sensitive', async () => {
    const response = await demands.query(analyst, LIST, { filter: { transferDifficulty: 'UNDER_OCCUPATION' } });
    expect(response.errors).toBeUndefined();
  });
});

describe('the log of nominative reads', () => {
  it('logs one row naming the record, the nominative fields read, the person, partner, operation and purpose', async () => {
    const [{ id }] = await db.query(
      `SELECT id FROM demand WHERE '200093201' = ANY(territory_codes) ORDER BY id OFFSET 5 LIMIT 1`,
    );
    const requestId = randomUUID();
    const traced: Viewer = {
      ...mel,
      trace: { requestId, operationName: 'PrepareCal', purpose: 'CAL du 3 décembre' },
    } as Viewer;
    const response = await demands.query(
      traced,
      `query($id: ID!) { demand(id: $id) { nur applicant { familyName } status } }`,
      { id },
    );
    expect(response.errors).toBeUndefined();
    expect(await auditRows(id)).toEqual([
      {
        person: 'mel:test',
        partner: 'mel',
        partner_kind: 'EPCI',
        operation_name: 'PrepareCal',
        purpose: 'CAL du 3 décembre',
        request_id: requestId,
        record_type: 'Demand',
        record_id: id,
        fields: ['Demand.applicant', 'Demand.nur'],
      },
    ]);
  });

  it('logs nothing for non-nominative fields, nor for a refused read', async () => {
    const [{ id }] = await db.query(
      `SELECT id FROM demand WHERE '200093201' = ANY(territory_codes) ORDER BY id OFFSET 6 LIMIT 1`,
    );
    await demands.query(mel, `query($id: ID!) { demand(id: $id) { status household { size } pseudonym } }`, { id });
    await demands.query(analyst, `query($id: ID!) { demand(id: $id) { nur applicant { familyName } } }`, { id });
    expect(await auditRows(id)).toEqual([]);
  });

  it('logs a sensitive read against the demand that holds it', async () => {
    await demands.query(vilogiaSensitive, `query($id: ID!) { demand(id: $id) { disability { detail } } }`, {
      id: sensitiveId,
    });
    const rows = await auditRows(sensitiveId);
    expect(rows.at(-1)).toMatchObject({ partner: 'vilogia', record_type: 'Demand', fields: ['Disability.detail'] });
  });

  it('logs a page of 50 demands as 50 rows written by one statement', async () => {
    const before = Number((await db.query(`SELECT count(*) FROM nominative_read`))[0].count);
    const page = `{ demands(first: 50) { edges { node { id nur } } } }`;
    let ids: string[] = [];
    const statements = await subject.statements.measure(async () => {
      ids = (await demands.query(mel, page)).data?.demands.edges.map((edge: any) => edge.node.id);
    });
    expect(ids).toHaveLength(50);
    const after = Number((await db.query(`SELECT count(*) FROM nominative_read`))[0].count);
    expect(after - before).toBe(50);
    const logged = await db.query(`SELECT record_id FROM nominative_read ORDER BY id DESC LIMIT 50`);
    expect(logged.map((row: { record_id: string }) => row.record_id).sort()).toEqual([...ids].sort());
    // The page, and one insert for the whole log: no statement per demand.
    expect(statements).toBe(2);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(db.query(`UPDATE nominative_read SET partner = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM nominative_read`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE nominative_read`)).rejects.toThrow(/append-only/);
  });
});

describe('demandsAuditLog', () => {
  const LOG = `query($filter: NominativeReadFilterInput, $first: Int, $after: String) {
    demandsAuditLog(filter: $filter, first: $first, after: $after) {
      edges { cursor node { id partner partnerKind person recordType recordId fields readAt } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  it.each(PARTNER_KINDS.filter((kind) => kind !== 'AUDITOR'))('is refused to %s with FORBIDDEN', async (kind) => {
    const viewer = { ...mel, kind } as Viewer;
    const response = await demands.query(viewer, LOG, {});
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(response.data).toBeNull();
  });

  it('gives the auditor the reads of one record, newest first, paginated', async () => {
    await demands.query(mel, ONE, { id: sensitiveId });
    await demands.query(vilogia, ONE, { id: sensitiveId });
    const expected = await db.query(
      `SELECT id, partner, record_id FROM nominative_read WHERE record_id = $1 ORDER BY id DESC`,
      [sensitiveId],
    );
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const first = await demands.query(auditor, LOG, { filter: { recordId: sensitiveId }, first: 1 });
    expect(first.errors).toBeUndefined();
    expect(first.data?.demandsAuditLog.edges.map((edge: any) => edge.node.partner)).toEqual([expected[0].partner]);
    expect(first.data?.demandsAuditLog.pageInfo.hasNextPage).toBe(true);
    const rest = await demands.query(auditor, LOG, {
      filter: { recordId: sensitiveId },
      first: 100,
      after: first.data?.demandsAuditLog.pageInfo.endCursor,
    });
    expect(rest.data?.demandsAuditLog.edges.map((edge: any) => edge.node.partner)).toEqual(
      expected.slice(1).map((row: { partner: string }) => row.partner),
    );
  });

  it('filters by partner and by period', async () => {
    const byPartner = await demands.query(auditor, LOG, { filter: { partner: 'vilogia' }, first: 100 });
    const partners = new Set(byPartner.data?.demandsAuditLog.edges.map((edge: any) => edge.node.partner));
    expect([...partners]).toEqual(['vilogia']);
    const future = await demands.query(auditor, LOG, { filter: { from: '2999-01-01T00:00:00Z' } });
    expect(future.data?.demandsAuditLog.edges).toEqual([]);
    const past = await demands.query(auditor, LOG, { filter: { to: '2000-01-01T00:00:00Z' } });
    expect(past.data?.demandsAuditLog.edges).toEqual([]);
  });

  it.each([
    [{ filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }, 'filter.from'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ after: Buffer.from('[-1]').toString('base64url') }, 'after'],
    [{ first: 0 }, 'first'],
  ])('refuses %j with BAD_USER_INPUT naming %s', async (variables, field) => {
    const response = await demands.query(auditor, LOG, variables);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.field).toBe(field);
  });
});
