import { randomUUID } from 'node:crypto';
import { parisToday } from '@passerelle/shared/dates';
import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { officialGeography } from '@passerelle/shared/geography';
import { demoToken } from '@passerelle/shared/testing';
import { Client } from 'pg';
import { e2eDatabaseUrl, endpoints, postGraphQL } from '../support/endpoints';

/**
 * Issue 5 end to end: one vacancy of Vilogia followed from vacated to lease through the gateway,
 * each step taken by the partner whose role it is (the landlord orients, Action Logement
 * designates three candidates, the landlord's CAL ranks them, the landlord notifies, records the
 * acceptance and signs with the household read from the demand through the gateway). Then one
 * query reads the vacancy with its candidates' demands (demands subgraph) and their CAL decisions
 * (governance subgraph), checked against direct SQL on the three databases; and the same vacancy
 * as other partners see it. The stack runs on the real clock: every step is dated today (Paris),
 * except the orientation when no flux agreement covers this year yet. Only new rows are added: a
 * vacancy on a dwelling not being let, one CAL meeting, and the winner's LEASE_SIGNED event and
 * radiation (so that every signed lease stays a LEASE_SIGNED radiation in demands).
 */
const databases: Record<string, Client> = {};
beforeAll(async () => {
  for (const name of ['demands', 'offers', 'governance']) {
    databases[name] = new Client({ connectionString: e2eDatabaseUrl(name) });
    await databases[name].connect();
  }
});
afterAll(() => Promise.all(Object.values(databases).map((client) => client.end())));

const sql = async <T = any>(database: string, text: string, params: unknown[] = []) =>
  (await databases[database]!.query(text, params)).rows as T[];

async function send(slug: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await postGraphQL(
    endpoints().gateway,
    { query, variables },
    { authorization: `Bearer ${await demoToken(slug)}` },
  );
  expect(response.status).toBe(200);
  return response.body;
}

/** The data of an operation that must succeed; its errors, if any, make the message. */
async function ask(slug: string, query: string, variables: Record<string, unknown> = {}) {
  const body = await send(slug, query, variables);
  if (body.errors) {
    throw new Error(`${slug}: ${query.trim().split('\n')[0]}\n${JSON.stringify(body.errors, null, 2)}`);
  }
  return body.data;
}

const MEL = '200093201';
/** The seeded demo territory's reference date: its alerts are read at it (demand-timeline-alerts). */
const SEED_ALERTS_AS_OF = TEST_REFERENCE_DATE;

/** The OECD-modified scale, by hand: 1, then 0.5 per other person of 14 or over, 0.3 per child under 14. */
const unitsByHand = (ages: number[]) =>
  (10 + ages.slice(1).reduce((tenths, age) => tenths + (age >= 14 ? 5 : 3), 0)) / 10;

interface Leased {
  vacancyId: string;
  dwelling: { id: string; commune: string; qpv: string | null };
  meetingId: string;
  /** The candidates' demand ids, by CAL rank (1, 2, 3). */
  ranked: string[];
  ages: number[];
  annualResources: number;
  priority: 'DALO' | 'PRIORITY' | 'NONE';
  today: string;
  /** Each lifecycle mutation's answer: the status reached and the version. */
  steps: { status: string; version: number }[];
}

let leased: Leased;

