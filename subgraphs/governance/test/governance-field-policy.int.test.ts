import { randomUUID } from 'node:crypto';
import { SENSITIVE_SCOPE } from '@passerelle/shared/access';
import type { StatementCounter } from '@passerelle/shared/database';
import { demoId, TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { ANONYMOUS, type RequestTrace, type Viewer } from '@passerelle/shared/identity';
import {
  type GraphQLResponse,
  type SeededSubgraph,
  type SubgraphClient,
  demoViewer,
  openSeededSubgraph,
} from '@passerelle/shared/testing';
import type { DataSource } from 'typeorm';
import { createGovernanceDataSource } from '../src/data-source';
import { seedDemoGovernance } from '../src/seed/demo-seed';
import { buildGovernanceServer } from '../src/server';

/**
 * The field policy of governance (`GOVERNANCE_FIELD_POLICY`) through the subgraph's HTTP app on the
 * seeded database: every restricted field refused (null with FORBIDDEN at its path, the rest of the
 * response intact) and its allowed twin, and the log of nominative reads those requests leave.
 * Expected values come from SQL on the seeded tables and from the README's policy table, never from
 * the policy code.
 */
let db: DataSource;
let statements: StatementCounter;
let governance: SubgraphClient;

const CAL_VILOGIA = demoId('body', 'cal:vilogia');

type PartnerViewer = Extract<Viewer, { authenticated: true }>;

/** A person acting for a demo partner, with the given token `sub`, scopes and request trace. */
const person = (slug: string, sub: string, scopes: string[] = [], trace?: RequestTrace): Viewer => ({
  ...(demoViewer(slug, scopes) as PartnerViewer),
  sub,
  ...(trace ? { trace } : {}),
});

/** Ids of seeded records the tests read, found by SQL in beforeAll. */
const seeded = { caseMeeting: '', occupancyMeeting: '', plannedMeeting: '' };

let subject: SeededSubgraph;
beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'governance',
    createDataSource: createGovernanceDataSource,
    seed: seedDemoGovernance,
    buildApp: (options) =>
      buildGovernanceServer({ ...options, now: () => new Date(`${TEST_REFERENCE_DATE}T10:00:00Z`) }),
    demands: 400,
  });
  ({ db, statements, client: governance } = subject);
  // The observatory and the data-protection officer sit in Vilogia's CAL (consultative): their seat
  // lists them neither the case files nor any household field (they read no nominative data,
  // whatever their seat).
  for (const slug of ['observatoire-mel', 'dpo-mel']) {
    await db.query(
      `INSERT INTO body_member (body_id, partner_id, role, chair) VALUES ($1, $2, 'CONSULTATIVE', false)`,
      [CAL_VILOGIA, demoId('partner', slug)],
    );
  }
  // The held meeting of Vilogia's CAL with the most decided case reviews (and its minutes).
  [{ id: seeded.caseMeeting }] = await db.query(
    `SELECT m.id FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id JOIN cal_decision d ON d.agenda_item_id = a.id
      WHERE m.body_id = $1 AND m.status = 'HELD' AND m.minutes IS NOT NULL
      GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT 1`,
    [CAL_VILOGIA],
  );
  // A held meeting of the same CAL with an occupancy review whose opinion is recorded.
  [{ id: seeded.occupancyMeeting }] = await db.query(
    `SELECT m.id FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id
      WHERE m.body_id = $1 AND m.status = 'HELD' AND a.kind = 'OCCUPANCY_REVIEW' AND a.opinion IS NOT NULL
      ORDER BY m.date DESC, m.id LIMIT 1`,
    [CAL_VILOGIA],
  );
  [{ id: seeded.plannedMeeting }] = await db.query(
    `SELECT id FROM meeting WHERE body_id = $1 AND status = 'PLANNED' AND minutes IS NULL ORDER BY date, id LIMIT 1`,
    [CAL_VILOGIA],
  );
});
afterAll(() => subject?.close());

// ── helpers ─────────────────────────────────────────────────────────────────────────────────

const sql = (query: string, parameters: unknown[] = []): Promise<any[]> => db.query(query, parameters);

/** The errors of a response as [code, path], sorted. */
const errorsOf = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => [error.extensions?.code, error.path?.join('.')]).sort();

