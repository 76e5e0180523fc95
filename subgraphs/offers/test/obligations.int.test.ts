import type { StatementCounter } from '@passerelle/shared/database';
import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { officialGeography } from '@passerelle/shared/geography';
import { ANONYMOUS, type Viewer } from '@passerelle/shared/identity';
import { type SeededSubgraph, type SubgraphClient, demoViewer, openSeededSubgraph } from '@passerelle/shared/testing';
import type { DataSource } from 'typeorm';
import { createOffersDataSource } from '../src/data-source';
import { seedDemoOffers } from '../src/seed/demo-seed';
import { buildOffersServer } from '../src/server';

/**
 * The legal shares of attributions (CCH L441-1) on real PostgreSQL. Expected values are computed
 * here with plain loops over the attribution rows read by direct SQL, never through the SQL or the
 * rules under test; the targets (25 %, 50 %, 25 %) are written by hand.
 */
let db: DataSource;
let statements: StatementCounter;
let offers: SubgraphClient;
let subject: SeededSubgraph;

const SEEDED_DEMANDS = 400;
const MEL = '200093201';
const PERIOD = { from: '2024-07-01', to: TEST_REFERENCE_DATE };
/** The last closed calendar year at the reference date: the only period partners other than the State and the EPCI read. */
const CLOSED_YEAR = { from: '2025-01-01', to: '2025-12-31' };
const mel = demoViewer('mel');
const auditor = demoViewer('dpo-mel');
const association = demoViewer('siao-nord');

beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'offers',
    createDataSource: createOffersDataSource,
    seed: seedDemoOffers,
    buildApp: (options) => buildOffersServer({ ...options, now: () => new Date(`${TEST_REFERENCE_DATE}T12:00:00Z`) }),
    demands: SEEDED_DEMANDS,
  });
  ({ db, statements, client: offers } = subject);
});
afterAll(() => subject?.close());

const sql = <T = any>(query: string, parameters: unknown[] = []): Promise<T[]> => db.query(query, parameters);

const MEASURE = 'kind numerator denominator target share gap missing met suppressed';
const OBLIGATIONS = `from to attributions unclassified daloHouseholds
  outsideQpvFirstQuartile { ${MEASURE} } inQpvAboveFirstQuartile { ${MEASURE} } priorityHouseholds { ${MEASURE} }
  byReservationHolder { reservationHolder { id } attributions daloHouseholds priorityHouseholds { ${MEASURE} } }`;
const OF_TERRITORIES = `query($r: [_Any!]!, $from: LocalDate, $to: LocalDate) { _entities(representations: $r) {
  ... on Territory { code attributionObligations(from: $from, to: $to) { ${OBLIGATIONS} } }
} }`;
const OF_LANDLORD = `query($r: [_Any!]!, $from: LocalDate, $to: LocalDate, $territory: String) { _entities(representations: $r) {
  ... on Landlord { attributionObligations(from: $from, to: $to, territory: $territory) { ${OBLIGATIONS} } }
} }`;
const OF_HOLDER = `query($r: [_Any!]!, $from: LocalDate, $to: LocalDate, $territory: String) { _entities(representations: $r) {
  ... on ReservationHolder { attributionObligations(from: $from, to: $to, territory: $territory) { ${OBLIGATIONS} } }
} }`;
const territory = (code: string) => ({ __typename: 'Territory', code });

interface Lease {
  landlord_id: string;
  holder_id: string;
  day: string;
  commune: string;
  qpv: string | null;
  in_qpv: boolean;
  first_quartile: boolean | null;
  urban_renewal_rehousing: boolean;
  priority: string | null;
}

let leases: Lease[];
beforeAll(async () => {
  leases = await sql(`SELECT a.landlord_id, a.reservation_holder_id AS holder_id, a.lease_signed_on::text AS day,
      a.commune, d.qpv, a.in_qpv, a.first_quartile, a.urban_renewal_rehousing, a.priority
    FROM attribution a, vacancy v, dwelling d WHERE v.id = a.vacancy_id AND d.id = v.dwelling_id`);
});