/** The whole lifecycle through the gateway; each step must succeed. */
beforeAll(async () => {
  const today = parisToday();
  const melCommunes = officialGeography.find(MEL)!.communes;

  // 1. A Vilogia dwelling of the MEL not being let (Lille first), and the day to orient it: today,
  //    or the last day of the latest year its flux agreement with Action Logement covers.
  const [dwelling] = await sql(
    'offers',
    `SELECT d.id, d.commune, d.qpv FROM dwelling d JOIN landlord l ON l.id = d.landlord_id AND l.slug = 'vilogia'
      WHERE d.commune = ANY ($1)
        AND NOT EXISTS (SELECT 1 FROM vacancy v WHERE v.dwelling_id = d.id AND v.status <> 'LEASE_SIGNED')
      ORDER BY d.commune = '59350' DESC, d.rpls_id LIMIT 1`,
    [melCommunes],
  );
  expect(dwelling).toBeDefined();
  const [holder] = await sql('offers', `SELECT id FROM reservation_holder WHERE slug = 'action-logement'`);
  const years = (
    await sql(
      'offers',
      `SELECT DISTINCT f.year FROM flux_agreement f
         JOIN landlord l ON l.id = f.landlord_id AND l.slug = 'vilogia'
        WHERE f.reservation_holder_id = $1 AND f.territory = ANY ($2) AND f.year <= $3 ORDER BY f.year DESC`,
      [holder.id, officialGeography.enclosing(dwelling.commune), Number(today.slice(0, 4))],
    )
  ).map((row) => Number(row.year));
  expect(years.length).toBeGreaterThan(0);
  const orientedOn = years[0] === Number(today.slice(0, 4)) ? today : `${years[0]}-12-31`;

  // 2. Three active demands wishing the commune, never candidates nor decided on before, filed
  //    after 2025 and without any alert at the seed's reference date (so that radiating the
  //    winner changes nothing other tests read); households with children first.
  const taken = [
    ...(await sql('offers', `SELECT DISTINCT demand_id FROM proposal`)),
    ...(await sql('governance', `SELECT DISTINCT demand_id FROM cal_decision`)),
    ...(await sql('governance', `SELECT DISTINCT demand_id FROM agenda_item WHERE demand_id IS NOT NULL`)),
  ].map((row) => row.demand_id as string);
  const candidates = await sql(
    'demands',
    `SELECT id FROM demand
      WHERE status = 'ACTIVE' AND $1 = ANY (wished_communes) AND filing_date > '2025-12-31'
        AND NOT (id = ANY ($2::uuid[]))
        AND (dalo_offer_deadline IS NULL OR dalo_offer_deadline > $3::date)
        AND (dal_date IS NULL OR dal_date > $3::date)
        AND (designation_alert_on IS NULL OR designation_alert_on > $3::date)
        AND valid_until > $3::date + 30
      ORDER BY children > 0 AND adults > 1 DESC, children DESC, filing_date DESC, id LIMIT 3`,
    [dwelling.commune, taken, SEED_ALERTS_AS_OF],
  );
  expect(candidates).toHaveLength(3);
  const ranked = candidates.map((row) => row.id as string);
  const steps: Leased['steps'] = [];
  const STEP = 'status version';

  const declared = (
    await ask('vilogia', `mutation($input: DeclareVacancyInput!) { declareVacancy(input: $input) { id ${STEP} } }`, {
      input: { dwelling: dwelling.id, origin: 'RELET', vacatedOn: orientedOn },
    })
  ).declareVacancy;
  const vacancyId: string = declared.id;
  steps.push({ status: declared.status, version: declared.version });
  let version: number = declared.version;
  const step = async (slug: string, mutation: string, variables: Record<string, unknown>) => {
    const data = await ask(slug, mutation, { id: vacancyId, expectedVersion: version, ...variables });
    const vacancy = Object.values(data)[0] as { status: string; version: number };
    steps.push({ status: vacancy.status, version: vacancy.version });
    version = vacancy.version;
  };

  await step(
    'vilogia',
    `mutation($id: ID!, $expectedVersion: Int!, $holder: ID!, $on: LocalDate) {
      orientVacancy(id: $id, expectedVersion: $expectedVersion, reservationHolder: $holder, on: $on) { ${STEP} } }`,
    { holder: holder.id, on: orientedOn },
  );
  await step(
    'action-logement',
    `mutation($id: ID!, $expectedVersion: Int!, $candidates: [ID!]!) {
      designateCandidates(id: $id, expectedVersion: $expectedVersion, candidates: $candidates) { ${STEP} } }`,
    { candidates: ranked },
  );

  // 3. The CAL: a meeting of Vilogia's commission today, one case review per candidate, the
  //    voting members present (quorum), held; then ranked attributions 1, 2 and 3.
  const [body] = await sql(
    'governance',
    `SELECT b.id FROM body b JOIN partner p ON p.id = b.landlord_partner_id AND p.slug = 'vilogia' WHERE b.kind = 'CAL'`,
  );
  const voting = await sql(
    'governance',
    `SELECT p.slug FROM body_member m JOIN partner p ON p.id = m.partner_id
      WHERE m.body_id = $1 AND m.role = 'VOTING' ORDER BY p.slug`,
    [body.id],
  );
  const meeting = (
    await ask('vilogia', `mutation($meeting: PlanMeetingInput!) { planMeeting(meeting: $meeting) { id version } }`, {
      meeting: { bodyId: body.id, date: today, mode: 'IN_PERSON' },
    })
  ).planMeeting;
  const items: string[] = [];
  for (const [index, demandId] of ranked.entries()) {
    const item = await ask(
      'vilogia',
      `mutation($meetingId: ID!, $item: AgendaItemInput!) { addAgendaItem(meetingId: $meetingId, item: $item) { id } }`,
      {
        meetingId: meeting.id,
        item: {
          kind: 'CASE_REVIEW',
          title: `Candidat ${index + 1} (e2e vacancy-to-lease)`,
          demandId,
          vacancyId,
          commune: dwelling.commune,
          qpv: dwelling.qpv,
        },
      },
    );
    items.push(item.addAgendaItem.id);
  }
  const attended = await ask(
    'vilogia',
    `mutation($meetingId: ID!, $entries: [AttendanceInput!]!) { recordAttendance(meetingId: $meetingId, entries: $entries) { version } }`,
    { meetingId: meeting.id, entries: voting.map((member) => ({ partner: member.slug, status: 'PRESENT' })) },
  );
  const held = await ask(
    'vilogia',
    `mutation($meetingId: ID!, $expectedVersion: Int!) {
      holdMeeting(meetingId: $meetingId, expectedVersion: $expectedVersion, minutes: "Séance e2e : trois candidats classés.") { status } }`,
    { meetingId: meeting.id, expectedVersion: attended.recordAttendance.version },
  );
  expect(held.holdMeeting.status).toBe('HELD');
  for (const [index, agendaItemId] of items.entries()) {
    const decision = index === 0 ? { type: 'ATTRIBUTION' } : { type: 'ATTRIBUTION_RANKED', rank: index + 1 };
    const recorded = await ask(
      'vilogia',
      `mutation($decision: CalDecisionInput!) { recordCalDecision(decision: $decision) { type rank } }`,
      { decision: { agendaItemId, ...decision } },
    );
    expect(recorded.recordCalDecision).toEqual({ type: decision.type, rank: index + 1 });
  }
  await step(
    'vilogia',
    `mutation($id: ID!, $expectedVersion: Int!) { recordCalExamination(id: $id, expectedVersion: $expectedVersion) { ${STEP} } }`,
    {},
  );

  // 4. The offer to the rank-1 candidate, accepted; the lease, with the household read from the
  //    demand through the gateway (applicant first).
  const { vacancy } = await ask('vilogia', `query($id: ID!) { vacancy(id: $id) { proposals { id demand { id } } } }`, {
    id: vacancyId,
  });
  const proposal: string = vacancy.proposals.find((entry: any) => entry.demand.id === ranked[0]).id;
  await step(
    'vilogia',
    `mutation($id: ID!, $expectedVersion: Int!, $proposal: ID!) {
      notifyOffer(id: $id, expectedVersion: $expectedVersion, proposal: $proposal) { ${STEP} } }`,
    { proposal },
  );
  await step(
    'vilogia',
    `mutation($id: ID!, $expectedVersion: Int!, $proposal: ID!) {
      recordApplicantAnswer(id: $id, expectedVersion: $expectedVersion, proposal: $proposal, accepted: true) { ${STEP} } }`,
    { proposal },
  );
  const { demand } = await ask(
    'vilogia',
    `query($id: ID!) { demand(id: $id) { persons { role age } resources { annualTaxableIncome } priorityLabels } }`,
    { id: ranked[0] },
  );
  expect(demand.persons[0].role).toBe('APPLICANT');
  const ages: number[] = demand.persons.map((person: { age: number }) => person.age);
  const annualResources: number = demand.resources.annualTaxableIncome ?? 0;
  const labels: string[] = demand.priorityLabels;
  const priority = labels.includes('DALO') ? 'DALO' : labels.length > 0 ? 'PRIORITY' : 'NONE';
  await step(
    'vilogia',
    `mutation($id: ID!, $expectedVersion: Int!, $input: SignLeaseInput!) {
      signLease(id: $id, expectedVersion: $expectedVersion, input: $input) { ${STEP} } }`,
    { input: { proposal, household: { memberAges: ages, annualResources, priority } } },
  );

  // The landlord tells the register: the LEASE_SIGNED event, then the radiation it allows.
  await ask('vilogia', `mutation($input: DemandEventInput!) { recordDemandEvent(input: $input) { id } }`, {
    input: {
      demandId: ranked[0],
      idempotencyKey: `e2e-lease-${vacancyId}`,
      type: 'LEASE_SIGNED',
      detail: 'Bail signé (e2e vacancy-to-lease)',
    },
  });
  const { demand: current } = await ask('vilogia', `query($id: ID!) { demand(id: $id) { version } }`, {
    id: ranked[0],
  });
  const radiated = await ask(
    'vilogia',
    `mutation($id: ID!, $expectedVersion: Int!) {
      radiateDemand(id: $id, expectedVersion: $expectedVersion, motive: LEASE_SIGNED) { status radiationMotive } }`,
    { id: ranked[0], expectedVersion: current.version },
  );
  expect(radiated.radiateDemand).toEqual({ status: 'RADIATED', radiationMotive: 'LEASE_SIGNED' });

  leased = { vacancyId, dwelling, meetingId: meeting.id, ranked, ages, annualResources, priority, today, steps };
}, 20_000);

