import { addMonths } from '@passerelle/shared/dates';
import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { officialGeography } from '@passerelle/shared/geography';
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
 * demandAlerts on the seeded demo register (real PostgreSQL, real HTTP), with the register's
 * clock fixed on the seed's reference date. Expected lists come from this file's own SQL over
 * the stored columns (a UNION of the four alert conditions, in the documented order), from the
 * timeline rows, or from hand-written dates — never from the alert SQL under test.
 */
const SEEDED = 1500;
const TODAY = TEST_REFERENCE_DATE; // 2026-06-30
const NOW = new Date(`${TODAY}T10:00:00Z`);
const KINDS = ['DALO_DEADLINE', 'DAL_EXCEEDED', 'NO_DESIGNATION', 'RENEWAL_DUE'] as const;
type Kind = (typeof KINDS)[number];

const DAL_MONTHS = 24; // the demo DAL of département 59
const NO_DESIGNATION_MONTHS = 6; // the demo setting of the MEL (200093201)

let db: DataSource;
let demands: SubgraphClient;
let subject: SeededSubgraph;
beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'demands',
    createDataSource: createDemandsDataSource,
    seed: seedDemoRegister,
    buildApp: (options) => buildDemandsServer({ ...options, now: () => NOW }),
    demands: SEEDED,
  });
  ({ db, client: demands } = subject);
}, 120_000);
afterAll(() => subject?.close());

const mel = demoViewer('mel'); // EPCI 200093201
const siao = demoViewer('siao-nord'); // association
const prefecture = demoViewer('prefecture-nord'); // STATE, 59
const actionLogement = demoViewer('action-logement'); // reservation holder, 59

interface Alert {
  kind: Kind;
  dueOn: string;
  id: string;
  nur: string | null;
}

/** Whose demands the oracle reads: some territories, or those an association assists. */
type Scope = { territories: string[] } | { assistingPartner: string };
const scopeOf = (viewer: Viewer): Scope => {
  if (viewer.kind === 'ANONYMOUS') throw new Error('anonymous callers have no scope');
  return viewer.kind === 'ASSOCIATION' ? { assistingPartner: viewer.partner } : { territories: viewer.territories };
};

/** The oracle: every alert of the stored columns, most urgent first (dueOn, kind rank, id). */
async function oracle(
  scope: Scope,
  options: { kinds?: readonly Kind[]; asOf?: string; matches?: string[] | null } = {},
): Promise<Alert[]> {
  return db.query(
    `WITH visible AS (
       SELECT * FROM demand d
        WHERE d.status = 'ACTIVE'
          AND ($1::text[] IS NULL OR d.territory_codes && $1::text[])
          AND ($2::text IS NULL OR d.assisting_partner = $2::text)
          AND ($3::text[] IS NULL OR d.territory_codes && $3::text[])
     ), alerts AS (
       SELECT 'DALO_DEADLINE' AS kind, 1 AS rank, dalo_offer_deadline AS due_on, id, nur FROM visible
        WHERE dalo_offer_deadline <= $4::date
       UNION ALL
       SELECT 'DAL_EXCEEDED', 2, dal_date, id, nur FROM visible WHERE dal_date <= $4::date
       UNION ALL
       SELECT 'NO_DESIGNATION', 3, designation_alert_on, id, nur FROM visible WHERE designation_alert_on <= $4::date
       UNION ALL
       SELECT 'RENEWAL_DUE', 4, valid_until, id, nur FROM visible WHERE valid_until <= $4::date + 30
     )
     SELECT kind, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", id::text AS id, nur FROM alerts
      WHERE kind = ANY ($5::text[])
      ORDER BY due_on, rank, id`,
    [
      'territories' in scope ? scope.territories : null,
      'assistingPartner' in scope ? scope.assistingPartner : null,
      options.matches ?? null,
      options.asOf ?? TODAY,
      options.kinds ?? KINDS,
    ],
  );
}