/** The legal targets, written by hand (CCH L441-1). */
const TARGETS = { OUTSIDE_QPV_FIRST_QUARTILE: 25, IN_QPV_ABOVE_FIRST_QUARTILE: 50, PRIORITY_HOUSEHOLDS: 25 } as const;

function measure(kind: keyof typeof TARGETS, qualifying: Lease[], concerned: Lease[]) {
  const [numerator, denominator, percent] = [qualifying.length, concerned.length, TARGETS[kind]];
  const empty = denominator === 0;
  return {
    kind,
    numerator,
    denominator,
    target: percent / 100,
    share: empty ? null : numerator / denominator,
    gap: empty ? null : numerator / denominator - percent / 100,
    missing: empty ? 0 : Math.max(0, Math.ceil((percent * denominator) / 100) - numerator),
    met: empty ? null : numerator * 100 >= percent * denominator,
  };
}

const isPriority = (lease: Lease) => lease.priority === 'DALO' || lease.priority === 'PRIORITY';

/** Everything the obligations say about `rows` (already filtered on scope and period), by hand. */
function expectedObligations(rows: Lease[], period: { from: string; to: string }) {
  const outside = rows.filter((lease) => !lease.in_qpv);
  const inside = rows.filter((lease) => lease.in_qpv);
  const holders = [...new Set(rows.map((lease) => lease.holder_id))].sort();
  return {
    ...period,
    attributions: rows.length,
    unclassified: rows.filter((lease) => lease.first_quartile === null).length,
    daloHouseholds: rows.filter((lease) => lease.priority === 'DALO').length,
    outsideQpvFirstQuartile: measure(
      'OUTSIDE_QPV_FIRST_QUARTILE',
      outside.filter((lease) => lease.first_quartile === true || lease.urban_renewal_rehousing),
      outside,
    ),
    inQpvAboveFirstQuartile: measure(
      'IN_QPV_ABOVE_FIRST_QUARTILE',
      inside.filter((lease) => lease.first_quartile === false),
      inside,
    ),
    priorityHouseholds: measure('PRIORITY_HOUSEHOLDS', rows.filter(isPriority), rows),
    byReservationHolder: holders.map((holder) => {
      const own = rows.filter((lease) => lease.holder_id === holder);
      return {
        reservationHolder: { id: holder },
        attributions: own.length,
        daloHouseholds: own.filter((lease) => lease.priority === 'DALO').length,
        priorityHouseholds: measure('PRIORITY_HOUSEHOLDS', own.filter(isPriority), own),
      };
    }),
  };
}

type Expected = ReturnType<typeof expectedObligations>;

/** Compares shares and gaps to 4 decimals (the API rounds them), everything else exactly. */
function expectObligations(got: any, expected: Expected) {
  const close = (value: number | null, want: number | null) =>
    want === null ? expect(value).toBeNull() : expect(value).toBeCloseTo(want, 4);
  const same = (m: any, want: ReturnType<typeof measure>) => {
    const { share, gap, ...exact } = want;
    expect(m).toMatchObject(exact);
    close(m.share, share);
    close(m.gap, gap);
  };
  const { outsideQpvFirstQuartile, inQpvAboveFirstQuartile, priorityHouseholds, byReservationHolder, ...counts } =
    expected;
  expect(got).toMatchObject(counts);
  same(got.outsideQpvFirstQuartile, outsideQpvFirstQuartile);
  same(got.inQpvAboveFirstQuartile, inQpvAboveFirstQuartile);
  same(got.priorityHouseholds, priorityHouseholds);
  const lines = [...got.byReservationHolder].sort((a: any, b: any) =>
    a.reservationHolder.id < b.reservationHolder.id ? -1 : 1,
  );
  expect(lines).toHaveLength(byReservationHolder.length);
  byReservationHolder.forEach((want, index) => {
    const { priorityHouseholds: wantMeasure, ...wantCounts } = want;
    expect(lines[index]).toMatchObject(wantCounts);
    same(lines[index].priorityHouseholds, wantMeasure);
  });
}

