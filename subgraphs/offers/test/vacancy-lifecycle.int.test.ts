import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { ANONYMOUS, type Viewer } from '@passerelle/shared/identity';
import {
  type SeededSubgraph,
  type SubgraphClient,
  demoViewer,
  openSeededSubgraph,
  tableChecksumsOf,
} from '@passerelle/shared/testing';
import type { DataSource } from 'typeorm';
import { createOffersDataSource } from '../src/data-source';
import { seedDemoOffers } from '../src/seed/demo-seed';
import { buildOffersServer } from '../src/server';
import { VacancyLifecycleService } from '../src/vacancy/vacancy-lifecycle.service';

/**
 * The vacancy lifecycle on real PostgreSQL, through HTTP as the gateway calls the subgraph:
 * one vacancy from vacated to lease, and every refusal leaving every table as it was. Today is the
 * seed's reference date. Expected rows are read back with SQL, not through the resolvers.
 */
let db: DataSource;
let offers: SubgraphClient;
let subject: SeededSubgraph;
const TODAY = TEST_REFERENCE_DATE; // 2026-06-30
const CLOCK = () => new Date(`${TODAY}T10:00:00Z`);

beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'offers',
    createDataSource: createOffersDataSource,
    seed: seedDemoOffers,
    buildApp: (options) => buildOffersServer({ ...options, now: CLOCK }),
    demands: 200,
  });
  ({ db, client: offers } = subject);
});
afterAll(() => subject?.close());

const sql = <T = any>(query: string, parameters: unknown[] = []): Promise<T[]> => db.query(query, parameters);
const vilogia = demoViewer('vilogia');
const lmh = demoViewer('lille-metropole-habitat');
const actionLogement = demoViewer('action-logement');
const prefecture = demoViewer('prefecture-nord');
const lille = demoViewer('ville-de-lille');
const DEMANDS = ['a', 'b', 'c', 'd'].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** Row counts and checksums of every table: what a refused mutation must leave unchanged. */
const snapshot = () => tableChecksumsOf((query, parameters) => db.query(query, parameters));

const VACANCY = `id status version origin reservationHolder { slug }
  transitions(first: 100) { status occurredOn note reservationHolder { slug } }
  proposals(first: 100) { id outcome dalo notifiedOn answerDueOn refusalMotiveCode refusalMotive demand { id } }
  attribution { id leaseSignedOn inQpv reservationHolder { slug } demand { id } household {
    memberCount consumptionUnits annualResources resourcesPerConsumptionUnit firstQuartileThreshold firstQuartile priority urbanRenewalRehousing } }`;

async function run(viewer: Viewer, mutation: string, variables: Record<string, unknown>) {
  const response = await offers.query(viewer, mutation, variables);
  return response;
}
async function ok(viewer: Viewer, mutation: string, variables: Record<string, unknown>) {
  const response = await run(viewer, mutation, variables);
  expect(response.errors).toBeUndefined();
  return Object.values(response.data!)[0] as any;
}

/** A Vilogia dwelling (in Lille when there is one) not being let now (no vacancy, or only leased ones). */
async function freeVilogiaDwelling(): Promise<{ id: string; qpv: string | null; commune: string }> {
  const [row] = await sql(
    `SELECT d.id, d.qpv, d.commune FROM dwelling d JOIN landlord l ON l.id = d.landlord_id AND l.slug = 'vilogia'
      WHERE NOT EXISTS (SELECT 1 FROM vacancy v WHERE v.dwelling_id = d.id AND v.status <> 'LEASE_SIGNED')
      ORDER BY d.commune = '59350' DESC, d.rpls_id LIMIT 1`,
  );
  if (!row) throw new Error('The demo has no free Vilogia dwelling in this commune');
  return row;
}
const holderId = async (slug: string) => (await sql(`SELECT id FROM reservation_holder WHERE slug = $1`, [slug]))[0].id;