interface LoggedRead {
  person: string;
  partner: string;
  partner_kind: string;
  operation_name: string | null;
  purpose: string | null;
  request_id: string | null;
  record_type: string;
  record_id: string;
  fields: string[];
}

/** Runs a request and returns its response with the rows it added to the log of nominative reads. */
async function reading(viewer: Viewer, query: string, variables: Record<string, unknown> = {}) {
  const [{ last }] = await sql(`SELECT coalesce(max(id), 0)::bigint::text AS last FROM nominative_read`);
  const response = await governance.query(viewer, query, variables);
  const logged: LoggedRead[] = await sql(
    `SELECT person, partner, partner_kind, operation_name, purpose, request_id, record_type, record_id, fields
       FROM nominative_read WHERE id > $1 ORDER BY record_type, record_id`,
    [last],
  );
  return { response, logged };
}

/** What a log row holds for a read by `viewer` (without a request trace) of `fields` of a record. */
const loggedFor = (viewer: Viewer, recordType: string, recordId: string, fields: string[]): LoggedRead => {
  const reader = viewer as PartnerViewer;
  return {
    person: reader.sub,
    partner: reader.partner,
    partner_kind: reader.kind,
    operation_name: reader.trace?.operationName ?? null,
    purpose: reader.trace?.purpose ?? null,
    request_id: reader.trace?.requestId ?? null,
    record_type: recordType,
    record_id: recordId,
    fields: [...fields].sort(),
  };
};

const byRecord = (rows: LoggedRead[]) => [...rows].sort((a, b) => a.record_id.localeCompare(b.record_id));

// ── CAL decisions ───────────────────────────────────────────────────────────────────────────

describe('CalDecision: the decision about a candidate household', () => {
  const DECISIONS = `query($meeting: ID!) { calDecisions(first: 100, filter: { meeting: $meeting }) {
    edges { node { id type rank motive motiveCode condition { document } decidedOn demand { id } offerStatus offerAnswer { answer } } } } }`;

  async function decisionsOf(meetingId: string) {
    return sql(
      `SELECT d.id, d.type, d.rank, d.motive, d.motive_code, d.condition_document, d.demand_id, o.answer
         FROM cal_decision d LEFT JOIN offer_answer o ON o.cal_decision_id = d.id
        WHERE d.meeting_id = $1 ORDER BY d.decided_on DESC, d.id DESC`,
      [meetingId],
    );
  }

  it('is read by the CAL’s landlord, each decision logged once with the nominative fields it held, who read it and why', async () => {
    const trace = { requestId: randomUUID(), operationName: 'CalPreparation', purpose: 'Préparation de la CAL' };
    const agent = person('vilogia', 'vilogia:agent-7', [], trace);
    const { response, logged } = await reading(agent, DECISIONS, { meeting: seeded.caseMeeting });
    expect(response.errors).toBeUndefined();
    const rows = await decisionsOf(seeded.caseMeeting);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const nodes = response.data!.calDecisions.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => [node.id, node.type, node.rank, node.motive, node.demand.id])).toEqual(
      rows.map((row) => [row.id, row.type, row.rank, row.motive, row.demand_id]),
    );
    // Only the fields that held a value are logged (a null rank or motive says nothing).
    const present = (row: any): string[] =>
      [
        ['CalDecision.type', row.type],
        ['CalDecision.demand', row.demand_id],
        ['CalDecision.rank', row.rank],
        ['CalDecision.motive', row.motive],
        ['CalDecision.motiveCode', row.motive_code],
        ['CalDecision.condition', row.condition_document],
        ['CalDecision.offerAnswer', row.answer],
        ['CalDecision.offerStatus', nodes.find((node: any) => node.id === row.id).offerStatus],
      ]
        .filter(([, value]) => value !== null)
        .map(([field]) => field as string);
    expect(byRecord(logged)).toEqual(
      byRecord(rows.map((row) => loggedFor(agent, 'CalDecision', row.id, present(row)))),
    );
    expect(logged[0]).toMatchObject({ operation_name: 'CalPreparation', purpose: 'Préparation de la CAL' });
  });

  it('logs nothing when only where and when are read (id, date, meeting, vacancy, commune)', async () => {
    const query = `query($meeting: ID!) { calDecisions(first: 100, filter: { meeting: $meeting }) {
      edges { node { id decidedOn meeting { id } vacancy { id } commune { code } } } } }`;
    const { response, logged } = await reading(demoViewer('vilogia'), query, { meeting: seeded.caseMeeting });
    expect(response.errors).toBeUndefined();
    expect(response.data!.calDecisions.edges.length).toBeGreaterThanOrEqual(3);
    expect(logged).toEqual([]);
  });

  it('is out of reach of an analyst or the auditor sitting in the CAL (no case file listed to them, nothing logged), while the landlord reads them', async () => {
    const query = `query($id: ID!) { meeting(id: $id) { id agenda { id kind decision { id type } } } }`;
    const decided = await sql(
      `SELECT a.id AS item, d.id, d.type FROM agenda_item a JOIN cal_decision d ON d.agenda_item_id = a.id WHERE a.meeting_id = $1`,
      [seeded.caseMeeting],
    );
    expect(decided.length).toBeGreaterThan(0);
    for (const slug of ['observatoire-mel', 'dpo-mel']) {
      const { response, logged } = await reading(demoViewer(slug), query, { id: seeded.caseMeeting });
      expect(response.errors).toBeUndefined();
      const agenda = response.data!.meeting.agenda;
      expect(agenda.filter((item: any) => item.kind === 'CASE_REVIEW')).toEqual([]);
      expect(agenda.every((item: any) => item.decision === null)).toBe(true);
      expect(logged).toEqual([]);
    }
    const twin = await reading(demoViewer('vilogia'), query, { id: seeded.caseMeeting });
    expect(twin.response.errors).toBeUndefined();
    const decisions = twin.response.data!.meeting.agenda.filter((item: any) => item.decision);
    expect(decisions.map((item: any) => [item.id, item.decision.id, item.decision.type]).sort()).toEqual(
      decided.map((row) => [row.item, row.id, row.type]).sort(),
    );
    expect(twin.logged.map((row) => [row.record_id, row.fields])).toEqual(
      decided.map((row) => [row.id, ['CalDecision.type']]).sort((a, b) => a[0].localeCompare(b[0])),
    );
  });
});

