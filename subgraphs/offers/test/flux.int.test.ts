import type { StatementCounter } from '@passerelle/shared/database';
import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { officialGeography } from '@passerelle/shared/geography';
import type { Viewer } from '@passerelle/shared/identity';
import { type SeededSubgraph, type SubgraphClient, demoViewer, openSeededSubgraph } from '@passerelle/shared/testing';
import type { DataSource } from 'typeorm';
import { createOffersDataSource } from '../src/data-source';
import { seedDemoOffers } from '../src/seed/demo-seed';
import { buildOffersServer } from '../src/server';

/**
 * Flux management on real PostgreSQL (décret 2020-145): recording agreements, the annual flux with
 * each holder's objective, and the annual report. Expected values are computed here with plain
 * loops over rows read by direct SQL, never through the resolvers or the SQL under test.
 */
let db: DataSource;
let statements: StatementCounter;
let offers: SubgraphClient;
let subject: SeededSubgraph;

const SEEDED_DEMANDS = 400;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const THIS_YEAR = Number(TEST_REFERENCE_DATE.slice(0, 4));
const LAST_YEAR = THIS_YEAR - 1;

const lmh = demoViewer('lille-metropole-habitat');
const vilogia = demoViewer('vilogia');
const state = demoViewer('prefecture-nord');
const actionLogement = demoViewer('action-logement');
const siao = demoViewer('siao-nord');
const analyst = demoViewer('observatoire-mel');

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
const landlordId = async (slug: string) =>
  (await sql<{ id: string }>(`SELECT id FROM landlord WHERE slug = $1`, [slug]))[0]!.id;
const holderId = async (slug: string) =>
  (await sql<{ id: string }>(`SELECT id FROM reservation_holder WHERE slug = $1`, [slug]))[0]!.id;
const landlordEntity = (id: string) => ({ __typename: 'Landlord', id });
const holderEntity = (id: string) => ({ __typename: 'ReservationHolder', id });

/** Communes of the demo geography with no agreement at all, for fresh territories. */
function freshCommunes(): string[] {
  return officialGeography
    .communes()
    .map((commune) => commune.code)
    .filter((code) => code !== '59350' && code !== '59512');
}

const TABLE = `SELECT id, landlord_id, reservation_holder_id, territory, year, share_basis_points,
  signed_on::text AS signed_on, recorded_by FROM flux_agreement ORDER BY id`;