const DECLARE = `mutation($input: DeclareVacancyInput!) { declareVacancy(input: $input) { ${VACANCY} } }`;
const ORIENT = `mutation($id: ID!, $v: Int!, $holder: ID!, $on: LocalDate) { orientVacancy(id: $id, expectedVersion: $v, reservationHolder: $holder, on: $on) { ${VACANCY} } }`;
const DESIGNATE = `mutation($id: ID!, $v: Int!, $candidates: [ID!]!, $dalo: Boolean, $reason: String, $on: LocalDate) {
  designateCandidates(id: $id, expectedVersion: $v, candidates: $candidates, daloDesignation: $dalo, fewerCandidatesReason: $reason, on: $on) { ${VACANCY} } }`;
const EXAMINE = `mutation($id: ID!, $v: Int!, $on: LocalDate) { recordCalExamination(id: $id, expectedVersion: $v, on: $on) { ${VACANCY} } }`;
const NOTIFY = `mutation($id: ID!, $v: Int!, $p: ID!, $on: LocalDate) { notifyOffer(id: $id, expectedVersion: $v, proposal: $p, on: $on) { ${VACANCY} } }`;
const ANSWER = `mutation($id: ID!, $v: Int!, $p: ID!, $accepted: Boolean!, $motive: OfferRefusalMotive, $words: String, $on: LocalDate) {
  recordApplicantAnswer(id: $id, expectedVersion: $v, proposal: $p, accepted: $accepted, refusalMotive: $motive, refusalWords: $words, on: $on) { ${VACANCY} } }`;
const SIGN = `mutation($id: ID!, $v: Int!, $input: SignLeaseInput!) { signLease(id: $id, expectedVersion: $v, input: $input) { ${VACANCY} } }`;
const RETURN = `mutation($id: ID!, $v: Int!, $reason: String!) { returnVacancy(id: $id, expectedVersion: $v, reason: $reason) { ${VACANCY} } }`;

/** Declares a vacancy on a free Vilogia dwelling. */
async function vacatedVacancy(vacatedOn = '2026-06-01') {
  const dwelling = await freeVilogiaDwelling();
  return ok(vilogia, DECLARE, { input: { dwelling: dwelling.id, vacatedOn, origin: 'RELET' } });
}

/** Declares a vacancy on a free Vilogia dwelling, oriented to `holder` (by default Action Logement). */
async function orientedVacancy(holder = 'action-logement', vacatedOn = '2026-06-01') {
  const declared = await vacatedVacancy(vacatedOn);
  return ok(vilogia, ORIENT, {
    id: declared.id,
    v: declared.version,
    holder: await holderId(holder),
    on: '2026-06-05',
  });
}