// ── case files on an agenda ─────────────────────────────────────────────────────────────────

describe('AgendaItem: the household of a case review', () => {
  const AGENDA = `query($id: ID!) { meeting(id: $id) { id date agenda { id position kind title demand { id } daloDesignatedByState } } }`;

  const itemsOf = (meetingId: string) =>
    sql(
      `SELECT id, position, kind, title, demand_id, dalo_designated_by_state AS dalo FROM agenda_item
        WHERE meeting_id = $1 ORDER BY position`,
      [meetingId],
    );

  it.each(['observatoire-mel', 'dpo-mel'])(
    'lists %s, seated in the CAL, no case file (each is about one household): the other items only, their household fields refused, nothing logged',
    async (slug) => {
      const items = await itemsOf(seeded.caseMeeting);
      expect(items.some((item) => item.kind === 'CASE_REVIEW')).toBe(true);
      const others = items.filter((item) => !['CASE_REVIEW', 'OCCUPANCY_REVIEW'].includes(item.kind));
      const { response, logged } = await reading(demoViewer(slug), AGENDA, { id: seeded.caseMeeting });
      expect(errorsOf(response)).toEqual(
        others
          .flatMap((_, index) => [
            ['FORBIDDEN', `meeting.agenda.${index}.demand`],
            ['FORBIDDEN', `meeting.agenda.${index}.daloDesignatedByState`],
          ])
          .sort(),
      );
      expect(response.data!.meeting.agenda).toEqual(
        others.map((item) => ({
          id: item.id,
          position: item.position,
          kind: item.kind,
          title: item.title,
          demand: null,
          daloDesignatedByState: null,
        })),
      );
      expect(logged).toEqual([]);
    },
  );

  it('gives them to the CAL’s landlord (the allowed twin), logging each case review once', async () => {
    const items = await itemsOf(seeded.caseMeeting);
    const cases = items.filter((item) => item.kind === 'CASE_REVIEW');
    expect(cases.length).toBeGreaterThanOrEqual(3);
    const landlord = demoViewer('vilogia');
    const { response, logged } = await reading(landlord, AGENDA, { id: seeded.caseMeeting });
    expect(response.errors).toBeUndefined();
    expect(response.data!.meeting.agenda).toEqual(
      items.map((item) => ({
        id: item.id,
        position: item.position,
        kind: item.kind,
        title: item.title,
        demand: item.demand_id && { id: item.demand_id },
        // A case review says whether its household is a DALO one designated by the State; other items say nothing.
        daloDesignatedByState: item.kind === 'CASE_REVIEW' ? item.dalo : null,
      })),
    );
    expect(byRecord(logged)).toEqual(
      byRecord(
        cases.map((item) =>
          loggedFor(landlord, 'AgendaItem', item.id, ['AgendaItem.daloDesignatedByState', 'AgendaItem.demand']),
        ),
      ),
    );
  });

  it('lists no case file to a landlord that does not sit in the CAL (filtered, not refused), and logs nothing', async () => {
    const items = await itemsOf(seeded.caseMeeting);
    const { response, logged } = await reading(demoViewer('lille-metropole-habitat'), AGENDA, {
      id: seeded.caseMeeting,
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.meeting.agenda.map((item: any) => item.id)).toEqual(
      items.filter((item) => item.kind !== 'CASE_REVIEW' && item.kind !== 'OCCUPANCY_REVIEW').map((item) => item.id),
    );
    expect(logged).toEqual([]);
  });
});

describe('AgendaItem: the occupancy review of a tenant household (sensitive)', () => {
  const OCCUPANCY = `query($id: ID!) { meeting(id: $id) { id agenda { id kind dwelling { id } occupancySituation opinion } } }`;

  const itemsOf = (meetingId: string) =>
    sql(
      `SELECT id, kind, dwelling_id, occupancy_situation, opinion FROM agenda_item WHERE meeting_id = $1 ORDER BY position`,
      [meetingId],
    );

  it('refuses the situation and the opinion to the landlord’s person without the read:sensitive scope, the dwelling given and logged', async () => {
    const items = await itemsOf(seeded.occupancyMeeting);
    const reviews = items.filter((item) => item.kind === 'OCCUPANCY_REVIEW');
    expect(reviews.length).toBeGreaterThan(0);
    const clerk = person('vilogia', 'vilogia:clerk', []);
    const { response, logged } = await reading(clerk, OCCUPANCY, { id: seeded.occupancyMeeting });
    expect(errorsOf(response)).toEqual(
      items
        .flatMap((_, index) => [
          ['FORBIDDEN', `meeting.agenda.${index}.occupancySituation`],
          ['FORBIDDEN', `meeting.agenda.${index}.opinion`],
        ])
        .sort(),
    );
    expect(response.errors!.find((error) => error.path?.at(-1) === 'opinion')!.message).toContain(SENSITIVE_SCOPE);
    expect(response.data!.meeting.agenda).toEqual(
      items.map((item) => ({
        id: item.id,
        kind: item.kind,
        dwelling: item.dwelling_id && { id: item.dwelling_id },
        occupancySituation: null,
        opinion: null,
      })),
    );
    expect(byRecord(logged)).toEqual(
      byRecord(reviews.map((item) => loggedFor(clerk, 'AgendaItem', item.id, ['AgendaItem.dwelling']))),
    );
  });

  it('gives them with the scope (the allowed twin), logging the sensitive fields read', async () => {
    const items = await itemsOf(seeded.occupancyMeeting);
    const reviews = items.filter((item) => item.kind === 'OCCUPANCY_REVIEW');
    const officer = person('vilogia', 'vilogia:occupancy-officer', [SENSITIVE_SCOPE]);
    const { response, logged } = await reading(officer, OCCUPANCY, { id: seeded.occupancyMeeting });
    expect(response.errors).toBeUndefined();
    expect(response.data!.meeting.agenda).toEqual(
      items.map((item) => ({
        id: item.id,
        kind: item.kind,
        dwelling: item.dwelling_id && { id: item.dwelling_id },
        occupancySituation: item.occupancy_situation,
        opinion: item.opinion,
      })),
    );
    expect(byRecord(logged)).toEqual(
      byRecord(
        reviews.map((item) =>
          loggedFor(
            officer,
            'AgendaItem',
            item.id,
            ['AgendaItem.dwelling', 'AgendaItem.occupancySituation', 'AgendaItem.opinion'].filter(
              (field) => field !== 'AgendaItem.opinion' || item.opinion !== null,
            ),
          ),
        ),
      ),
    );
  });

  it('lists no occupancy review to an analyst seated in the CAL, even with the scope, logging nothing', async () => {
    const items = await itemsOf(seeded.occupancyMeeting);
    expect(items.some((item) => item.kind === 'OCCUPANCY_REVIEW')).toBe(true);
    const others = items.filter((item) => !['CASE_REVIEW', 'OCCUPANCY_REVIEW'].includes(item.kind));
    const analyst = person('observatoire-mel', 'observatoire-mel:test', [SENSITIVE_SCOPE]);
    const { response, logged } = await reading(analyst, OCCUPANCY, { id: seeded.occupancyMeeting });
    expect(errorsOf(response)).toEqual(
      others
        .flatMap((_, index) =>
          ['dwelling', 'occupancySituation', 'opinion'].map((field) => [
            'FORBIDDEN',
            `meeting.agenda.${index}.${field}`,
          ]),
        )
        .sort(),
    );
    expect(response.data!.meeting.agenda.map((item: any) => [item.id, item.kind])).toEqual(
      others.map((item) => [item.id, item.kind]),
    );
    expect(logged).toEqual([]);
  });
});

// ── minutes ─────────────────────────────────────────────────────────────────────────────────

describe('Meeting.minutes: for the members of the body', () => {
  const MINUTES = `query($id: ID!) { meeting(id: $id) { id date status minutes } }`;

  it('refuses another landlord (not seated) with FORBIDDEN at meeting.minutes, the meeting intact, nothing logged', async () => {
    const [row] = await sql(`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM meeting WHERE id = $1`, [
      seeded.caseMeeting,
    ]);
    const { response, logged } = await reading(demoViewer('lille-metropole-habitat'), MINUTES, {
      id: seeded.caseMeeting,
    });
    expect(errorsOf(response)).toEqual([['FORBIDDEN', 'meeting.minutes']]);
    expect(response.errors![0]!.message).toContain('members of the body');
    expect(response.data).toEqual({
      meeting: { id: seeded.caseMeeting, date: row.date, status: 'HELD', minutes: null },
    });
    expect(logged).toEqual([]);
  });

  it('refuses the analyst although seated (its kind reads no nominative data), nothing logged', async () => {
    const { response, logged } = await reading(demoViewer('observatoire-mel'), MINUTES, { id: seeded.caseMeeting });
    expect(errorsOf(response)).toEqual([['FORBIDDEN', 'meeting.minutes']]);
    expect(response.data!.meeting).toMatchObject({ id: seeded.caseMeeting, status: 'HELD', minutes: null });
    expect(logged).toEqual([]);
  });

  it('gives them to a member (the allowed twin), logged once against the meeting', async () => {
    const [{ minutes }] = await sql(`SELECT minutes FROM meeting WHERE id = $1`, [seeded.caseMeeting]);
    expect(minutes).toBeTruthy();
    const member = demoViewer('ville-de-lille'); // a voting member of Vilogia's CAL
    const { response, logged } = await reading(member, MINUTES, { id: seeded.caseMeeting });
    expect(response.errors).toBeUndefined();
    expect(response.data!.meeting.minutes).toBe(minutes);
    expect(logged).toEqual([loggedFor(member, 'Meeting', seeded.caseMeeting, ['Meeting.minutes'])]);
  });

  it('gives null to a member before they are recorded, without an error and without a log row', async () => {
    const { response, logged } = await reading(demoViewer('vilogia'), MINUTES, { id: seeded.plannedMeeting });
    expect(response.errors).toBeUndefined();
    expect(response.data!.meeting).toMatchObject({ status: 'PLANNED', minutes: null });
    expect(logged).toEqual([]);
  });
});

// ── statistics ──────────────────────────────────────────────────────────────────────────────

describe('GovernanceActivity.offerRefusalMotives: the households’ own words, grouped', () => {
  const ACTIVITY = `query($id: ID!) { body(id: $id) { id activity(from: "2025-07-01", to: "${TEST_REFERENCE_DATE}") {
    meetingsHeld offerRefusalMotives { motive count } } } }`;

  it.each([
    ['siao-nord (an association)', demoViewer('siao-nord')],
    [
      'a landlord whose token names only a QPV',
      { ...(demoViewer('vilogia') as PartnerViewer), territories: ['QN05971M'] },
    ],
  ])('refuses %s (null with FORBIDDEN), the other figures intact', async (_, viewer) => {
    const { response, logged } = await reading(viewer, ACTIVITY, { id: CAL_VILOGIA });
    expect(errorsOf(response)).toEqual([['FORBIDDEN', 'body.activity.offerRefusalMotives']]);
    expect(response.errors![0]!.message).toContain('CAL decisions');
    expect(response.data!.body.activity.offerRefusalMotives).toBeNull();
    expect(response.data!.body.activity.meetingsHeld).toBeGreaterThan(0);
    expect(logged).toEqual([]);
  });

  it('gives them to a reader of CAL decisions (the allowed twin): counts, not logged (no household named)', async () => {
    const [{ refused }] = await sql(
      `SELECT count(*)::int AS refused FROM offer_answer o JOIN cal_decision d ON d.id = o.cal_decision_id
         JOIN meeting m ON m.id = d.meeting_id
        WHERE m.body_id = $1 AND o.answer = 'REFUSED' AND o.answered_on BETWEEN '2025-07-01' AND $2`,
      [CAL_VILOGIA, TEST_REFERENCE_DATE],
    );
    const { response, logged } = await reading(demoViewer('vilogia'), ACTIVITY, { id: CAL_VILOGIA });
    expect(response.errors).toBeUndefined();
    const motives: { count: number }[] = response.data!.body.activity.offerRefusalMotives;
    expect(motives.reduce((sum, entry) => sum + entry.count, 0)).toBe(refused);
    expect(refused).toBeGreaterThan(0);
    expect(logged).toEqual([]);
  });
});

// ── the log itself ──────────────────────────────────────────────────────────────────────────

describe('the log of nominative reads', () => {
  it('costs one statement per request, whatever the number of records read', async () => {
    const page = (fields: string) =>
      `query($first: Int) { calDecisions(first: $first) { edges { node { ${fields} } } } }`;
    const cost = (fields: string, first: number) =>
      statements.measure(async () => {
        const response = await governance.query(demoViewer('prefecture-nord'), page(fields), { first });
        expect(response.errors).toBeUndefined();
        expect(response.data!.calDecisions.edges).toHaveLength(first);
      });
    const plain = await cost('id decidedOn', 5);
    expect(await cost('id decidedOn', 50)).toBe(plain);
    // The same pages with nominative fields: one more statement (the insert), for 5 as for 50 decisions.
    expect(await cost('id decidedOn type rank demand { id }', 5)).toBe(plain + 1);
    expect(await cost('id decidedOn type rank demand { id }', 50)).toBe(plain + 1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database (append-only), changing nothing', async () => {
    await reading(demoViewer('vilogia'), `query($id: ID!) { meeting(id: $id) { minutes } }`, {
      id: seeded.caseMeeting,
    });
    const before = await sql(`SELECT count(*)::int AS rows, max(id)::text AS last FROM nominative_read`);
    expect(before[0].rows).toBeGreaterThan(0);
    await expect(sql(`UPDATE nominative_read SET partner = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM nominative_read`)).rejects.toThrow(/append-only/);
    await expect(sql(`TRUNCATE nominative_read`)).rejects.toThrow(/append-only/);
    expect(await sql(`SELECT count(*)::int AS rows, max(id)::text AS last FROM nominative_read`)).toEqual(before);
    const [{ moved }] = await sql(`SELECT count(*)::int AS moved FROM nominative_read WHERE partner = 'someone-else'`);
    expect(moved).toBe(0);
  });
});

describe('governanceAuditLog: for the auditor only', () => {
  const LOG = `query($filter: NominativeReadFilterInput) { governanceAuditLog(first: 100, filter: $filter) {
    edges { node { id readAt person partner partnerKind operationName purpose requestId recordType recordId fields } }
    pageInfo { hasNextPage } } }`;
  const DECISION = `query($id: ID!) { calDecision(id: $id) { id type demand { id } } }`;

  // Hand-written: every kind but AUDITOR, and anonymous callers.
  it.each(['prefecture-nord', 'mel', 'vilogia', 'action-logement', 'siao-nord', 'observatoire-mel', 'ANONYMOUS'])(
    'is refused to %s (FORBIDDEN)',
    async (slug) => {
      const response = await governance.query(slug === 'ANONYMOUS' ? ANONYMOUS : demoViewer(slug), LOG);
      expect(errorsOf(response)).toEqual([['FORBIDDEN', 'governanceAuditLog']]);
      expect(response.data).toBeNull();
    },
  );

  it('filters by partner, by record and by period, as SQL on the log does', async () => {
    const [{ id: decision }, { id: other }] = await sql(
      `SELECT id FROM cal_decision WHERE commune = '59350' ORDER BY id LIMIT 2`,
    );
    // Vilogia reads another decision too, so that its partner filter has more than the record's row.
    expect((await reading(demoViewer('vilogia'), DECISION, { id: other })).logged).toHaveLength(1);
    const lille = person('ville-de-lille', 'ville-de-lille:agent', [], {
      requestId: randomUUID(),
      operationName: 'Decision',
      purpose: null,
    });
    for (const viewer of [lille, demoViewer('vilogia'), demoViewer('mel')]) {
      const { response, logged } = await reading(viewer, DECISION, { id: decision });
      expect(response.data!.calDecision.id).toBe(decision);
      expect(logged).toEqual([loggedFor(viewer, 'CalDecision', decision, ['CalDecision.demand', 'CalDecision.type'])]);
    }
    const auditor = demoViewer('dpo-mel');
    const logIds = async (filter: Record<string, unknown>) => {
      const response = await governance.query(auditor, LOG, { filter });
      expect(response.errors).toBeUndefined();
      return response.data!.governanceAuditLog.edges.map((edge: any) => edge.node);
    };
    const expected = async (where: string, parameters: unknown[]) =>
      (
        await sql(
          `SELECT id::text AS log_id FROM nominative_read WHERE ${where} ORDER BY id DESC LIMIT 100`,
          parameters,
        )
      ).map((row) => row.log_id);

    const ofRecord = await logIds({ recordId: decision });
    expect(ofRecord.map((node: any) => node.id)).toEqual(await expected('record_id = $1', [decision]));
    expect(ofRecord.map((node: any) => node.partner).slice(0, 3)).toEqual(['mel', 'vilogia', 'ville-de-lille']);
    expect(ofRecord[2]).toMatchObject({
      person: 'ville-de-lille:agent',
      partnerKind: 'RESERVATION_HOLDER',
      operationName: 'Decision',
      purpose: null,
      requestId: (lille as PartnerViewer).trace!.requestId,
      recordType: 'CalDecision',
      recordId: decision,
      fields: ['CalDecision.demand', 'CalDecision.type'],
    });

    const ofVilogia = await logIds({ partner: 'vilogia' });
    expect(ofVilogia.length).toBeGreaterThan(1);
    expect(ofVilogia.map((node: any) => node.id)).toEqual(await expected('partner = $1', ['vilogia']));
    const ofVilogiaOnRecord = await logIds({ partner: 'vilogia', recordId: decision });
    expect(ofVilogiaOnRecord.map((node: any) => node.id)).toEqual(
      await expected('partner = $1 AND record_id = $2', ['vilogia', decision]),
    );
    expect(ofVilogiaOnRecord).toHaveLength(1);

    // The period of the last two reads (mel's and vilogia's), from the instants the log holds.
    const [first, last] = (
      await sql(`SELECT read_at FROM nominative_read WHERE record_id = $1 ORDER BY id DESC LIMIT 2`, [decision])
    )
      .map((row) => new Date(row.read_at).getTime())
      .sort((a, b) => a - b);
    const from = new Date(first!).toISOString();
    const to = new Date(last! + 1).toISOString();
    const inPeriod = await logIds({ recordId: decision, from, to });
    expect(inPeriod.map((node: any) => node.id)).toEqual(
      await expected('record_id = $1 AND read_at >= $2 AND read_at < $3', [decision, from, to]),
    );
    expect(inPeriod.map((node: any) => node.partner)).toEqual(['mel', 'vilogia']);
    expect(await logIds({ from: '2020-01-01T00:00:00Z', to: '2020-12-31T00:00:00Z' })).toEqual([]);
  });
});