const ALERTS = `query Alerts($filter: DemandAlertFilter, $asOf: LocalDate, $first: Int, $after: String) {
  demandAlerts(filter: $filter, asOf: $asOf, first: $first, after: $after) {
    totalCount
    edges { cursor node { kind dueOn demand { id nur } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const toAlert = (edge: any): Alert => ({
  kind: edge.node.kind,
  dueOn: edge.node.dueOn,
  id: edge.node.demand.id,
  nur: edge.node.demand.nur,
});

/** Walks every page with cursors; checks the page shapes on the way. */
async function walk(
  viewer: Viewer,
  variables: { filter?: { kinds?: readonly Kind[]; territory?: string }; asOf?: string } = {},
  first = 37,
): Promise<{ alerts: Alert[]; totalCount: number; pages: number }> {
  const alerts: Alert[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 1; pages <= 200; pages++) {
    const response: GraphQLResponse = await demands.query(viewer, ALERTS, { ...variables, first, after });
    expect(response.errors).toBeUndefined();
    const page = response.data!.demandAlerts;
    totals.add(page.totalCount);
    alerts.push(...page.edges.map(toAlert));
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) {
      expect(totals.size).toBe(1);
      return { alerts, totalCount: [...totals][0]!, pages };
    }
    expect(page.edges).toHaveLength(first); // only the last page is short
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 200 pages: the cursor does not advance');
}

const keyOf = (alert: Alert) => `${alert.kind}:${alert.id}`;

/** The Paris date of each demand's latest designation in its timeline (null when never designated). */
async function timelineSince(
  ids?: string[],
): Promise<{ id: string; filingDate: string; designatedOn: string | null }[]> {
  return db.query(
    `SELECT d.id::text AS id, to_char(d.filing_date, 'YYYY-MM-DD') AS "filingDate",
            to_char(max((e.occurred_at AT TIME ZONE 'Europe/Paris')::date), 'YYYY-MM-DD') AS "designatedOn"
       FROM demand d LEFT JOIN demand_event e ON e.demand_id = d.id AND e.type = 'DESIGNATED'
      WHERE d.status = 'ACTIVE' AND ($1::uuid[] IS NULL OR d.id = ANY ($1::uuid[]))
      GROUP BY d.id ORDER BY d.id`,
    [ids ?? null],
  );
}

async function versionOf(id: string): Promise<number> {
  const [{ version }] = await db.query(`SELECT version FROM demand WHERE id = $1`, [id]);
  return version;
}

const RECORD = `mutation Record($input: DemandEventInput!) { recordDemandEvent(input: $input) { id type occurredAt recordedBy } }`;

describe('demandAlerts: every page, exactly the oracle', () => {
  const kindSets: [string, Kind[] | undefined][] = [
    ...KINDS.map((kind): [string, Kind[]] => [kind, [kind]]),
    ['all kinds', undefined],
  ];
  const cases = ['mel', 'ville-de-roubaix'].flatMap((slug) =>
    kindSets.map(([label, kinds]) => [slug, label, kinds] as const),
  );

  it.each(cases)('as %s, %s: pages of 37 walk the oracle list once, totalCount included', async (slug, _, kinds) => {
    const viewer = demoViewer(slug);
    const expected = await oracle(scopeOf(viewer), { kinds });
    expect(expected.length).toBeGreaterThan(0);
    const { alerts, totalCount, pages } = await walk(viewer, kinds ? { filter: { kinds } } : {});
    expect(alerts).toEqual(expected);
    expect(new Set(alerts.map(keyOf)).size).toBe(alerts.length);
    expect(totalCount).toBe(expected.length);
    expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 37)));
  });

  it('reads a kind given twice once', async () => {
    const expected = await oracle(scopeOf(mel), { kinds: ['RENEWAL_DUE'] });
    const { alerts, totalCount } = await walk(mel, { filter: { kinds: ['RENEWAL_DUE', 'RENEWAL_DUE'] } }, 100);
    expect(alerts).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it('has every kind in the unfiltered list (the seed exercises them all)', async () => {
    const expected = await oracle(scopeOf(mel));
    expect(new Set(expected.map((alert) => alert.kind))).toEqual(new Set(KINDS));
  });

  it('computes the list for today (the register clock) when asOf is omitted', async () => {
    const omitted = await demands.query(mel, ALERTS, { first: 100 });
    const explicit = await demands.query(mel, ALERTS, { first: 100, asOf: TODAY });
    const expected = await oracle(scopeOf(mel));
    expect(omitted.data?.demandAlerts.edges.map(toAlert)).toEqual(expected.slice(0, 100));
    expect(omitted.data?.demandAlerts.totalCount).toBe(expected.length); // the real clock (later) would count more
    expect(explicit.data?.demandAlerts).toEqual(omitted.data?.demandAlerts);
  });
});

describe('demandAlerts(filter.territory)', () => {
  // A QPV spanning several communes, read from the shipped geography: it stands for its communes.
  const qpv = officialGeography
    .all()
    .filter((territory) => territory.level === 'QPV' && territory.communes.length > 1)
    .sort((a, b) => a.code.localeCompare(b.code))[0]!;

  it.each([
    ['mel', 'a commune (Lille)', '59350', ['59350']],
    ['mel', 'the EPCI', '200093201', ['200093201']],
    ['mel', `a QPV (${qpv.code})`, qpv.code, qpv.communes],
    ['ville-de-roubaix', `a QPV (${qpv.code})`, qpv.code, qpv.communes],
    ['ville-de-roubaix', 'a commune outside its own (Lille): only demands wishing both', '59350', ['59350']],
    ['siao-nord', 'a commune (Lille): only the assisted demands wishing it', '59350', ['59350']],
  ])('as %s, with %s, gives the oracle list', async (slug, _, territory, matches) => {
    const viewer = demoViewer(slug);
    const expected = await oracle(scopeOf(viewer), { matches });
    expect(expected.length).toBeGreaterThan(0);
    const { alerts, totalCount } = await walk(viewer, { filter: { territory } }, 100);
    expect(alerts).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it('narrows the list: the QPV filter keeps fewer alerts than the EPCI and more than none', async () => {
    const all = await oracle(scopeOf(mel));
    const inQpv = await oracle(scopeOf(mel), { matches: qpv.communes });
    expect(inQpv.length).toBeLessThan(all.length);
    const response = await demands.query(mel, ALERTS, { first: 1, filter: { territory: qpv.code } });
    expect(response.data?.demandAlerts.totalCount).toBe(inQpv.length);
  });

  it.each(['99999', 'QN00000X', 'Lille'])(
    'refuses an unknown territory %j with BAD_USER_INPUT (a known one is answered)',
    async (territory) => {
      const denied = await demands.query(mel, ALERTS, { first: 5, filter: { territory } });
      expect(denied.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(denied.data).toBeNull();
      const allowed = await demands.query(mel, ALERTS, { first: 5, filter: { territory: '59512' } });
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data?.demandAlerts.edges).toHaveLength(5);
    },
  );
});

describe('demandAlerts(asOf): out-of-range days', () => {
  it.each(['0000-01-01', '1899-12-31', '3000-01-01'])(
    'refuses asOf %s with BAD_USER_INPUT (PostgreSQL would reject the year), and answers 2026-06-30',
    async (asOf) => {
      const denied = await demands.query(mel, ALERTS, { first: 5, asOf });
      expect(denied.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const allowed = await demands.query(mel, ALERTS, { first: 5, asOf: '2026-06-30' });
      expect(allowed.errors).toBeUndefined();
    },
  );
});

describe('demandAlerts(after): cursors', () => {
  const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
  const UUID = '00000000-0000-4000-8000-000000000000';

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['an impossible date', cursor(['2026-02-30', 'DAL_EXCEEDED', UUID])],
    ['an unknown kind', cursor(['2026-06-30', 'FIRE', UUID])],
    ['an id that is not a UUID', cursor(['2026-06-30', 'DAL_EXCEEDED', "1' OR '1'='1"])],
    ['a cursor of the demands list', cursor(['2026-06-30', UUID])],
    ['a number where a date goes', cursor([20260630, 'DAL_EXCEEDED', UUID])],
  ])('refuses %s with BAD_USER_INPUT, while a cursor it returned works', async (_, after) => {
    const denied = await demands.query(mel, ALERTS, { first: 5, after });
    expect(denied.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(denied.errors?.[0]?.message).toContain('after');
    const first = await demands.query(mel, ALERTS, { first: 5 });
    const next = await demands.query(mel, ALERTS, { first: 5, after: first.data!.demandAlerts.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    expect(next.data?.demandAlerts.edges.map(toAlert)).toEqual((await oracle(scopeOf(mel))).slice(5, 10));
  });
});

describe('demandAlerts(asOf)', () => {
  it('shows, three months later, the DAL alerts falling due meanwhile', async () => {
    const kinds: Kind[] = ['DAL_EXCEEDED'];
    const today = await oracle(scopeOf(mel), { kinds, asOf: TODAY });
    const later = await oracle(scopeOf(mel), { kinds, asOf: '2026-09-30' });
    expect(later.length).toBeGreaterThan(today.length);
    const walkedToday = await walk(mel, { filter: { kinds }, asOf: TODAY }, 100);
    const walkedLater = await walk(mel, { filter: { kinds }, asOf: '2026-09-30' }, 100);
    expect(walkedToday.alerts).toEqual(today);
    expect(walkedLater.alerts).toEqual(later);
    expect(walkedLater.totalCount).toBe(later.length);
    // The later list is today's, followed by the DAL dates of July to September.
    expect(walkedLater.alerts.slice(0, today.length)).toEqual(today);
    for (const alert of walkedLater.alerts.slice(today.length)) {
      expect(alert.dueOn > TODAY && alert.dueOn <= '2026-09-30').toBe(true);
    }
  });
});

describe('demandAlerts: who sees which alerts', () => {
  it('gives an association the alerts of exactly the demands it assists', async () => {
    const expected = await oracle({ assistingPartner: 'siao-nord' });
    expect(expected.length).toBeGreaterThan(0);
    const { alerts, totalCount } = await walk(siao, {}, 100);
    expect(alerts).toEqual(expected);
    expect(totalCount).toBe(expected.length);
    const [{ outside }] = await db.query(
      `SELECT count(*)::int AS outside FROM demand WHERE id = ANY ($1::uuid[]) AND assisting_partner IS DISTINCT FROM 'siao-nord'`,
      [alerts.map((alert) => alert.id)],
    );
    expect(outside).toBe(0);
  });

  it('gives an association assisting no demand an empty list, while siao-nord has alerts', async () => {
    const [{ assisted }] = await db.query(
      `SELECT count(*)::int AS assisted FROM demand WHERE assisting_partner = 'soliha-metropole-nord'`,
    );
    expect(assisted).toBe(0);
    const soliha = await demands.query(demoViewer('soliha-metropole-nord'), ALERTS, { first: 20 });
    expect(soliha.errors).toBeUndefined();
    expect(soliha.data?.demandAlerts).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    const twin = await demands.query(siao, ALERTS, { first: 20 });
    expect(twin.data?.demandAlerts.edges.length).toBeGreaterThan(0);
  });

  it.each([
    ['an analyst (observatoire-mel: the register pseudonymised, not the work list)', demoViewer('observatoire-mel')],
    ['an anonymous caller', ANONYMOUS],
  ])('refuses %s with FORBIDDEN, while the EPCI reads the list', async (_, viewer) => {
    const denied = await demands.query(viewer, ALERTS, { first: 5 });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(denied.data).toBeNull();
    const allowed = await demands.query(mel, ALERTS, { first: 5 });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.demandAlerts.edges.map(toAlert)).toEqual((await oracle(scopeOf(mel))).slice(0, 5));
  });
});

describe('stored due dates (read-only: the seed as derived at the reference date)', () => {
  it('dates the DAL of demands filed on a month end by hand-computed dates', async () => {
    const expected: Record<string, string> = {
      '2022-01-31': '2024-01-31',
      '2022-05-31': '2024-05-31',
      '2022-08-31': '2024-08-31',
      '2023-05-31': '2025-05-31',
      '2023-12-31': '2025-12-31',
      '2024-03-31': '2026-03-31',
      '2024-05-31': '2026-05-31',
      '2024-12-31': '2026-12-31',
      '2025-10-31': '2027-10-31',
    };
    const rows: { filingDate: string; dalDate: string | null }[] = await db.query(
      `SELECT to_char(filing_date, 'YYYY-MM-DD') AS "filingDate", to_char(dal_date, 'YYYY-MM-DD') AS "dalDate"
         FROM demand WHERE status = 'ACTIVE' AND filing_date = ANY ($1::date[])`,
      [Object.keys(expected)],
    );
    expect(new Set(rows.map((row) => row.filingDate))).toEqual(new Set(Object.keys(expected)));
    for (const row of rows) expect(row).toEqual({ filingDate: row.filingDate, dalDate: expected[row.filingDate] });
  });

  it('dates the no-designation alert of never-designated demands by hand-computed month ends', async () => {
    const expected: Record<string, string> = {
      '2023-08-30': '2024-02-29', // leap year
      '2023-12-31': '2024-06-30',
      '2024-03-31': '2024-09-30',
      '2024-08-30': '2025-02-28',
      '2025-03-31': '2025-09-30',
      '2025-05-31': '2025-11-30',
      '2025-08-29': '2026-02-28',
      '2025-08-30': '2026-02-28',
      '2025-10-31': '2026-04-30',
      '2025-12-31': '2026-06-30',
      '2026-05-31': '2026-11-30',
    };
    const rows: { filingDate: string; alertOn: string | null }[] = await db.query(
      `SELECT to_char(filing_date, 'YYYY-MM-DD') AS "filingDate", to_char(designation_alert_on, 'YYYY-MM-DD') AS "alertOn"
         FROM demand d WHERE status = 'ACTIVE' AND filing_date = ANY ($1::date[])
          AND NOT EXISTS (SELECT 1 FROM demand_event e WHERE e.demand_id = d.id AND e.type = 'DESIGNATED')`,
      [Object.keys(expected)],
    );
    expect(new Set(rows.map((row) => row.filingDate))).toEqual(new Set(Object.keys(expected)));
    for (const row of rows) expect(row).toEqual({ filingDate: row.filingDate, alertOn: expected[row.filingDate] });
  });

  it('derives every active demand’s dates from its filing date and timeline (JavaScript month arithmetic)', async () => {
    const stored: { id: string; dalDate: string | null; alertOn: string | null }[] = await db.query(
      `SELECT id::text AS id, to_char(dal_date, 'YYYY-MM-DD') AS "dalDate", to_char(designation_alert_on, 'YYYY-MM-DD') AS "alertOn"
         FROM demand WHERE status = 'ACTIVE' ORDER BY id`,
    );
    const timeline = await timelineSince();
    expect(stored.length).toBeGreaterThan(1000);
    expect(timeline.filter((row) => row.designatedOn).length).toBeGreaterThan(100);
    expect(stored).toEqual(
      timeline.map((row) => ({
        id: row.id,
        dalDate: addMonths(row.filingDate, DAL_MONTHS),
        alertOn: addMonths(row.designatedOn ?? row.filingDate, NO_DESIGNATION_MONTHS),
      })),
    );
  });
});

// These tests change the register: they come last, and each reads its oracle after its own change.
describe('alerts after changes to the register', () => {
  it('lists a DALO recognised today (decided 2025-12-31) as due 2026-06-30, first of that day', async () => {
    const [demand] = await db.query(
      `SELECT id::text AS id, version FROM demand
        WHERE status = 'ACTIVE' AND dal_date = '2026-06-30' AND NOT ('DALO' = ANY (priority_labels)) AND dalo_offer_deadline IS NULL
        ORDER BY id LIMIT 1`,
    );
    expect(demand).toBeDefined();
    const response = await demands.query(
      prefecture,
      `mutation($id: ID!, $version: Int!) {
         recognisePriority(id: $id, expectedVersion: $version, priority: { label: DALO, decidedOn: "2025-12-31" }) { id version }
       }`,
      { id: demand.id, version: demand.version },
    );
    expect(response.errors).toBeUndefined();
    const [stored] = await db.query(
      `SELECT to_char(dalo_offer_deadline, 'YYYY-MM-DD') AS deadline, version FROM demand WHERE id = $1`,
      [demand.id],
    );
    expect(stored).toEqual({ deadline: '2026-06-30', version: demand.version + 1 }); // 31 Dec + 6 months (Nord)

    const expected = (await oracle(scopeOf(mel))).filter((alert) => alert.dueOn === '2026-06-30');
    const { alerts } = await walk(mel, {}, 100);
    const sameDay = alerts.filter((alert) => alert.dueOn === '2026-06-30');
    expect(sameDay).toEqual(expected);
    expect(sameDay[0]).toMatchObject({ kind: 'DALO_DEADLINE', id: demand.id });
    // The same demand's DAL falls due that day too: the DALO deadline comes before it.
    const ownDal = sameDay.findIndex((alert) => alert.kind === 'DAL_EXCEEDED' && alert.id === demand.id);
    expect(ownDal).toBeGreaterThan(0);
    const ranks = sameDay.map((alert) => KINDS.indexOf(alert.kind));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBeGreaterThan(1);
  });

  it('drops a demand from NO_DESIGNATION once a designation is recorded in its timeline', async () => {
    const [demand] = await db.query(
      `SELECT id::text AS id, wished_communes[1] AS commune FROM demand
        WHERE status = 'ACTIVE' AND designation_alert_on <= $1::date ORDER BY id LIMIT 1`,
      [TODAY],
    );
    const filter = { kinds: ['NO_DESIGNATION'] as Kind[], territory: demand.commune as string };
    // The oracle from the timeline itself: latest designation (or filing) + 6 months, due by today.
    const fromTimeline = async (): Promise<Alert[]> => {
      const rows: { id: string; nur: string; filingDate: string; designatedOn: string | null }[] = await db.query(
        `SELECT d.id::text AS id, d.nur, to_char(d.filing_date, 'YYYY-MM-DD') AS "filingDate",
                to_char(max((e.occurred_at AT TIME ZONE 'Europe/Paris')::date), 'YYYY-MM-DD') AS "designatedOn"
           FROM demand d LEFT JOIN demand_event e ON e.demand_id = d.id AND e.type = 'DESIGNATED'
          WHERE d.status = 'ACTIVE' AND $1 = ANY (d.wished_communes) GROUP BY d.id`,
        [demand.commune],
      );
      return rows
        .map((row) => ({
          kind: 'NO_DESIGNATION' as const,
          dueOn: addMonths(row.designatedOn ?? row.filingDate, NO_DESIGNATION_MONTHS),
          id: row.id,
          nur: row.nur,
        }))
        .filter((alert) => alert.dueOn <= TODAY)
        .sort((a, b) => (a.dueOn === b.dueOn ? (a.id < b.id ? -1 : 1) : a.dueOn < b.dueOn ? -1 : 1));
    };
    const before = await fromTimeline();
    expect(before.map((alert) => alert.id)).toContain(demand.id);
    expect((await walk(actionLogement, { filter }, 100)).alerts).toEqual(before);
    const eventsBefore = await db.query(`SELECT count(*)::int AS n FROM demand_event WHERE demand_id = $1`, [
      demand.id,
    ]);
    const version = await versionOf(demand.id);

    const recorded = await demands.query(actionLogement, RECORD, {
      input: { demandId: demand.id, idempotencyKey: 'alerts-int-designation', type: 'DESIGNATED' },
    });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordDemandEvent).toMatchObject({ type: 'DESIGNATED', recordedBy: 'action-logement' });

    const after = await fromTimeline();
    expect(after).toEqual(before.filter((alert) => alert.id !== demand.id));
    expect((await walk(actionLogement, { filter }, 100)).alerts).toEqual(after);
    const [stored] = await db.query(
      `SELECT to_char(last_designated_on, 'YYYY-MM-DD') AS "lastDesignatedOn", to_char(designation_alert_on, 'YYYY-MM-DD') AS "alertOn", version
         FROM demand WHERE id = $1`,
      [demand.id],
    );
    expect(stored).toEqual({ lastDesignatedOn: TODAY, alertOn: '2026-12-30', version }); // an event: no new version
    expect(await db.query(`SELECT count(*)::int AS n FROM demand_event WHERE demand_id = $1`, [demand.id])).toEqual([
      { n: eventsBefore[0].n + 1 },
    ]);
  });

  it('re-derives month-end dates from a 29 February filing when a designation is recorded', async () => {
    const [demand] = await db.query(
      `SELECT id::text AS id, wished_communes[1] AS commune FROM demand d
        WHERE status = 'ACTIVE' AND last_designated_on IS NULL AND filing_date > '2024-02-29'
          AND NOT EXISTS (SELECT 1 FROM demand_event e WHERE e.demand_id = d.id AND e.occurred_at < '2024-03-01')
        ORDER BY id LIMIT 1`,
    );
    // A correction of the filing date straight in SQL: the stored dates are stale until the next write.
    await db.query(`UPDATE demand SET filing_date = '2024-02-29' WHERE id = $1`, [demand.id]);
    const recorded = await demands.query(actionLogement, RECORD, {
      input: {
        demandId: demand.id,
        idempotencyKey: 'alerts-int-month-end',
        type: 'DESIGNATED',
        occurredAt: '2025-08-31T08:00:00Z', // 10:00 in Paris, 31 August 2025
      },
    });
    expect(recorded.errors).toBeUndefined();
    const [stored] = await db.query(
      `SELECT to_char(dal_date, 'YYYY-MM-DD') AS "dalDate", to_char(last_designated_on, 'YYYY-MM-DD') AS "lastDesignatedOn",
              to_char(designation_alert_on, 'YYYY-MM-DD') AS "alertOn"
         FROM demand WHERE id = $1`,
      [demand.id],
    );
    // 29 Feb 2024 + 24 months = 28 Feb 2026; 31 Aug 2025 + 6 months = 28 Feb 2026.
    expect(stored).toEqual({ dalDate: '2026-02-28', lastDesignatedOn: '2025-08-31', alertOn: '2026-02-28' });

    const kinds: Kind[] = ['DAL_EXCEEDED', 'NO_DESIGNATION'];
    const expected = await oracle(scopeOf(mel), { kinds, matches: [demand.commune] });
    const { alerts } = await walk(mel, { filter: { kinds, territory: demand.commune } }, 100);
    expect(alerts).toEqual(expected);
    expect(alerts.filter((alert) => alert.id === demand.id).map(({ kind, dueOn }) => ({ kind, dueOn }))).toEqual([
      { kind: 'DAL_EXCEEDED', dueOn: '2026-02-28' },
      { kind: 'NO_DESIGNATION', dueOn: '2026-02-28' },
    ]);
  });
});