describe('one vacancy from vacated to lease', () => {
  it('goes through every step, each dated, with the attribution and the household at signature', async () => {
    const dwelling = await freeVilogiaDwelling();
    let vacancy = await ok(vilogia, DECLARE, {
      input: { dwelling: dwelling.id, vacatedOn: '2026-06-01', origin: 'RELET' },
    });
    expect(vacancy).toMatchObject({ status: 'VACATED', version: 1, origin: 'RELET', reservationHolder: null });

    vacancy = await ok(vilogia, ORIENT, {
      id: vacancy.id,
      v: 1,
      holder: await holderId('action-logement'),
      on: '2026-06-03',
    });
    expect(vacancy).toMatchObject({ status: 'ORIENTED', version: 2, reservationHolder: { slug: 'action-logement' } });

    vacancy = await ok(actionLogement, DESIGNATE, {
      id: vacancy.id,
      v: 2,
      candidates: DEMANDS.slice(0, 3),
      on: '2026-06-10',
    });
    expect(vacancy.status).toBe('CANDIDATES_DESIGNATED');
    expect(vacancy.proposals.map((p: any) => p.demand.id).sort()).toEqual(DEMANDS.slice(0, 3));

    vacancy = await ok(vilogia, EXAMINE, { id: vacancy.id, v: 3, on: '2026-06-15' });
    expect(vacancy.proposals.every((p: any) => p.outcome === 'EXAMINED_IN_CAL')).toBe(true);

    const [first, second] = [...vacancy.proposals].sort((a: any, b: any) => a.demand.id.localeCompare(b.demand.id));
    vacancy = await ok(vilogia, NOTIFY, { id: vacancy.id, v: 4, p: first.id, on: '2026-06-20' });
    expect(vacancy.proposals.find((p: any) => p.id === first.id)).toMatchObject({
      outcome: 'OFFER_NOTIFIED',
      notifiedOn: '2026-06-20',
      answerDueOn: '2026-06-30',
    });
    vacancy = await ok(vilogia, ANSWER, {
      id: vacancy.id,
      v: 5,
      p: first.id,
      accepted: false,
      motive: 'RENT_TOO_HIGH',
      words: 'Trop cher',
      on: '2026-06-22',
    });
    expect(vacancy.proposals.find((p: any) => p.id === first.id)).toMatchObject({
      outcome: 'REFUSED',
      refusalMotiveCode: 'RENT_TOO_HIGH',
      refusalMotive: 'Trop cher',
    });
    vacancy = await ok(vilogia, NOTIFY, { id: vacancy.id, v: 6, p: second.id, on: '2026-06-23' });
    vacancy = await ok(vilogia, ANSWER, { id: vacancy.id, v: 7, p: second.id, accepted: true, on: '2026-06-25' });
    vacancy = await ok(vilogia, SIGN, {
      id: vacancy.id,
      v: 8,
      input: {
        proposal: second.id,
        household: { memberAges: [34, 14, 13, 2], annualResources: 16_000, priority: 'PRIORITY' },
      },
    });

    expect(vacancy.status).toBe('LEASE_SIGNED');
    expect(vacancy.transitions.map((t: any) => [t.status, t.occurredOn])).toEqual([
      ['VACATED', '2026-06-01'],
      ['ORIENTED', '2026-06-03'],
      ['CANDIDATES_DESIGNATED', '2026-06-10'],
      ['EXAMINED_IN_CAL', '2026-06-15'],
      ['OFFER_NOTIFIED', '2026-06-20'],
      ['LEASE_SIGNED', TODAY],
    ]);
    expect(vacancy.transitions[1].reservationHolder).toEqual({ slug: 'action-logement' });
    const outcomes = Object.fromEntries(vacancy.proposals.map((p: any) => [p.id, p.outcome]));
    expect(Object.values(outcomes).sort()).toEqual(['LEASE_SIGNED', 'REFUSED', 'WITHDRAWN']);
    // 1 + 0.5 (14) + 0.3 (13) + 0.3 (2) = 2.1 units; 16 000 / 2.1 = 7 619.05 € per unit, under the 2026 demo threshold.
    const [threshold] = await sql(
      `SELECT euros_per_unit::float8 AS t FROM first_quartile_threshold WHERE epci = '200093201' AND year = 2026`,
    );
    expect(vacancy.attribution).toEqual({
      id: expect.any(String),
      leaseSignedOn: TODAY,
      inQpv: dwelling.qpv !== null,
      reservationHolder: { slug: 'action-logement' },
      demand: { id: second.demand.id },
      household: {
        memberCount: 4,
        consumptionUnits: 2.1,
        annualResources: 16_000,
        resourcesPerConsumptionUnit: 7619.05,
        firstQuartileThreshold: threshold.t,
        firstQuartile: 7619.05 <= threshold.t,
        priority: 'PRIORITY',
        urbanRenewalRehousing: false,
      },
    });
    const [row] = await sql(
      `SELECT demand_id, reservation_holder_id, epci, recorded_by FROM attribution WHERE vacancy_id = $1`,
      [vacancy.id],
    );
    expect(row).toEqual({
      demand_id: second.demand.id,
      reservation_holder_id: await holderId('action-logement'),
      epci: '200093201',
      recorded_by: 'vilogia',
    });
    const [lease] = await sql(`SELECT tenant_demand_id, lease_signed_on::text FROM vacancy WHERE id = $1`, [
      vacancy.id,
    ]);
    expect(lease).toEqual({ tenant_demand_id: second.demand.id, lease_signed_on: TODAY });
  });

  it('hides the household of the lease from an association, with FORBIDDEN at its path', async () => {
    const [row] = await sql(
      `SELECT vacancy_id FROM attribution WHERE member_count IS NOT NULL ORDER BY vacancy_id LIMIT 1`,
    );
    const QUERY = `query($id: ID!) { vacancy(id: $id) { attribution { leaseSignedOn household { priority } } } }`;
    const denied = await offers.query(demoViewer('siao-nord'), QUERY, { id: row.vacancy_id });
    expect(denied.data?.vacancy.attribution).toEqual({ leaseSignedOn: expect.any(String), household: null });
    expect(denied.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['vacancy.attribution.household', 'FORBIDDEN'],
    ]);
    const allowed = await offers.query(demoViewer('mel'), QUERY, { id: row.vacancy_id });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.vacancy.attribution.household.priority).toMatch(/DALO|PRIORITY|NONE/);
  });
});