describe('recordFluxAgreement', () => {
  const RECORD = `mutation($input: RecordFluxAgreementInput!) {
    recordFluxAgreement(input: $input) {
      id territory year sharePercent signedOn landlord { slug } reservationHolder { slug }
    }
  }`;
  const [newCommune, ...raceCommunes] = freshCommunes();

  it('creates an agreement of the calling landlord, then replaces its share (same id)', async () => {
    // Ville de Roubaix has agreements on its commune only: none overlaps this fresh commune.
    const al = await holderId('ville-de-roubaix');
    const created = await offers.query(vilogia, RECORD, {
      input: {
        reservationHolder: al,
        territory: newCommune,
        year: THIS_YEAR,
        sharePercent: 12.5,
        signedOn: '2026-01-15',
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.recordFluxAgreement).toEqual({
      id: expect.any(String),
      territory: newCommune,
      year: THIS_YEAR,
      sharePercent: 12.5,
      signedOn: '2026-01-15',
      landlord: { slug: 'vilogia' },
      reservationHolder: { slug: 'ville-de-roubaix' },
    });
    const id = created.data!.recordFluxAgreement.id;
    expect(
      await sql(
        `SELECT landlord_id, reservation_holder_id, territory, year, share_basis_points,
      signed_on::text AS signed_on, recorded_by FROM flux_agreement WHERE id = $1`,
        [id],
      ),
    ).toEqual([
      {
        landlord_id: await landlordId('vilogia'),
        reservation_holder_id: al,
        territory: newCommune,
        year: THIS_YEAR,
        share_basis_points: 1250,
        signed_on: '2026-01-15',
        recorded_by: 'vilogia',
      },
    ]);

    const [{ before }] = await sql(`SELECT count(*)::int AS before FROM flux_agreement`);
    const replaced = await offers.query(vilogia, RECORD, {
      input: { reservationHolder: al, territory: newCommune, year: THIS_YEAR, sharePercent: 20.25 },
    });
    expect(replaced.errors).toBeUndefined();
    // Same agreement, new share; signed today (the test clock) when the day is omitted.
    expect(replaced.data?.recordFluxAgreement).toMatchObject({
      id,
      sharePercent: 20.25,
      signedOn: TEST_REFERENCE_DATE,
    });
    expect(
      await sql(`SELECT share_basis_points, signed_on::text AS signed_on FROM flux_agreement WHERE id = $1`, [id]),
    ).toEqual([{ share_basis_points: 2025, signed_on: TEST_REFERENCE_DATE }]);
    const [{ after }] = await sql(`SELECT count(*)::int AS after FROM flux_agreement`);
    expect(after).toBe(before);
  });

  /** Written by hand: who asks, what, and the expected refusal. */
  const REFUSALS: [string, Viewer, Record<string, unknown>, string, string | undefined][] = [
    ['a reservation holder caller', actionLogement, { holder: 'mel' }, 'FORBIDDEN', undefined],
    ['an association caller', siao, { holder: 'mel' }, 'FORBIDDEN', undefined],
    // vilogia on 59350: the State 25 % and Action Logement 30 % (on "59"), the EPCI 10 % and Ville
    // de Lille 5 % already; 30.01 % more is 100.01 %.
    [
      'a sum over 100 % on a commune, counting the agreements on the territories around it',
      vilogia,
      { holder: 'ville-de-roubaix', territory: '59350', sharePercent: 30.01 },
      'BAD_USER_INPUT',
      'input.sharePercent',
    ],
    [
      'a second agreement of a holder on a territory overlapping its first',
      vilogia,
      { holder: 'action-logement', territory: '59350' },
      'BAD_USER_INPUT',
      'input.territory',
    ],
    [
      'the State over 30 %',
      vilogia,
      { holder: 'prefecture-nord', territory: '59', sharePercent: 30.01 },
      'BAD_USER_INPUT',
      'input.sharePercent',
    ],
    ['an unknown territory', vilogia, { territory: '75056' }, 'BAD_USER_INPUT', 'input.territory'],
    ['a QPV as territory', vilogia, { territory: 'QN05965M' }, 'BAD_USER_INPUT', 'input.territory'],
    ['a holder of kind LANDLORD', vilogia, { holder: 'vilogia' }, 'BAD_USER_INPUT', 'input.reservationHolder'],
    ['an unknown holder', vilogia, { holderId: UNKNOWN }, 'BAD_USER_INPUT', 'input.reservationHolder'],
    ['a malformed holder id', vilogia, { holderId: 'mel' }, 'BAD_USER_INPUT', 'input.reservationHolder'],
    ['a share with 3 decimals', vilogia, { sharePercent: 12.345 }, 'BAD_USER_INPUT', 'input.sharePercent'],
    ['a share of 0', vilogia, { sharePercent: 0 }, 'BAD_USER_INPUT', 'input.sharePercent'],
    ['a share over 100', vilogia, { sharePercent: 100.5 }, 'BAD_USER_INPUT', 'input.sharePercent'],
    ['a year before flux management', vilogia, { year: 2019 }, 'BAD_USER_INPUT', 'input.year'],
    ['a signature after today', vilogia, { signedOn: '2026-07-01' }, 'BAD_USER_INPUT', 'input.signedOn'],
  ];
  it.each(REFUSALS)('refuses %s, changing nothing', async (_case, viewer, change, code, field) => {
    const { holder = 'action-logement', holderId: id, ...rest } = change as { holder?: string; holderId?: string };
    const input = {
      reservationHolder: id ?? (await holderId(holder)),
      territory: newCommune,
      year: THIS_YEAR,
      sharePercent: 10,
      ...rest,
    };
    const before = await sql(TABLE);
    const response = await offers.query(viewer, RECORD, { input });
    expect(response.data?.recordFluxAgreement ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    if (field) {
      expect(response.errors?.[0]?.extensions?.field).toBe(field);
      expect(response.errors?.[0]?.message).toContain(`"${field}"`);
    }
    expect(await sql(TABLE)).toEqual(before);
  });

  it('accepts shares summing to exactly 100 % on a commune (the allowed twin of the sum refusal)', async () => {
    const response = await offers.query(vilogia, RECORD, {
      input: {
        reservationHolder: await holderId('ville-de-roubaix'),
        territory: '59350',
        year: THIS_YEAR,
        sharePercent: 30,
      },
    });
    expect(response.errors).toBeUndefined();
    const [{ total }] = await sql(
      `SELECT sum(share_basis_points)::int AS total FROM flux_agreement
        WHERE landlord_id = $1 AND territory IN ('59', '200093201', '59350') AND year = $2`,
      [await landlordId('vilogia'), THIS_YEAR],
    );
    expect(total).toBe(10_000);
  });

  it('serializes concurrent writes: of two 20 % shares where 65 % are reserved around, exactly one is recorded', async () => {
    // Many territories at once, so that without the lock some pairs would interleave and both pass.
    // On each fresh commune the State, Action Logement (on "59") and the EPCI hold 65 % already.
    const holders = [await holderId('ville-de-lille'), await holderId('ville-de-roubaix')];
    const responses = await Promise.all(
      raceCommunes.flatMap((territory) =>
        holders.map(async (id) => ({
          territory,
          response: await offers.query(lmh, RECORD, {
            input: { reservationHolder: id, territory, year: THIS_YEAR, sharePercent: 20 },
          }),
        })),
      ),
    );
    for (const territory of raceCommunes) {
      const codes = responses
        .filter((answer) => answer.territory === territory)
        .map(({ response }) => response.errors?.[0]?.extensions?.code ?? 'OK')
        .sort();
      expect(codes).toEqual(['BAD_USER_INPUT', 'OK']);
    }
    const totals = await sql(
      `SELECT territory, sum(share_basis_points)::int AS total FROM flux_agreement
       WHERE landlord_id = $1 AND territory = ANY($2) AND year = $3 GROUP BY territory`,
      [await landlordId('lille-metropole-habitat'), raceCommunes, THIS_YEAR],
    );
    expect(totals).toHaveLength(raceCommunes.length);
    expect(totals.every((row) => row.total === 2_000)).toBe(true);
  });
});

describe('fluxAgreements of landlords and reservation holders', () => {
  const OF_LANDLORDS = `query($r: [_Any!]!, $year: Int!) { _entities(representations: $r) {
    ... on Landlord { id fluxAgreements(year: $year) { id territory year sharePercent signedOn reservationHolder { id } landlord { id } } }
  } }`;
  const OF_HOLDERS = `query($r: [_Any!]!, $year: Int!) { _entities(representations: $r) {
    ... on ReservationHolder { id fluxAgreements(year: $year) { id territory sharePercent landlord { id } reservationHolder { id } } }
  } }`;

  it('lists a landlord’s agreements of a year, by territory then holder name', async () => {
    const id = await landlordId('partenord-habitat');
    const response = await offers.query(siao, OF_LANDLORDS, { r: [landlordEntity(id)], year: LAST_YEAR });
    expect(response.errors).toBeUndefined();
    const rows = await sql(
      `SELECT fa.id, fa.territory, fa.year, fa.share_basis_points, fa.signed_on::text AS signed_on, fa.reservation_holder_id
       FROM flux_agreement fa JOIN reservation_holder rh ON rh.id = fa.reservation_holder_id
       WHERE fa.landlord_id = $1 AND fa.year = $2 ORDER BY fa.territory, rh.name, fa.id`,
      [id, LAST_YEAR],
    );
    expect(rows).toHaveLength(5);
    expect(response.data?._entities[0].fluxAgreements).toEqual(
      rows.map((row) => ({
        id: row.id,
        territory: row.territory,
        year: row.year,
        sharePercent: row.share_basis_points / 100,
        signedOn: row.signed_on,
        reservationHolder: { id: row.reservation_holder_id },
        landlord: { id },
      })),
    );
  });

  it('lists a reservation holder’s agreements of a year', async () => {
    const id = await holderId('action-logement');
    const response = await offers.query(analyst, OF_HOLDERS, { r: [holderEntity(id)], year: LAST_YEAR });
    expect(response.errors).toBeUndefined();
    const rows = await sql(
      `SELECT id, landlord_id, territory, share_basis_points FROM flux_agreement WHERE reservation_holder_id = $1 AND year = $2`,
      [id, LAST_YEAR],
    );
    const got = response.data?._entities[0].fluxAgreements as any[];
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect([...got].sort(byId)).toEqual(
      rows
        .map((row) => ({
          id: row.id,
          territory: row.territory,
          sharePercent: row.share_basis_points / 100,
          landlord: { id: row.landlord_id },
          reservationHolder: { id },
        }))
        .sort(byId),
    );
  });

  it('refuses a year before 2020 with BAD_USER_INPUT', async () => {
    const response = await offers.query(siao, OF_LANDLORDS, {
      r: [landlordEntity(await landlordId('vilogia'))],
      year: 2019,
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('"year"');
  });

  it('costs the same few statements for one landlord and for three (batched)', async () => {
    const ids = await Promise.all(['vilogia', 'lille-metropole-habitat', 'partenord-habitat'].map(landlordId));
    const run = (count: number) =>
      statements.measure(async () => {
        const response = await offers.query(siao, OF_LANDLORDS, {
          r: ids.slice(0, count).map(landlordEntity),
          year: THIS_YEAR,
        });
        expect(response.errors).toBeUndefined();
        expect(response.data?._entities.every((landlord: any) => landlord.fluxAgreements.length >= 5)).toBe(true);
      });
    const one = await run(1);
    const three = await run(3);
    // the landlords, their agreements, the agreements' reservation holders
    expect(one).toBe(3);
    expect(three).toBe(one);
  });
});

/** Rows read once for the flux oracles. */
interface Oracle {
  agreements: { id: string; landlord_id: string; reservation_holder_id: string; territory: string; share: number }[];
  vacancies: { id: string; landlord_id: string; commune: string; origin: string; vacated_on: string }[];
  oriented: { vacancy_id: string; reservation_holder_id: string; occurred_on: string }[];
  attributions: { landlord_id: string; reservation_holder_id: string; commune: string; lease_signed_on: string }[];
}

async function readOracle(year: number): Promise<Oracle> {
  return {
    agreements: await sql(
      `SELECT id, landlord_id, reservation_holder_id, territory, share_basis_points AS share FROM flux_agreement WHERE year = $1`,
      [year],
    ),
    vacancies: await sql(`SELECT v.id, d.landlord_id, d.commune, v.origin, v.vacated_on::text AS vacated_on
      FROM vacancy v, dwelling d WHERE d.id = v.dwelling_id`),
    oriented: await sql(`SELECT vacancy_id, reservation_holder_id, occurred_on::text AS occurred_on
      FROM vacancy_transition WHERE status = 'ORIENTED'`),
    attributions: await sql(
      `SELECT landlord_id, reservation_holder_id, commune, lease_signed_on::text AS lease_signed_on FROM attribution`,
    ),
  };
}

/** The flux and objectives of one agreement's landlord and territory, by hand (CCH R441-5 as the brief reads it). */
function expectedFlux(oracle: Oracle, year: number, landlord: string, territory: string) {
  const inYear = (day: string) => day.startsWith(`${year}-`);
  const covers = (commune: string) => officialGeography.enclosing(commune).includes(territory);
  const vacancies = oracle.vacancies.filter((v) => v.landlord_id === landlord && covers(v.commune));
  const count = (origins: string[]) =>
    vacancies.filter((v) => inYear(v.vacated_on) && origins.includes(v.origin)).length;
  const withdrawn = count(['INTERNAL_TRANSFER', 'URBAN_RENEWAL_REHOUSING', 'OTHER_LEGAL_REHOUSING']);
  const freed = count(['RELET']) + withdrawn;
  const firstLettings = count(['FIRST_LETTING']);
  const flux = Math.max(0, freed + firstLettings - withdrawn);
  const ofTerritory = new Set(vacancies.map((v) => v.id));
  const objectives = oracle.agreements
    .filter((a) => a.landlord_id === landlord && a.territory === territory)
    .map((a) => {
      const objective = Math.floor((flux * a.share + 5_000) / 10_000);
      const oriented = new Set(
        oracle.oriented
          .filter(
            (t) =>
              t.reservation_holder_id === a.reservation_holder_id &&
              inYear(t.occurred_on) &&
              ofTerritory.has(t.vacancy_id),
          )
          .map((t) => t.vacancy_id),
      ).size;
      const achieved = oracle.attributions.filter(
        (x) =>
          x.landlord_id === landlord &&
          x.reservation_holder_id === a.reservation_holder_id &&
          covers(x.commune) &&
          inYear(x.lease_signed_on),
      ).length;
      return {
        holder: a.reservation_holder_id,
        sharePercent: a.share / 100,
        objective,
        oriented,
        achieved,
        balance: achieved - objective,
        rate: objective === 0 ? null : achieved / objective,
      };
    });
  return { freed, firstLettings, withdrawn, flux, objectives };
}

const byHolder = (a: { holder: string }, b: { holder: string }) => (a.holder < b.holder ? -1 : 1);
function expectRate(got: number | null, expected: number | null) {
  if (expected === null) expect(got).toBeNull();
  else expect(got).toBeCloseTo(expected, 4);
}

describe('annualFlux and fluxObjectives', () => {
  const ANNUAL_FLUX = `query($r: [_Any!]!, $year: Int!) { _entities(representations: $r) {
    ... on Landlord { annualFlux(year: $year) { territory year freed firstLettings withdrawn flux
      objectives { reservationHolder { id } sharePercent objective oriented achieved balance rate } } }
  } }`;
  const OBJECTIVES = `query($r: [_Any!]!, $year: Int!) { _entities(representations: $r) {
    ... on ReservationHolder { fluxObjectives(year: $year) { landlord { id } territory year flux sharePercent objective oriented achieved balance rate } }
  } }`;

  it.each([LAST_YEAR, THIS_YEAR])(
    'gives a landlord’s flux per territory and each holder’s balance in %p',
    async (year) => {
      const landlord = await landlordId('partenord-habitat');
      const response = await offers.query(analyst, ANNUAL_FLUX, { r: [landlordEntity(landlord)], year });
      expect(response.errors).toBeUndefined();
      const oracle = await readOracle(year);
      const territories = [
        ...new Set(oracle.agreements.filter((a) => a.landlord_id === landlord).map((a) => a.territory)),
      ].sort();
      const lines = response.data?._entities[0].annualFlux as any[];
      expect(lines.map((line) => line.territory)).toEqual(territories);
      let achievedSomewhere = 0;
      for (const line of lines) {
        const expected = expectedFlux(oracle, year, landlord, line.territory);
        expect(line).toMatchObject({
          year,
          freed: expected.freed,
          firstLettings: expected.firstLettings,
          withdrawn: expected.withdrawn,
          flux: expected.flux,
        });
        const got = line.objectives.map((o: any) => ({ ...o, holder: o.reservationHolder.id })).sort(byHolder);
        const want = expected.objectives.sort(byHolder);
        expect(got).toHaveLength(want.length);
        want.forEach((objective, index) => {
          const { rate, ...counts } = objective;
          expect(got[index]).toMatchObject(counts);
          expectRate(got[index].rate, rate);
          achievedSomewhere += objective.achieved;
        });
      }
      // The seed gives the oracle something to check.
      expect(lines.some((line) => line.flux > 0)).toBe(true);
      if (year === LAST_YEAR) expect(achievedSomewhere).toBeGreaterThan(0);
    },
  );

  it('gives a reservation holder’s objectives, one per agreement, with the landlord’s flux', async () => {
    const holder = await holderId('action-logement');
    const response = await offers.query(state, OBJECTIVES, { r: [holderEntity(holder)], year: LAST_YEAR });
    expect(response.errors).toBeUndefined();
    const oracle = await readOracle(LAST_YEAR);
    const agreements = oracle.agreements.filter((a) => a.reservation_holder_id === holder);
    const got = response.data?._entities[0].fluxObjectives as any[];
    expect(got).toHaveLength(agreements.length);
    for (const agreement of agreements) {
      const line = got.find((o) => o.landlord.id === agreement.landlord_id && o.territory === agreement.territory);
      const expected = expectedFlux(oracle, LAST_YEAR, agreement.landlord_id, agreement.territory);
      const { rate, holder: _holder, ...counts } = expected.objectives.find((o) => o.holder === holder)!;
      expect(line).toMatchObject({ year: LAST_YEAR, flux: expected.flux, ...counts });
      expectRate(line.rate, rate);
    }
  });

  it('costs the same few statements for one landlord’s flux and for three (batched)', async () => {
    const ids = await Promise.all(['vilogia', 'lille-metropole-habitat', 'partenord-habitat'].map(landlordId));
    const run = (count: number) =>
      statements.measure(async () => {
        const response = await offers.query(siao, ANNUAL_FLUX, {
          r: ids.slice(0, count).map(landlordEntity),
          year: LAST_YEAR,
        });
        expect(response.errors).toBeUndefined();
      });
    const one = await run(1);
    const three = await run(3);
    // the landlords, their agreements, the flux counts, the reservation holders
    expect(one).toBe(4);
    expect(three).toBe(one);
  });
});

describe('annualReport', () => {
  const REPORT = `query($r: [_Any!]!, $year: Int!, $holder: ID) { _entities(representations: $r) {
    ... on Landlord { annualReport(year: $year, reservationHolder: $holder) { year dueBy csv
      rows { reservationHolder { slug } typology financing inQpv commune communeName constructionPeriod dwellingsOriented attributions } } }
  } }`;

  /** The periods of the annual report, written by hand. */
  const period = (year: number) =>
    year >= 2015
      ? 'SINCE_2015'
      : year >= 2005
        ? 'FROM_2005_TO_2014'
        : year >= 1990
          ? 'FROM_1990_TO_2004'
          : year >= 1975
            ? 'FROM_1975_TO_1989'
            : year >= 1949
              ? 'FROM_1949_TO_1974'
              : 'BEFORE_1949';

  interface ExpectedRow {
    reservationHolder: { slug: string };
    name: string;
    typology: string;
    financing: string;
    inQpv: boolean;
    commune: string;
    communeName: string | null;
    constructionPeriod: string;
    dwellingsOriented: number;
    attributions: number;
  }

  /** The report's lines by plain loops over the landlord's orientations and leases of the year. */
  async function expectedReport(landlordSlug: string, year: number): Promise<ExpectedRow[]> {
    const holders = new Map(
      (await sql(`SELECT id, slug, name FROM reservation_holder`)).map((h) => [
        h.id,
        h as { slug: string; name: string },
      ]),
    );
    const oriented = await sql(
      `SELECT t.vacancy_id, t.reservation_holder_id AS holder, d.typology, d.financing, d.qpv IS NOT NULL AS in_qpv,
         d.commune, d.construction_year, t.occurred_on::text AS day
       FROM vacancy_transition t, vacancy v, dwelling d, landlord l
       WHERE t.status = 'ORIENTED' AND v.id = t.vacancy_id AND d.id = v.dwelling_id AND l.id = d.landlord_id AND l.slug = $1`,
      [landlordSlug],
    );
    const leases = await sql(
      `SELECT a.reservation_holder_id AS holder, a.typology, a.financing, a.in_qpv, a.commune, a.construction_year,
         a.lease_signed_on::text AS day
       FROM attribution a, landlord l WHERE l.id = a.landlord_id AND l.slug = $1`,
      [landlordSlug],
    );
    const lines = new Map<string, ExpectedRow & { vacancies: Set<string> }>();
    const lineOf = (row: any) => {
      const key = [
        row.holder,
        row.typology,
        row.financing,
        row.in_qpv,
        row.commune,
        period(row.construction_year),
      ].join('|');
      let line = lines.get(key);
      if (!line) {
        const holder = holders.get(row.holder)!;
        line = {
          reservationHolder: { slug: holder.slug },
          name: holder.name,
          typology: row.typology,
          financing: row.financing,
          inQpv: row.in_qpv,
          commune: row.commune,
          communeName: officialGeography.find(row.commune)?.name ?? null,
          constructionPeriod: period(row.construction_year),
          dwellingsOriented: 0,
          attributions: 0,
          vacancies: new Set(),
        };
        lines.set(key, line);
      }
      return line;
    };
    for (const row of oriented.filter((row) => row.day.startsWith(`${year}-`))) {
      lineOf(row).vacancies.add(row.vacancy_id);
    }
    for (const row of leases.filter((row) => row.day.startsWith(`${year}-`))) lineOf(row).attributions += 1;
    const compare = (a: string | boolean, b: string | boolean) => (a < b ? -1 : a > b ? 1 : 0);
    return [...lines.values()]
      .map(({ vacancies, ...line }) => ({ ...line, dwellingsOriented: vacancies.size }))
      .sort(
        (a, b) =>
          compare(a.name, b.name) ||
          compare(a.reservationHolder.slug, b.reservationHolder.slug) ||
          compare(a.typology, b.typology) ||
          compare(a.financing, b.financing) ||
          compare(a.inQpv, b.inQpv) ||
          compare(a.commune, b.commune) ||
          compare(a.constructionPeriod, b.constructionPeriod),
      );
  }

  const withoutName = ({ name: _name, ...row }: ExpectedRow) => row;

  async function report(viewer: Viewer, landlordSlug: string, year: number, holder?: string) {
    return offers.query(viewer, REPORT, { r: [landlordEntity(await landlordId(landlordSlug))], year, holder });
  }

  it('gives the landlord its own report: lines grouped and ordered, and the same lines as CSV', async () => {
    const response = await report(lmh, 'lille-metropole-habitat', LAST_YEAR);
    expect(response.errors).toBeUndefined();
    const expected = await expectedReport('lille-metropole-habitat', LAST_YEAR);
    expect(expected.length).toBeGreaterThan(5);
    const got = response.data?._entities[0].annualReport;
    expect(got.year).toBe(LAST_YEAR);
    expect(got.dueBy).toBe(`${THIS_YEAR}-02-28`);
    expect(got.rows).toEqual(expected.map(withoutName));

    const lines = (got.csv as string).split('\r\n');
    expect(lines[0]).toBe(
      'reservation_holder,reservation_holder_slug,typology,financing,in_qpv,commune,commune_name,construction_period,dwellings_oriented,attributions',
    );
    expect(lines.at(-1)).toBe(''); // the last line ends with CRLF too
    expect(lines.slice(1, -1)).toEqual(
      expected.map((row) =>
        [
          row.name,
          row.reservationHolder.slug,
          row.typology,
          row.financing,
          String(row.inQpv),
          row.commune,
          row.communeName ?? '',
          row.constructionPeriod,
          row.dwellingsOriented,
          row.attributions,
        ].join(','),
      ),
    );
  });

  it('gives the State and analysts any landlord’s report, optionally for one holder', async () => {
    const expected = (await expectedReport('vilogia', LAST_YEAR)).map(withoutName);
    const full = await report(state, 'vilogia', LAST_YEAR);
    expect(full.errors).toBeUndefined();
    expect(full.data?._entities[0].annualReport.rows).toEqual(expected);
    const forMel = await report(analyst, 'vilogia', LAST_YEAR, await holderId('mel'));
    expect(forMel.errors).toBeUndefined();
    const melRows = expected.filter((row) => row.reservationHolder.slug === 'mel');
    expect(melRows.length).toBeGreaterThan(0);
    expect(forMel.data?._entities[0].annualReport.rows).toEqual(melRows);
  });

  it('gives a reservation holder only its own lines', async () => {
    const response = await report(actionLogement, 'vilogia', LAST_YEAR);
    expect(response.errors).toBeUndefined();
    const expected = (await expectedReport('vilogia', LAST_YEAR))
      .filter((row) => row.reservationHolder.slug === 'action-logement')
      .map(withoutName);
    expect(expected.length).toBeGreaterThan(0);
    expect(response.data?._entities[0].annualReport.rows).toEqual(expected);
    // Asking for another holder's lines gives none, not that holder's.
    const other = await report(actionLogement, 'vilogia', LAST_YEAR, await holderId('mel'));
    expect(other.errors).toBeUndefined();
    expect(other.data?._entities[0].annualReport.rows).toEqual([]);
  });

  it('refuses another landlord’s report with FORBIDDEN at the field’s path, the landlord still resolved', async () => {
    const response = await report(vilogia, 'lille-metropole-habitat', LAST_YEAR);
    expect(response.data?._entities[0]).toEqual({ annualReport: null });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({
      path: ['_entities', 0, 'annualReport'],
      extensions: { code: 'FORBIDDEN' },
    });
    // Its allowed twin: the same query for vilogia's own report.
    const own = await report(vilogia, 'vilogia', LAST_YEAR);
    expect(own.errors).toBeUndefined();
    expect(own.data?._entities[0].annualReport.rows.length).toBeGreaterThan(0);
  });

  it('refuses an association with FORBIDDEN', async () => {
    const response = await report(siao, 'vilogia', LAST_YEAR);
    expect(response.data?._entities[0].annualReport).toBeNull();
    expect(response.errors?.[0]).toMatchObject({
      path: ['_entities', 0, 'annualReport'],
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('costs one statement beyond the landlord and the holders', async () => {
    const id = await landlordId('partenord-habitat');
    const count = await statements.measure(async () => {
      const response = await offers.query(state, REPORT, { r: [landlordEntity(id)], year: LAST_YEAR });
      expect(response.errors).toBeUndefined();
    });
    // the landlord (_entities), the report, the lines' reservation holders
    expect(count).toBe(3);
  });
});