const THE_QUERY = `query($id: ID!) {
  vacancy(id: $id) {
    status
    transitions { status }
    proposals { outcome demand { id nur calDecisions { type rank } } }
    attribution {
      leaseSignedOn
      demand { id }
      household { memberCount consumptionUnits priority firstQuartile }
    }
  }
}`;

describe('one vacancy from vacated to lease through the gateway', () => {
  it('takes each step with the right partner, one version at a time', async () => {
    // Who recorded each dated step: the landlord, but the holder for the designation.
    const steps = await sql(
      'offers',
      `SELECT status, recorded_by FROM vacancy_transition WHERE vacancy_id = $1 ORDER BY position`,
      [leased.vacancyId],
    );
    expect(steps.map((step) => [step.status, step.recorded_by])).toEqual([
      ['VACATED', 'vilogia'],
      ['ORIENTED', 'vilogia'],
      ['CANDIDATES_DESIGNATED', 'action-logement'],
      ['EXAMINED_IN_CAL', 'vilogia'],
      ['OFFER_NOTIFIED', 'vilogia'],
      ['LEASE_SIGNED', 'vilogia'],
    ]);
    expect(leased.steps).toEqual(
      [
        'VACATED',
        'ORIENTED',
        'CANDIDATES_DESIGNATED',
        'EXAMINED_IN_CAL',
        'OFFER_NOTIFIED',
        'OFFER_NOTIFIED',
        'LEASE_SIGNED',
      ].map((status, index) => ({ status, version: index + 1 })),
    );
  });

  it('reads, in one query, the vacancy with its candidates’ demands and CAL decisions and the lease, as the three databases hold them', async () => {
    const { vacancyId, ranked, ages, annualResources, priority, meetingId, today } = leased;
    const data = await ask('vilogia', THE_QUERY, { id: vacancyId });
    const vacancy = data.vacancy;

    // offers: the vacancy, its six dated steps in order, its candidacies.
    const [row] = await sql('offers', `SELECT status FROM vacancy WHERE id = $1`, [vacancyId]);
    expect(vacancy.status).toBe('LEASE_SIGNED');
    expect(row.status).toBe('LEASE_SIGNED');
    const transitions = await sql(
      'offers',
      `SELECT status FROM vacancy_transition WHERE vacancy_id = $1 ORDER BY position`,
      [vacancyId],
    );
    const lifecycle = [
      'VACATED',
      'ORIENTED',
      'CANDIDATES_DESIGNATED',
      'EXAMINED_IN_CAL',
      'OFFER_NOTIFIED',
      'LEASE_SIGNED',
    ].map((status) => ({ status }));
    expect(transitions).toEqual(lifecycle);
    expect(vacancy.transitions).toEqual(lifecycle);

    const proposals = await sql(
      'offers',
      `SELECT demand_id, outcome FROM proposal WHERE vacancy_id = $1 ORDER BY designated_on DESC, id DESC`,
      [vacancyId],
    );
    expect(new Map(proposals.map((p) => [p.demand_id, p.outcome]))).toEqual(
      new Map([
        [ranked[0], 'LEASE_SIGNED'],
        [ranked[1], 'WITHDRAWN'],
        [ranked[2], 'WITHDRAWN'],
      ]),
    );

    // demands: each candidate's NUR; governance: each one's decisions (only this meeting's here).
    const nurOf = new Map(
      (await sql('demands', `SELECT id, nur FROM demand WHERE id = ANY ($1::uuid[])`, [ranked])).map((d) => [
        d.id,
        d.nur,
      ]),
    );
    const decisions = await sql(
      'governance',
      `SELECT demand_id, meeting_id, type, rank FROM cal_decision WHERE demand_id = ANY ($1::uuid[])
        ORDER BY decided_on DESC, id DESC`,
      [ranked],
    );
    expect(decisions.map((d) => [d.demand_id, d.meeting_id, d.type, d.rank]).sort()).toEqual(
      [
        [ranked[0], meetingId, 'ATTRIBUTION', 1],
        [ranked[1], meetingId, 'ATTRIBUTION_RANKED', 2],
        [ranked[2], meetingId, 'ATTRIBUTION_RANKED', 3],
      ].sort(),
    );
    expect(vacancy.proposals).toEqual(
      proposals.map((p) => ({
        outcome: p.outcome,
        demand: {
          id: p.demand_id,
          nur: nurOf.get(p.demand_id),
          calDecisions: decisions
            .filter((d) => d.demand_id === p.demand_id)
            .map((d) => ({ type: d.type, rank: d.rank })),
        },
      })),
    );

    // offers: the attribution, with the household as supplied and the units counted by hand.
    const [attribution] = await sql(
      'offers',
      `SELECT demand_id, to_char(lease_signed_on, 'YYYY-MM-DD') AS lease_signed_on, member_count,
              consumption_units::float8 AS consumption_units, annual_resources, priority, first_quartile,
              quartile_threshold::float8 AS quartile_threshold
         FROM attribution WHERE vacancy_id = $1`,
      [vacancyId],
    );
    const units = unitsByHand(ages);
    expect(attribution).toMatchObject({
      demand_id: ranked[0],
      lease_signed_on: today,
      member_count: ages.length,
      consumption_units: units,
      annual_resources: annualResources,
      priority,
    });
    const [threshold] = await sql(
      'offers',
      `SELECT euros_per_unit::float8 AS euros FROM first_quartile_threshold WHERE epci = $1 AND year = $2`,
      [MEL, Number(today.slice(0, 4))],
    );
    const firstQuartile = threshold
      ? Math.round((annualResources * 100) / units) <= Math.round(threshold.euros * 100)
      : null;
    expect(attribution.first_quartile).toBe(firstQuartile);
    expect(vacancy.attribution).toEqual({
      leaseSignedOn: attribution.lease_signed_on,
      demand: { id: ranked[0] },
      household: { memberCount: ages.length, consumptionUnits: units, priority, firstQuartile },
    });
  });

  it('shows the candidacies to the reservation holder charged, hides the vacancy from another holder, and the household from an association', async () => {
    const { vacancyId, ranked } = leased;
    const expected = (
      await sql(
        'offers',
        `SELECT demand_id, outcome FROM proposal WHERE vacancy_id = $1 ORDER BY designated_on DESC, id DESC`,
        [vacancyId],
      )
    ).map((p) => ({ outcome: p.outcome, demand: { id: p.demand_id } }));

    // Action Logement: its contingent's vacancy, with its candidacies and the household charged to it.
    const holder = await ask(
      'action-logement',
      `query($id: ID!) { vacancy(id: $id) { status reservationHolder { slug } proposals { outcome demand { id } }
        attribution { demand { id } household { memberCount } } } }`,
      { id: vacancyId },
    );
    expect(holder.vacancy).toEqual({
      status: 'LEASE_SIGNED',
      reservationHolder: { slug: 'action-logement' },
      proposals: expected,
      attribution: { demand: { id: ranked[0] }, household: { memberCount: leased.ages.length } },
    });

    // The city of Lille, another reservation holder: the vacancy is not in its contingent, and
    // the answer is exactly that for an id that does not exist.
    const VACANCY = `query($id: ID!) { vacancy(id: $id) { id status proposals { outcome } } }`;
    const outside = await send('ville-de-lille', VACANCY, { id: vacancyId });
    const unknown = await send('ville-de-lille', VACANCY, { id: randomUUID() });
    expect(outside).toEqual({ data: { vacancy: null } });
    expect(unknown).toEqual(outside);

    // The SIAO, an association: the public vacancy, no candidacy, no household (FORBIDDEN there).
    const association = await send(
      'siao-nord',
      `query($id: ID!) { vacancy(id: $id) { status proposals { outcome }
        attribution { leaseSignedOn demand { id } household { memberCount } } } }`,
      { id: vacancyId },
    );
    expect(association.data).toEqual({
      vacancy: {
        status: 'LEASE_SIGNED',
        proposals: [],
        attribution: { leaseSignedOn: leased.today, demand: null, household: null },
      },
    });
    expect(
      (association.errors ?? []).map((error: any) => [error.path.join('.'), error.extensions?.code]).sort(),
    ).toEqual([
      ['vacancy.attribution.demand', 'FORBIDDEN'],
      ['vacancy.attribution.household', 'FORBIDDEN'],
    ]);
  });
});