describe('refusals change nothing', () => {
  type Request = { viewer: Viewer; mutation: string; variables: Record<string, unknown> };
  const designation = async (viewer: Viewer, candidates: string[], dalo = false): Promise<Request> => {
    const vacancy = await orientedVacancy('action-logement');
    return { viewer, mutation: DESIGNATE, variables: { id: vacancy.id, v: vacancy.version, candidates, dalo } };
  };
  const refusals: [string, () => Promise<Request>, string][] = [
    [
      'an anonymous declaration',
      async () => ({
        viewer: ANONYMOUS,
        mutation: DECLARE,
        variables: { input: { dwelling: (await freeVilogiaDwelling()).id, origin: 'RELET' } },
      }),
      'FORBIDDEN',
    ],
    [
      "another landlord's declaration",
      async () => ({
        viewer: lmh,
        mutation: DECLARE,
        variables: { input: { dwelling: (await freeVilogiaDwelling()).id, origin: 'RELET' } },
      }),
      'NOT_FOUND',
    ],
    [
      'a declaration dated tomorrow',
      async () => ({
        viewer: vilogia,
        mutation: DECLARE,
        variables: { input: { dwelling: (await freeVilogiaDwelling()).id, vacatedOn: '2026-07-01', origin: 'RELET' } },
      }),
      'BAD_USER_INPUT',
    ],
    [
      'a second vacancy on a dwelling being let',
      async () => {
        const vacancy = await vacatedVacancy();
        const [row] = await sql(`SELECT dwelling_id FROM vacancy WHERE id = $1`, [vacancy.id]);
        return {
          viewer: vilogia,
          mutation: DECLARE,
          variables: { input: { dwelling: row.dwelling_id, origin: 'RELET' } },
        };
      },
      'CONFLICT',
    ],
    [
      'an orientation by the reservation holder',
      async () => {
        const vacancy = await vacatedVacancy();
        return {
          viewer: actionLogement,
          mutation: ORIENT,
          variables: { id: vacancy.id, v: vacancy.version, holder: await holderId('action-logement') },
        };
      },
      'NOT_FOUND',
    ],
    [
      'an orientation without a flux agreement for the commune',
      async () => {
        const vacancy = await vacatedVacancy();
        const [row] = await sql(
          `SELECT d.commune FROM vacancy v JOIN dwelling d ON d.id = v.dwelling_id WHERE v.id = $1`,
          [vacancy.id],
        );
        const holder = row.commune === '59512' ? 'ville-de-lille' : 'ville-de-roubaix';
        return {
          viewer: vilogia,
          mutation: ORIENT,
          variables: { id: vacancy.id, v: vacancy.version, holder: await holderId(holder) },
        };
      },
      'BAD_USER_INPUT',
    ],
    [
      'an orientation to another landlord’s own part',
      async () => {
        const vacancy = await vacatedVacancy();
        return {
          viewer: vilogia,
          mutation: ORIENT,
          variables: { id: vacancy.id, v: vacancy.version, holder: await holderId('partenord-habitat') },
        };
      },
      'BAD_USER_INPUT',
    ],
    [
      'a step at a stale version',
      async () => {
        const vacancy = await vacatedVacancy();
        return {
          viewer: vilogia,
          mutation: ORIENT,
          variables: { id: vacancy.id, v: vacancy.version + 1, holder: await holderId('action-logement') },
        };
      },
      'CONFLICT',
    ],
    [
      'a lease on a vacancy only oriented',
      async () => {
        const vacancy = await orientedVacancy();
        return {
          viewer: vilogia,
          mutation: SIGN,
          variables: {
            id: vacancy.id,
            v: vacancy.version,
            input: { proposal: UNKNOWN, household: { memberAges: [30], annualResources: 1, priority: 'NONE' } },
          },
        };
      },
      'CONFLICT',
    ],
    [
      'a designation of two candidates without a reason',
      () => designation(actionLogement, DEMANDS.slice(0, 2)),
      'BAD_USER_INPUT',
    ],
    [
      'a DALO designation by Action Logement',
      () => designation(actionLogement, DEMANDS.slice(0, 1), true),
      'BAD_USER_INPUT',
    ],
    [
      'a designation by the landlord instead of the holder',
      () => designation(vilogia, DEMANDS.slice(0, 3)),
      'FORBIDDEN',
    ],
    ['a designation by another reservation holder', () => designation(lille, DEMANDS.slice(0, 3)), 'NOT_FOUND'],
    [
      'a malformed candidate id',
      () => designation(actionLogement, ["1' OR '1'='1", ...DEMANDS.slice(0, 2)]),
      'BAD_USER_INPUT',
    ],
    [
      'a lease with a household of age -1',
      async () => {
        let vacancy = await orientedVacancy();
        vacancy = await ok(actionLogement, DESIGNATE, {
          id: vacancy.id,
          v: vacancy.version,
          candidates: DEMANDS.slice(0, 3),
        });
        vacancy = await ok(vilogia, EXAMINE, { id: vacancy.id, v: vacancy.version });
        const proposal = vacancy.proposals[0].id;
        vacancy = await ok(vilogia, NOTIFY, { id: vacancy.id, v: vacancy.version, p: proposal });
        vacancy = await ok(vilogia, ANSWER, { id: vacancy.id, v: vacancy.version, p: proposal, accepted: true });
        return {
          viewer: vilogia,
          mutation: SIGN,
          variables: {
            id: vacancy.id,
            v: vacancy.version,
            input: { proposal, household: { memberAges: [30, -1], annualResources: 1, priority: 'NONE' } },
          },
        };
      },
      'BAD_USER_INPUT',
    ],
    [
      'an unknown vacancy',
      async () => ({ viewer: vilogia, mutation: EXAMINE, variables: { id: UNKNOWN, v: 1 } }),
      'NOT_FOUND',
    ],
  ];
  it.each(refusals)('refuses %s with a stable code and leaves every table as it was', async (_name, make, code) => {
    const { viewer, mutation, variables } = await make();
    const before = await snapshot();
    const response = await run(viewer, mutation, variables);
    expect(response.data == null || Object.values(response.data)[0] === null).toBe(true);
    expect(response.errors?.[0]?.extensions?.code).toMatch(new RegExp(`^${code}$`));
    expect(response.errors?.[0]?.message.length).toBeGreaterThan(20);
    expect(await snapshot()).toEqual(before);
  });

  it('answers a vacancy of another contingent exactly as an absent one', async () => {
    const row = await orientedVacancy('action-logement');
    const hidden = await run(lille, DESIGNATE, { id: row.id, v: row.version, candidates: DEMANDS.slice(0, 3) });
    const absent = await run(lille, DESIGNATE, { id: UNKNOWN, v: row.version, candidates: DEMANDS.slice(0, 3) });
    const strip = (response: any) => ({
      ...response,
      errors: response.errors.map((e: any) => ({ ...e, message: e.message.replace(/[0-9a-f-]{36}/, 'ID') })),
    });
    expect(strip(hidden)).toEqual(strip(absent));
  });
});