const inPeriod = (period: { from: string; to: string }) => (lease: Lease) =>
  lease.day >= period.from && lease.day <= period.to;

async function busiestQpv(): Promise<string> {
  const [{ qpv }] = await sql(`SELECT d.qpv FROM attribution a, vacancy v, dwelling d
    WHERE v.id = a.vacancy_id AND d.id = v.dwelling_id AND d.qpv IS NOT NULL
    GROUP BY d.qpv ORDER BY count(*) DESC, d.qpv LIMIT 1`);
  return qpv;
}

describe('Territory.attributionObligations', () => {
  it('measures the three shares for the EPCI, a commune and a QPV over a period', async () => {
    const qpv = await busiestQpv();
    const codes = [MEL, '59350', qpv];
    const response = await offers.query(mel, OF_TERRITORIES, { r: codes.map(territory), ...PERIOD });
    expect(response.errors).toBeUndefined();
    const covers = (code: string) => (lease: Lease) =>
      officialGeography.find(code)?.level === 'QPV'
        ? lease.qpv === code
        : officialGeography.enclosing(lease.commune).includes(code);
    codes.forEach((code, index) => {
      const rows = leases.filter(inPeriod(PERIOD)).filter(covers(code));
      expect(rows.length).toBeGreaterThan(0);
      expectObligations(response.data?._entities[index].attributionObligations, expectedObligations(rows, PERIOD));
    });
    // The seed gives every measure something to count.
    const epci = response.data?._entities[0].attributionObligations;
    expect(epci.outsideQpvFirstQuartile.denominator).toBeGreaterThan(0);
    expect(epci.inQpvAboveFirstQuartile.denominator).toBeGreaterThan(0);
    expect(epci.priorityHouseholds.numerator).toBeGreaterThan(0);
    expect(epci.byReservationHolder.length).toBeGreaterThan(1);
  });

  it('counts as unclassified the leases whose first quartile is unknown: in the denominators, not the numerators', async () => {
    // Two leases outside QPV recorded without a threshold (as before one was set for the year).
    const changed = await sql<{ id: string; quartile_threshold: string; first_quartile: boolean }>(
      `SELECT id, quartile_threshold, first_quartile FROM attribution
       WHERE NOT in_qpv AND first_quartile AND NOT urban_renewal_rehousing ORDER BY id LIMIT 2`,
    );
    expect(changed).toHaveLength(2);
    await sql(`UPDATE attribution SET first_quartile = NULL, quartile_threshold = NULL WHERE id = ANY($1)`, [
      changed.map((row) => row.id),
    ]);
    try {
      const rows: Lease[] = await sql(`SELECT a.landlord_id, a.reservation_holder_id AS holder_id,
          a.lease_signed_on::text AS day, a.commune, d.qpv, a.in_qpv, a.first_quartile, a.urban_renewal_rehousing, a.priority
        FROM attribution a, vacancy v, dwelling d WHERE v.id = a.vacancy_id AND d.id = v.dwelling_id`);
      const response = await offers.query(mel, OF_TERRITORIES, { r: [territory(MEL)], ...PERIOD });
      expect(response.errors).toBeUndefined();
      const got = response.data?._entities[0].attributionObligations;
      expectObligations(got, expectedObligations(rows.filter(inPeriod(PERIOD)), PERIOD));
      expect(got.unclassified).toBe(2);
      // The allowed twin: with their quartile known again, they count in the numerator.
      const before = got.outsideQpvFirstQuartile;
      for (const row of changed) {
        await sql(`UPDATE attribution SET first_quartile = $2, quartile_threshold = $3 WHERE id = $1`, [
          row.id,
          row.first_quartile,
          row.quartile_threshold,
        ]);
      }
      const restored = await offers.query(mel, OF_TERRITORIES, { r: [territory(MEL)], ...PERIOD });
      const after = restored.data?._entities[0].attributionObligations;
      expect(after.unclassified).toBe(0);
      expect(after.outsideQpvFirstQuartile.denominator).toBe(before.denominator);
      expect(after.outsideQpvFirstQuartile.numerator).toBe(before.numerator + 2);
    } finally {
      for (const row of changed) {
        await sql(`UPDATE attribution SET first_quartile = $2, quartile_threshold = $3 WHERE id = $1`, [
          row.id,
          row.first_quartile,
          row.quartile_threshold,
        ]);
      }
    }
  });

  it('takes 1 January of this year to today (the subgraph’s clock) by default', async () => {
    const response = await offers.query(mel, OF_TERRITORIES, { r: [territory('59512')] });
    expect(response.errors).toBeUndefined();
    const period = { from: `${TEST_REFERENCE_DATE.slice(0, 4)}-01-01`, to: TEST_REFERENCE_DATE };
    const rows = leases.filter(inPeriod(period)).filter((lease) => lease.commune === '59512');
    expectObligations(response.data?._entities[0].attributionObligations, expectedObligations(rows, period));
  });

  it('answers an empty period with zero denominators: no share, no gap, not met nor failed', async () => {
    const response = await offers.query(mel, OF_TERRITORIES, {
      r: [territory(MEL)],
      from: '2021-01-01',
      to: '2021-12-31',
    });
    expect(response.errors).toBeUndefined();
    const got = response.data?._entities[0].attributionObligations;
    expect(got).toMatchObject({ attributions: 0, unclassified: 0, daloHouseholds: 0, byReservationHolder: [] });
    for (const [name, kind, target] of [
      ['outsideQpvFirstQuartile', 'OUTSIDE_QPV_FIRST_QUARTILE', 0.25],
      ['inQpvAboveFirstQuartile', 'IN_QPV_ABOVE_FIRST_QUARTILE', 0.5],
      ['priorityHouseholds', 'PRIORITY_HOUSEHOLDS', 0.25],
    ] as const) {
      expect(got[name]).toEqual({
        kind,
        numerator: 0,
        denominator: 0,
        target,
        share: null,
        gap: null,
        missing: 0,
        met: null,
        suppressed: false,
      });
    }
  });

  it('refuses a period whose start is after its end with BAD_USER_INPUT naming "from"', async () => {
    const response = await offers.query(mel, OF_TERRITORIES, {
      r: [territory(MEL)],
      from: '2026-06-01',
      to: '2026-05-31',
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('"from"');
    expect(response.data?._entities?.[0]?.attributionObligations ?? null).toBeNull();
  });

  it('refuses a code that is no territory with BAD_USER_INPUT', async () => {
    const response = await offers.query(mel, OF_TERRITORIES, { r: [territory('75056')] });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('"code"');
  });

  it('is refused to anonymous callers with FORBIDDEN, while any partner (an auditor, an association) reads it', async () => {
    const denied = await offers.query(ANONYMOUS, OF_TERRITORIES, { r: [territory(MEL)], ...PERIOD });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(denied.data?._entities?.[0]?.attributionObligations ?? null).toBeNull();
    for (const viewer of [auditor, association]) {
      const allowed = await offers.query(viewer, OF_TERRITORIES, { r: [territory(MEL)], ...CLOSED_YEAR });
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data?._entities[0].attributionObligations.attributions).toBe(
        leases.filter(inPeriod(CLOSED_YEAR)).length,
      );
    }
  });

  it.each([
    ['a period that is not a calendar year', PERIOD],
    ['the year still running', { from: '2026-01-01', to: '2026-12-31' }],
    ['one day', { from: '2025-03-10', to: '2025-03-10' }],
  ])(
    'refuses %s to partners other than the State and the EPCI (periods could be subtracted), not to the EPCI',
    async (_, period) => {
      const denied = await offers.query(association, OF_TERRITORIES, { r: [territory(MEL)], ...period });
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(denied.errors?.[0]?.message).toMatch(/closed calendar year/);
      const allowed = await offers.query(mel, OF_TERRITORIES, { r: [territory(MEL)], ...period });
      expect(allowed.errors).toBeUndefined();
      // An EPCI acting for no commune of the geography reads no household either: treated as the others.
      const elsewhere = await offers.query({ ...mel, territories: ['62'] } as Viewer, OF_TERRITORIES, {
        r: [territory(MEL)],
        ...period,
      });
      expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    },
  );

  it('gives partners other than the State and the EPCI the last closed year by default', async () => {
    const response = await offers.query(
      association,
      `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Territory { attributionObligations { from to attributions } } } }`,
      { r: [territory(MEL)] },
    );
    expect(response.data?._entities[0].attributionObligations).toEqual({
      ...CLOSED_YEAR,
      attributions: leases.filter(inPeriod(CLOSED_YEAR)).length,
    });
  });

  it('costs one statement for one territory and for five (batched)', async () => {
    const qpv = await busiestQpv();
    const query = `query($r: [_Any!]!, $from: LocalDate) { _entities(representations: $r) {
      ... on Territory { attributionObligations(from: $from) { attributions priorityHouseholds { share } } }
    } }`;
    const one = await statements.measure(() =>
      offers.query(mel, query, { r: [territory('59350')], from: PERIOD.from }),
    );
    const five = await statements.measure(async () => {
      const response = await offers.query(mel, query, {
        r: ['59350', '59512', MEL, '59', qpv].map(territory),
        from: PERIOD.from,
      });
      expect(response.errors).toBeUndefined();
      expect(response.data?._entities).toHaveLength(5);
    });
    expect(one).toBe(1);
    expect(five).toBe(one);
  });
});

describe('statistical confidentiality of small counts', () => {
  it('withholds, from those who do not read the households, every measure over one to four leases; the EPCI reads them', async () => {
    // A commune with one to four leases in the closed year: each measure has one to four attributions.
    const [cell] = await sql(`SELECT commune, count(*)::int AS n FROM attribution
      WHERE lease_signed_on BETWEEN '${CLOSED_YEAR.from}' AND '${CLOSED_YEAR.to}'
      GROUP BY 1 HAVING count(*) BETWEEN 1 AND 4 ORDER BY 1 LIMIT 1`);
    const asAssociation = await offers.query(association, OF_TERRITORIES, {
      r: [territory(cell.commune)],
      ...CLOSED_YEAR,
    });
    const asEpci = await offers.query(mel, OF_TERRITORIES, { r: [territory(cell.commune)], ...CLOSED_YEAR });
    expect(asAssociation.errors).toBeUndefined();
    const hidden = asAssociation.data?._entities[0].attributionObligations;
    const shown = asEpci.data?._entities[0].attributionObligations;
    expect(hidden.attributions).toBe(cell.n);
    expect(shown.attributions).toBe(cell.n);
    for (const key of ['outsideQpvFirstQuartile', 'inQpvAboveFirstQuartile', 'priorityHouseholds']) {
      const small = shown[key].denominator > 0 && shown[key].denominator < 5;
      expect(hidden[key].suppressed).toBe(small);
      expect(shown[key].suppressed).toBe(false);
      expect(hidden[key].denominator).toBe(shown[key].denominator);
      if (small) {
        expect(hidden[key]).toMatchObject({ numerator: null, share: null, gap: null, missing: null, met: null });
        expect(shown[key].numerator).toEqual(expect.any(Number));
      } else {
        expect(hidden[key]).toEqual(shown[key]);
      }
    }
    expect(hidden.daloHouseholds).toBeNull();
    expect(shown.daloHouseholds).toEqual(expect.any(Number));
  });
});

describe('Landlord and ReservationHolder attributionObligations', () => {
  it('measures a landlord’s leases, and the same narrowed to a commune', async () => {
    const [{ id }] = await sql(`SELECT id FROM landlord WHERE slug = 'lille-metropole-habitat'`);
    const all = await offers.query(mel, OF_LANDLORD, { r: [{ __typename: 'Landlord', id }], ...PERIOD });
    expect(all.errors).toBeUndefined();
    const own = leases.filter(inPeriod(PERIOD)).filter((lease) => lease.landlord_id === id);
    expect(own.length).toBeGreaterThan(0);
    expectObligations(all.data?._entities[0].attributionObligations, expectedObligations(own, PERIOD));

    const lille = await offers.query(mel, OF_LANDLORD, {
      r: [{ __typename: 'Landlord', id }],
      ...PERIOD,
      territory: '59350',
    });
    expect(lille.errors).toBeUndefined();
    expectObligations(
      lille.data?._entities[0].attributionObligations,
      expectedObligations(
        own.filter((lease) => lease.commune === '59350'),
        PERIOD,
      ),
    );
  });

  it('measures a reservation holder’s leases (its 25 % priority share), and on a QPV', async () => {
    const [{ id }] = await sql(`SELECT id FROM reservation_holder WHERE slug = 'action-logement'`);
    const response = await offers.query(mel, OF_HOLDER, { r: [{ __typename: 'ReservationHolder', id }], ...PERIOD });
    expect(response.errors).toBeUndefined();
    const own = leases.filter(inPeriod(PERIOD)).filter((lease) => lease.holder_id === id);
    expect(own.length).toBeGreaterThan(0);
    const got = response.data?._entities[0].attributionObligations;
    expectObligations(got, expectedObligations(own, PERIOD));
    expect(got.byReservationHolder).toHaveLength(1);

    const qpv = await busiestQpv();
    const inQpv = await offers.query(mel, OF_HOLDER, {
      r: [{ __typename: 'ReservationHolder', id }],
      ...PERIOD,
      territory: qpv,
    });
    expect(inQpv.errors).toBeUndefined();
    expectObligations(
      inQpv.data?._entities[0].attributionObligations,
      expectedObligations(
        own.filter((lease) => lease.qpv === qpv),
        PERIOD,
      ),
    );
  });

  it('refuses an unknown territory filter with BAD_USER_INPUT naming "territory"', async () => {
    const [{ id }] = await sql(`SELECT id FROM landlord WHERE slug = 'vilogia'`);
    const response = await offers.query(mel, OF_LANDLORD, { r: [{ __typename: 'Landlord', id }], territory: '99999' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('"territory"');
  });
});

describe('firstQuartileThresholds', () => {
  const THRESHOLDS = `query($epci: String!) { firstQuartileThresholds(epci: $epci) { epci year eurosPerUnit source } }`;

  it('lists an EPCI’s thresholds, newest year first', async () => {
    const response = await offers.query(association, THRESHOLDS, { epci: MEL });
    expect(response.errors).toBeUndefined();
    const rows = await sql(
      `SELECT epci, year, euros_per_unit::float AS "eurosPerUnit", source FROM first_quartile_threshold WHERE epci = $1`,
      [MEL],
    );
    expect(rows.length).toBe(3);
    expect(response.data?.firstQuartileThresholds).toEqual(rows.sort((a, b) => b.year - a.year));
  });

  it('refuses anonymous callers with FORBIDDEN, and a malformed EPCI with BAD_USER_INPUT', async () => {
    const denied = await offers.query(ANONYMOUS, THRESHOLDS, { epci: MEL });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const malformed = await offers.query(association, THRESHOLDS, { epci: '2000' });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.message).toContain('"epci"');
  });
});