describe('designations and returns', () => {
  it('lets the State designate one DALO household alone, and records the State as the one who designated', async () => {
    const state = await orientedVacancy('prefecture-nord');
    const dalo = await ok(prefecture, DESIGNATE, {
      id: state.id,
      v: state.version,
      candidates: DEMANDS.slice(0, 1),
      dalo: true,
    });
    expect(dalo.proposals).toEqual([expect.objectContaining({ dalo: true, outcome: 'DESIGNATED' })]);
    const [step] = await sql(
      `SELECT recorded_by FROM vacancy_transition WHERE vacancy_id = $1 AND status = 'CANDIDATES_DESIGNATED'`,
      [state.id],
    );
    expect(step.recorded_by).toBe('prefecture-nord');
  });

  it('returns a vacancy with its reason, withdrawing the candidacies, then the landlord orients it again', async () => {
    const vacancy = await orientedVacancy('action-logement');
    const designated = await ok(actionLogement, DESIGNATE, {
      id: vacancy.id,
      v: vacancy.version,
      candidates: DEMANDS.slice(0, 2),
      reason: 'Only two applicants wish this neighbourhood',
    });
    expect(designated.transitions.at(-1)).toMatchObject({
      status: 'CANDIDATES_DESIGNATED',
      note: 'Only two applicants wish this neighbourhood',
    });
    const returned = await ok(actionLogement, RETURN, {
      id: vacancy.id,
      v: designated.version,
      reason: 'Both withdrew',
    });
    expect(returned.status).toBe('RETURNED');
    expect(returned.proposals.map((p: any) => p.outcome)).toEqual(['WITHDRAWN', 'WITHDRAWN']);
    // The landlord orients it again, to its own part: the holder no longer sees it.
    const ONE = `query($id: ID!) { vacancy(id: $id) { id } }`;
    expect((await run(actionLogement, ONE, { id: vacancy.id })).data?.vacancy).toEqual({ id: vacancy.id });
    const again = await ok(vilogia, ORIENT, { id: vacancy.id, v: returned.version, holder: await holderId('vilogia') });
    expect(again).toMatchObject({ status: 'ORIENTED', reservationHolder: { slug: 'vilogia' } });
    expect((await run(actionLogement, ONE, { id: vacancy.id })).data?.vacancy).toBeNull();
    // Action Logement keeps its own designations, without the vacancy now outside its contingent.
    const [withdrawn] = await sql(`SELECT id, demand_id FROM proposal WHERE vacancy_id = $1 ORDER BY id LIMIT 1`, [
      vacancy.id,
    ]);
    const ENTITY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Demand { proposals { id vacancy { id } } } } }`;
    const own = await run(actionLogement, ENTITY, { r: [{ __typename: 'Demand', id: withdrawn.demand_id }] });
    expect(own.errors).toBeUndefined();
    expect(own.data?._entities[0].proposals).toContainEqual({ id: withdrawn.id, vacancy: null });
  });

  it("never shows a holder another holder's candidates, even on a vacancy re-oriented to it", async () => {
    let vacancy = await orientedVacancy('action-logement');
    vacancy = await ok(actionLogement, DESIGNATE, {
      id: vacancy.id,
      v: vacancy.version,
      candidates: DEMANDS.slice(0, 3),
    });
    vacancy = await ok(actionLogement, RETURN, { id: vacancy.id, v: vacancy.version, reason: 'No suitable household' });
    vacancy = await ok(vilogia, ORIENT, {
      id: vacancy.id,
      v: vacancy.version,
      holder: await holderId('prefecture-nord'),
    });
    const asState = await ok(
      prefecture,
      `query($id: ID!) { vacancy(id: $id) { proposals { id } transitions { status note } } }`,
      { id: vacancy.id },
    );
    // The State reads proposals on its territory (CCH R441-2-6); it is also the new holder.
    expect(asState.proposals).toHaveLength(3);
    const SEEN = `query($id: ID!) { vacancy(id: $id) { proposals { id } } }`;
    // A vacancy in Lille or Roubaix, so that the city (a holder on the commune) can be the next holder;
    // of whichever landlord still has a free dwelling there.
    const [free] = await sql(
      `SELECT d.id, d.commune, l.slug AS landlord FROM dwelling d JOIN landlord l ON l.id = d.landlord_id
        WHERE d.commune IN ('59350', '59512')
          AND NOT EXISTS (SELECT 1 FROM vacancy v WHERE v.dwelling_id = d.id AND v.status <> 'LEASE_SIGNED')
        ORDER BY d.commune, l.slug, d.rpls_id LIMIT 1`,
    );
    if (!free) throw new Error('The demo has no free dwelling in Lille or Roubaix left for this test');
    const landlord = demoViewer(free.landlord);
    const city = free.commune === '59350' ? 'ville-de-lille' : 'ville-de-roubaix';
    const declared = await ok(landlord, DECLARE, {
      input: { dwelling: free.id, vacatedOn: '2026-06-01', origin: 'RELET' },
    });
    let other = await ok(landlord, ORIENT, {
      id: declared.id,
      v: declared.version,
      holder: await holderId('action-logement'),
      on: '2026-06-05',
    });
    other = await ok(actionLogement, DESIGNATE, { id: other.id, v: other.version, candidates: DEMANDS.slice(1, 4) });
    other = await ok(actionLogement, RETURN, { id: other.id, v: other.version, reason: 'No suitable household' });
    await ok(landlord, ORIENT, { id: other.id, v: other.version, holder: await holderId(city) });
    // The city now holds the vacancy, but reads none of Action Logement's candidates.
    expect((await ok(demoViewer(city), SEEN, { id: other.id })).proposals).toEqual([]);
    // The allowed twin: the landlord reads them on its own stock.
    expect((await ok(landlord, SEEN, { id: other.id })).proposals).toHaveLength(3);
  });

  it('shows the notes of the steps to the landlord and the holder only', async () => {
    const vacancy = await orientedVacancy('action-logement');
    const returned = await ok(actionLogement, RETURN, {
      id: vacancy.id,
      v: vacancy.version,
      reason: 'Household moved abroad',
    });
    const NOTES = `query($id: ID!) { vacancy(id: $id) { transitions { status note } } }`;
    const noteAs = async (viewer: Viewer) =>
      (await ok(viewer, NOTES, { id: returned.id })).transitions.find((t: any) => t.status === 'RETURNED').note;
    expect(await noteAs(vilogia)).toBe('Household moved abroad');
    expect(await noteAs(actionLogement)).toBe('Household moved abroad');
    // Others get null with FORBIDDEN at each step's note (with a reason or not), the steps intact.
    for (const viewer of [demoViewer('siao-nord'), demoViewer('observatoire-mel'), lmh, prefecture]) {
      const denied = await run(viewer, NOTES, { id: returned.id });
      const steps = denied.data?.vacancy?.transitions ?? [];
      expect(steps.map((step: any) => step.status)).toEqual(['VACATED', 'ORIENTED', 'RETURNED']);
      expect(steps.every((step: any) => step.note === null)).toBe(true);
      expect(denied.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual(
        steps.map((_step: unknown, index: number) => [`vacancy.transitions.${index}.note`, 'FORBIDDEN']),
      );
    }
  });

  it('lets one of two concurrent steps at the same version through, the other gets CONFLICT', async () => {
    const vacancy = await orientedVacancy('action-logement');
    const [a, b] = await Promise.all([
      run(actionLogement, DESIGNATE, { id: vacancy.id, v: vacancy.version, candidates: DEMANDS.slice(0, 3) }),
      run(actionLogement, DESIGNATE, { id: vacancy.id, v: vacancy.version, candidates: DEMANDS.slice(1, 4) }),
    ]);
    const codes = [a, b].map((response) => response.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const [count] = await sql(`SELECT count(*)::int AS n FROM proposal WHERE vacancy_id = $1`, [vacancy.id]);
    expect(count.n).toBe(3);
  });
});

describe('silence is a refusal (CCH R441-10)', () => {
  it('refuses, motive NO_ANSWER, the offers unanswered after ten days, once', async () => {
    const vacancy = await orientedVacancy('action-logement', '2026-05-01');
    let current = await ok(actionLogement, DESIGNATE, {
      id: vacancy.id,
      v: vacancy.version,
      candidates: DEMANDS.slice(0, 3),
    });
    current = await ok(vilogia, EXAMINE, { id: vacancy.id, v: current.version });
    current = await ok(vilogia, NOTIFY, { id: vacancy.id, v: current.version, p: current.proposals[0].id, on: TODAY });
    const offered = current.proposals.find((p: any) => p.outcome === 'OFFER_NOTIFIED');
    expect(offered.answerDueOn).toBe('2026-07-10');
    const job = new VacancyLifecycleService(db, CLOCK);
    const dueBefore = async (day: string) =>
      (
        await sql(`SELECT count(*)::int AS n FROM proposal WHERE outcome = 'OFFER_NOTIFIED' AND answer_due_on < $1`, [
          day,
        ])
      )[0].n;
    const dueBeforeTenth = await dueBefore('2026-07-10');
    expect(await job.expireUnansweredOffers('2026-07-10')).toBe(dueBeforeTenth);
    const [still] = await sql(`SELECT outcome FROM proposal WHERE id = $1`, [offered.id]);
    expect(still.outcome).toBe('OFFER_NOTIFIED');
    const dueOnTenth = await dueBefore('2026-07-11');
    expect(dueOnTenth).toBeGreaterThanOrEqual(1);
    expect(await job.expireUnansweredOffers('2026-07-11')).toBe(dueOnTenth);
    const [row] = await sql(`SELECT outcome, outcome_on::text, refusal_motive_code FROM proposal WHERE id = $1`, [
      offered.id,
    ]);
    expect(row).toEqual({ outcome: 'REFUSED', outcome_on: '2026-07-11', refusal_motive_code: 'NO_ANSWER' });
    expect(await job.expireUnansweredOffers('2026-07-11')).toBe(0);
  });
});

describe('the stock, written by its landlord', () => {
  const REGISTER = `mutation($input: RegisterDwellingInput!) { registerDwelling(input: $input) { id rplsId version rent internalNotes landlord { slug } } }`;
  const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateDwellingInput!) { updateDwelling(id: $id, expectedVersion: $v, input: $input) { version rent internalNotes } }`;
  const input = {
    rplsId: 'TEST0000001',
    address: '12 rue Nationale',
    commune: '59350',
    typology: 'T3',
    surface: 64.5,
    floor: 2,
    lift: true,
    accessible: false,
    constructionYear: 1995,
    financing: 'PLUS',
    rent: 412.3,
    charges: 85,
    internalNotes: 'Boiler replaced in 2024',
  };

  it('registers a dwelling and changes it at the version read; another landlord cannot', async () => {
    const created = await ok(vilogia, REGISTER, { input });
    expect(created).toMatchObject({
      rplsId: 'TEST0000001',
      version: 1,
      rent: 412.3,
      internalNotes: 'Boiler replaced in 2024',
      landlord: { slug: 'vilogia' },
    });
    const before = await snapshot();
    for (const [viewer, v, code] of [
      [lmh, 1, 'NOT_FOUND'],
      [vilogia, 2, 'CONFLICT'],
      [actionLogement, 1, 'FORBIDDEN'],
    ] as const) {
      const refused = await run(viewer, UPDATE, { id: created.id, v, input: { rent: 1 } });
      expect(refused.errors?.[0]?.extensions?.code).toBe(code);
    }
    expect((await run(vilogia, REGISTER, { input })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await snapshot()).toEqual(before);
    const updated = await ok(vilogia, UPDATE, { id: created.id, v: 1, input: { rent: 420, internalNotes: '' } });
    expect(updated).toEqual({ version: 2, rent: 420, internalNotes: null });
  });

  it('answers two concurrent registrations of one RPLS identifier with one dwelling and one CONFLICT, never a 500', async () => {
    const twin = { ...input, rplsId: 'TEST0000009' };
    const answers = await Promise.all([
      run(vilogia, REGISTER, { input: twin }),
      run(vilogia, REGISTER, { input: twin }),
    ]);
    expect(answers.map((answer) => answer.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const [count] = await sql(`SELECT count(*)::int AS n FROM dwelling WHERE rpls_id = 'TEST0000009'`);
    expect(count.n).toBe(1);
  });

  it.each([
    ['rplsId', { rplsId: 'bad id!' }],
    ['commune', { commune: '75056' }],
    ['qpv', { qpv: 'QN05999M' }],
    ['surface', { surface: 2 }],
    ['rent', { rent: 10.001 }],
    ['constructionYear', { constructionYear: 1700 }],
    ['internalNotes', { internalNotes: 'x'.repeat(2001) }],
  ])('refuses a dwelling with a wrong %s, naming the field', async (field, change) => {
    const response = await run(vilogia, REGISTER, { input: { ...input, rplsId: 'TEST0000002', ...change } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
  });
});
