import { addDays, addMonths, addYears, monthsBetween, type CalendarDate } from '../dates';
import { officialGeography } from '../geography';
import { demoPartners } from './partners';
import { demoId } from './ids';
import { SeededRandom } from './random';
import type {
  DemoCalMeeting,
  DemoCandidacy,
  DemoDemand,
  DemoDwelling,
  DemoFinancing,
  DemoLandlord,
  DemoPriorityLabel,
  DemoReservationHolder,
  DemoTerritory,
  DemoTypology,
  DemoVacancy,
  DemoVacancyStatus,
} from './territory-types';

export type * from './territory-types';

const TYPOLOGIES: DemoTypology[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'];

/**
 * Generates the demo territory (see territory-types.ts): deterministic for a reference date and
 * a number of demands, with distributions close to national figures (DOMAIN.md; issue 3):
 * ~43 % single persons, ~27 % single parents, a third transfers, a few percent DALO, waits from
 * days to over five years; about one vacancy for five demands (a few demands per attribution), three candidates per vacancy (one
 * for a DALO household designated by the State), CAL decisions of the five legal types.
 */
export function generateDemoTerritory(referenceDate: CalendarDate, demandCount: number): DemoTerritory {
  const key = `${referenceDate}|${demandCount}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const territory = build(referenceDate, demandCount);
  cache.set(key, territory);
  return territory;
}

const cache = new Map<string, DemoTerritory>();

function build(referenceDate: CalendarDate, demandCount: number): DemoTerritory {
  const random = new SeededRandom(59_350);
  const landlords = LANDLORDS.map((landlord) => ({ ...landlord, id: demoId('landlord', landlord.slug) }));
  const reservationHolders = reservationHoldersOf(landlords);
  const demands = generateDemands(random, referenceDate, demandCount, landlords);
  const dwellings = generateDwellings(random, Math.max(3, Math.round(demandCount / 3)), landlords);
  const calMeetings = generateCalMeetings(referenceDate, landlords);
  const { vacancies, candidacies } = generateVacancies(random, referenceDate, {
    count: Math.max(1, Math.round(demandCount / 5)),
    demands,
    dwellings,
    reservationHolders,
    calMeetings,
  });
  return {
    referenceDate,
    epci: '200093201',
    departement: '59',
    demands,
    landlords,
    reservationHolders,
    dwellings,
    vacancies,
    candidacies,
    calMeetings,
  };
}

/**
 * SIRENs of the demo landlords. Demo values, Luhn-valid: Lille Métropole Habitat's (783713498)
 * and Vilogia's (475680815) as found in public test fixtures, Partenord Habitat's a placeholder
 * (275900009). Check them against the SIRENE register before using them as facts.
 */
const LANDLORDS: Omit<DemoLandlord, 'id'>[] = [
  { slug: 'lille-metropole-habitat', name: 'Lille Métropole Habitat', siren: '783713498' },
  { slug: 'vilogia', name: 'Vilogia', siren: '475680815' },
  { slug: 'partenord-habitat', name: 'Partenord Habitat', siren: '275900009' },
];

function reservationHoldersOf(landlords: DemoLandlord[]): DemoReservationHolder[] {
  const holder = (slug: string, kind: DemoReservationHolder['kind']) => ({
    id: demoId('reservation-holder', slug),
    slug,
    name: demoPartners.find((partner) => partner.slug === slug)!.name,
    kind,
  });
  return [
    holder('prefecture-nord', 'STATE'),
    holder('mel', 'EPCI'),
    holder('action-logement', 'ACTION_LOGEMENT'),
    holder('ville-de-lille', 'COMMUNE'),
    holder('ville-de-roubaix', 'COMMUNE'),
    ...landlords.map((landlord) => holder(landlord.slug, 'LANDLORD')),
  ];
}

// ── Demands ─────────────────────────────────────────────────────────────────────────────────

type Household = 'SINGLE' | 'SINGLE_PARENT' | 'COUPLE' | 'COUPLE_WITH_CHILDREN';
const HOUSEHOLDS: readonly (readonly [Household, number])[] = [
  ['SINGLE', 43],
  ['SINGLE_PARENT', 27],
  ['COUPLE', 10],
  ['COUPLE_WITH_CHILDREN', 20],
];
const PRIORITIES: readonly (readonly [DemoPriorityLabel, number])[] = [
  ['DALO', 0.03],
  ['PDALHPD', 0.06],
  ['ACCORD_COLLECTIF', 0.08],
  ['L441_1', 0.15],
];
/** Registration desks of the demo territory (guichets enregistreurs). */
const REGISTRATION_DESKS = [
  'mel',
  'lille-metropole-habitat',
  'vilogia',
  'partenord-habitat',
  'ville-de-lille',
  'ville-de-roubaix',
];

function generateDemands(
  random: SeededRandom,
  referenceDate: CalendarDate,
  count: number,
  landlords: DemoLandlord[],
): DemoDemand[] {
  const communes = officialGeography.communes().map((commune) => commune.code);
  const sequenceByMonth = new Map<string, number>();
  const demands: DemoDemand[] = [];
  for (let i = 0; i < count; i++) {
    const household = random.weighted(HOUSEHOLDS);
    const adults = household === 'COUPLE' || household === 'COUPLE_WITH_CHILDREN' ? 2 : 1;
    const children =
      household === 'SINGLE_PARENT' ? random.int(1, 3) : household === 'COUPLE_WITH_CHILDREN' ? random.int(1, 4) : 0;
    // Waits: many recent demands, a long tail beyond five years.
    const waitMonths = Math.min(80, Math.floor(-Math.log(1 - random.next()) * 18));
    const filingDate = addDays(referenceDate, -(waitMonths * 30 + random.int(0, 29)));
    const yearMonth = filingDate.slice(2, 4) + filingDate.slice(5, 7);
    const sequence = (sequenceByMonth.get(yearMonth) ?? 0) + 1;
    sequenceByMonth.set(yearMonth, sequence);
    const nur = `059-${yearMonth}-${String(sequence).padStart(6, '0')}`;
    const kind = random.chance(1 / 3) ? 'TRANSFER' : 'FIRST_ACCESS';
    const persons = adults + children;
    // Radiations other than a signed lease; leases come from the vacancies below.
    const motive = random.weighted([
      [null, 95],
      ['NON_RENEWAL', 4],
      ['RENUNCIATION', 1],
    ] as const);
    demands.push({
      id: demoId('demand', nur),
      nur,
      filingDate,
      kind,
      adults,
      children,
      singleParent: household === 'SINGLE_PARENT',
      wishedCommunes: pickCommunes(random, communes),
      wishedTypologies: typologiesFor(random, persons),
      priorityLabels: PRIORITIES.filter(([, probability]) => random.chance(probability)).map(([label]) => label),
      currentLandlordSiren: kind === 'TRANSFER' ? random.pick(landlords).siren : null,
      registeredBy: random.pick(REGISTRATION_DESKS),
      radiation:
        motive === 'NON_RENEWAL' && monthsBetween(filingDate, referenceDate) >= 13
          ? { motive, on: addMonths(filingDate, 13) }
          : motive === 'RENUNCIATION'
            ? { motive, on: addDays(referenceDate, -random.int(1, 90)) }
            : null,
    });
  }
  return demands;
}

/** Typologies a household of `persons` wishes: the usual size, sometimes one more. */
function typologiesFor(random: SeededRandom, persons: number): DemoTypology[] {
  const usual =
    persons === 1
      ? random.weighted([
          [0, 55],
          [1, 45],
        ] as const)
      : Math.min(persons - 1, 4);
  return random.chance(0.35) && usual < 5 ? [TYPOLOGIES[usual]!, TYPOLOGIES[usual + 1]!] : [TYPOLOGIES[usual]!];
}

/** One to three wished communes; Lille, Roubaix and Tourcoing are asked for most. */
function pickCommunes(random: SeededRandom, communes: readonly string[]): string[] {
  const first = random.chance(0.55) ? random.pick(['59350', '59350', '59512', '59599']) : random.pick(communes);
  const wished = new Set([first]);
  const extra = random.int(0, 2);
  for (let n = 0; n < extra; n++) wished.add(random.pick(communes));
  return [...wished];
}

// ── Stock ───────────────────────────────────────────────────────────────────────────────────

const STREETS = [
  'rue Nationale',
  'rue de Paris',
  'avenue Jean Lebas',
  'rue du Molinel',
  'boulevard de Belfort',
  'rue de Lannoy',
  'rue Pierre Legrand',
  'avenue de la République',
  'rue Gambetta',
  'rue de Douai',
];
const SURFACE: Record<DemoTypology, [number, number]> = {
  T1: [22, 35],
  T2: [40, 55],
  T3: [58, 72],
  T4: [75, 88],
  T5: [90, 105],
  T6: [106, 125],
};
/** Rent per m² per month by initial financing (orders of magnitude of the Nord social stock). */
const RENT_PER_M2: Record<DemoFinancing, number> = { PLAI: 5.2, PLUS: 6.0, PLS: 8.4, PLI: 10.5 };

function generateDwellings(random: SeededRandom, count: number, landlords: DemoLandlord[]): DemoDwelling[] {
  const communes = officialGeography.communes().map((commune) => commune.code);
  const dwellings: DemoDwelling[] = [];
  for (let i = 0; i < count; i++) {
    const landlord = random.weighted(landlords.map((l, n) => [l, [45, 35, 20][n] ?? 10] as const));
    const commune = random.chance(0.5) ? random.pick(['59350', '59350', '59512', '59599']) : random.pick(communes);
    const qpvs = officialGeography.qpvsOf(commune);
    const typology = random.weighted([
      ['T1', 15],
      ['T2', 28],
      ['T3', 32],
      ['T4', 18],
      ['T5', 6],
      ['T6', 1],
    ] as const);
    const [min, max] = SURFACE[typology];
    const surface = random.int(min, max);
    const financing = random.weighted([
      ['PLAI', 20],
      ['PLUS', 60],
      ['PLS', 15],
      ['PLI', 5],
    ] as const);
    const floor = random.int(0, 9);
    const rplsId = `${landlord.siren.slice(0, 4)}${String(i + 1).padStart(7, '0')}`;
    dwellings.push({
      id: demoId('dwelling', rplsId),
      rplsId,
      landlordSlug: landlord.slug,
      address: `${random.int(1, 220)} ${random.pick(STREETS)}`,
      commune,
      qpv: qpvs.length > 0 && random.chance(0.4) ? random.pick(qpvs).code : null,
      typology,
      surface,
      floor,
      lift: floor >= 3 ? random.chance(0.85) : random.chance(0.2),
      accessible: floor === 0 ? random.chance(0.5) : random.chance(0.1),
      constructionYear: random.int(1955, 2024),
      financing,
      rent: Math.round(surface * RENT_PER_M2[financing]),
      charges: Math.round(surface * 1.6),
    });
  }
  return dwellings;
}

// ── CAL meetings ────────────────────────────────────────────────────────────────────────────

/** Each landlord's CAL meets on the second Tuesday of every month, from 13 months back to 2 ahead. */
function generateCalMeetings(referenceDate: CalendarDate, landlords: DemoLandlord[]): DemoCalMeeting[] {
  const meetings: DemoCalMeeting[] = [];
  for (let month = -13; month <= 2; month++) {
    const first = addMonths(`${referenceDate.slice(0, 7)}-01`, month);
    const weekday = new Date(`${first}T12:00:00Z`).getUTCDay(); // 0 Sunday … 2 Tuesday
    const date = addDays(first, ((2 - weekday + 7) % 7) + 7);
    for (const landlord of landlords) {
      meetings.push({ id: demoId('meeting', `cal:${landlord.slug}:${date}`), landlordSlug: landlord.slug, date });
    }
  }
  return meetings;
}

// ── Vacancies and candidacies ───────────────────────────────────────────────────────────────

const REFUSAL_MOTIVES = [
  'Loyer trop élevé',
  'Quartier ne convenant pas',
  'Logement trop éloigné du travail',
  'Étage sans ascenseur',
  'Sans réponse dans les 10 jours',
];
const NON_ATTRIBUTION_MOTIVES = [
  'Logement inadapté à la composition familiale',
  "Taux d'effort trop élevé",
  'Logement trop éloigné du lieu de travail',
];

function generateVacancies(
  random: SeededRandom,
  referenceDate: CalendarDate,
  input: {
    count: number;
    demands: DemoDemand[];
    dwellings: DemoDwelling[];
    reservationHolders: DemoReservationHolder[];
    calMeetings: DemoCalMeeting[];
  },
) {
  const vacancies: DemoVacancy[] = [];
  const candidacies: DemoCandidacy[] = [];
  const tenants = new Set<string>();
  const holders = input.reservationHolders;
  const dwellingOrder = [...input.dwellings];
  const pools = new CandidatePools(input.demands);
  for (let i = 0; i < input.count; i++) {
    const dwelling = dwellingOrder[i % dwellingOrder.length]!;
    const vacatedOn = addDays(referenceDate, -random.int(3, 400));
    const vacancyId = demoId('vacancy', `${dwelling.rplsId}:${vacatedOn}`);
    const age = monthsBetween(vacatedOn, referenceDate);
    // Older vacancies have gone further through the lifecycle.
    const target = pickTarget(random, age);
    const transitions: { status: DemoVacancyStatus; on: string }[] = [{ status: 'VACATED', on: vacatedOn }];
    const holder = random.weighted([
      [holders.find((h) => h.kind === 'STATE')!, 25],
      [holders.find((h) => h.kind === 'EPCI')!, 15],
      [holders.find((h) => h.kind === 'ACTION_LOGEMENT')!, 30],
      [random.pick(holders.filter((h) => h.kind === 'COMMUNE')), 10],
      [holders.find((h) => h.slug === dwelling.landlordSlug)!, 20],
    ] as const);
    const vacancy: DemoVacancy = {
      id: vacancyId,
      dwellingId: dwelling.id,
      vacatedOn,
      status: 'VACATED',
      transitions,
      reservationHolderSlug: null,
      daloDesignation: false,
      cal: null,
      tenantDemandId: null,
    };
    vacancies.push(vacancy);
    const reach = (status: DemoVacancyStatus, on: string) => {
      transitions.push({ status, on });
      vacancy.status = status;
    };
    if (target === 'VACATED') continue;
    const orientedOn = addDays(vacatedOn, random.int(1, 10));
    reach('ORIENTED', orientedOn);
    vacancy.reservationHolderSlug = holder.slug;
    if (target === 'ORIENTED') continue;

    // Designation: one DALO household by the State, or at least three candidates.
    const designatedOn = addDays(orientedOn, random.int(5, 25));
    if (designatedOn > referenceDate) continue;
    const available = (demand: DemoDemand) => !tenants.has(demand.id) && demand.radiation === null;
    const daloCandidate =
      holder.kind === 'STATE' && random.chance(0.3)
        ? pools.pick(random, DALO_POOL, designatedOn, available)
        : undefined;
    const dalo = daloCandidate !== undefined;
    // Candidates wish the dwelling's commune (its typology first). CCH R441-3: at least three,
    // except a DALO household designated alone by the State; short of three, it stays oriented.
    const candidates = daloCandidate
      ? [daloCandidate]
      : pools.pickDistinct(
          random,
          [poolKey(dwelling.commune, dwelling.typology), poolKey(dwelling.commune)],
          designatedOn,
          available,
          3,
        );
    if (candidates.length < (dalo ? 1 : 3)) continue;
    vacancy.daloDesignation = dalo;
    reach('CANDIDATES_DESIGNATED', designatedOn);
    const entries = candidates.map((demand, index) => {
      const candidacy: DemoCandidacy = {
        id: demoId('candidacy', `${vacancyId}:${demand.id}`),
        vacancyId,
        demandId: demand.id,
        designatedBy: holder.slug,
        designatedOn,
        outcome: 'DESIGNATED',
        outcomeOn: designatedOn,
        refusalMotive: null,
        calDecision: null,
      };
      candidacies.push(candidacy);
      return { demand, candidacy, rank: index + 1 };
    });
    if (target === 'CANDIDATES_DESIGNATED') continue;

    // CAL: the landlord's next meeting after designation.
    const meeting = input.calMeetings.find((m) => m.landlordSlug === dwelling.landlordSlug && m.date > designatedOn);
    if (!meeting || meeting.date > referenceDate) continue;
    vacancy.cal = { meetingId: meeting.id, date: meeting.date };
    reach('EXAMINED_IN_CAL', meeting.date);
    for (const entry of entries) {
      entry.candidacy.outcome = 'EXAMINED_IN_CAL';
      entry.candidacy.outcomeOn = meeting.date;
      entry.candidacy.calDecision = calDecisionFor(random, entry.candidacy.id, entry.rank, meeting.date);
    }
    if (target === 'EXAMINED_IN_CAL') continue;

    // Offer to the attributed candidates in rank order; 10 days to answer, silence is a refusal.
    const attributed = entries.filter((entry) => entry.candidacy.calDecision?.type.startsWith('ATTRIBUTION'));
    let offerOn = addDays(meeting.date, random.int(1, 5));
    let tenant: (typeof entries)[number] | undefined;
    for (const entry of attributed) {
      if (offerOn > referenceDate) break;
      entry.candidacy.outcome = 'OFFER_NOTIFIED';
      entry.candidacy.outcomeOn = offerOn;
      if (vacancy.status !== 'OFFER_NOTIFIED') reach('OFFER_NOTIFIED', offerOn);
      const answeredOn = addDays(offerOn, random.int(2, 10));
      if (target === 'OFFER_NOTIFIED' || answeredOn > referenceDate) break;
      if (random.chance(0.3)) {
        entry.candidacy.outcome = 'REFUSED';
        entry.candidacy.outcomeOn = answeredOn;
        entry.candidacy.refusalMotive = random.pick(REFUSAL_MOTIVES);
        offerOn = addDays(answeredOn, 1);
        continue;
      }
      entry.candidacy.outcome = 'ACCEPTED';
      entry.candidacy.outcomeOn = answeredOn;
      tenant = entry;
      break;
    }
    if (!tenant) {
      if (
        target === 'RETURNED' ||
        (attributed.length > 0 && attributed.every((e) => e.candidacy.outcome === 'REFUSED'))
      ) {
        const returnedOn = addDays(offerOn, 3);
        if (returnedOn <= referenceDate) reach('RETURNED', returnedOn);
      }
      continue;
    }
    const leaseOn = addDays(tenant.candidacy.outcomeOn, random.int(5, 20));
    if (leaseOn > referenceDate) continue;
    tenant.candidacy.outcome = 'LEASE_SIGNED';
    tenant.candidacy.outcomeOn = leaseOn;
    tenant.demand.radiation = { motive: 'LEASE_SIGNED', on: leaseOn };
    tenants.add(tenant.demand.id);
    vacancy.tenantDemandId = tenant.demand.id;
    reach('LEASE_SIGNED', leaseOn);
  }
  return { vacancies, candidacies };
}

function pickTarget(random: SeededRandom, ageInMonths: number): DemoVacancyStatus {
  if (ageInMonths < 1) return random.pick(['VACATED', 'ORIENTED', 'CANDIDATES_DESIGNATED'] as const);
  if (ageInMonths < 2) return random.pick(['CANDIDATES_DESIGNATED', 'EXAMINED_IN_CAL', 'OFFER_NOTIFIED'] as const);
  return random.weighted([
    ['LEASE_SIGNED', 80],
    ['RETURNED', 8],
    ['OFFER_NOTIFIED', 6],
    ['EXAMINED_IN_CAL', 6],
  ] as const);
}

const DALO_POOL = 'DALO';
const poolKey = (commune: string, typology?: DemoTypology) => `${commune}|${typology ?? '*'}`;

/**
 * Demands indexed for designation: by wished commune and typology, by wished commune, and DALO
 * households — each pool sorted by filing date, so that "filed before the designation" is a
 * binary search. Keeps generation near-linear in the number of demands (1 M at scale).
 */
class CandidatePools {
  private readonly pools = new Map<string, DemoDemand[]>();

  constructor(demands: DemoDemand[]) {
    const sorted = [...demands].sort((a, b) => a.filingDate.localeCompare(b.filingDate) || a.id.localeCompare(b.id));
    for (const demand of sorted) {
      if (demand.priorityLabels.includes('DALO')) this.add(DALO_POOL, demand);
      for (const commune of demand.wishedCommunes) {
        this.add(poolKey(commune), demand);
        for (const typology of demand.wishedTypologies) this.add(poolKey(commune, typology), demand);
      }
    }
  }

  /** A demand of pool `key`, filed before `date`, accepted and not excluded; undefined after a few draws. */
  pick(
    random: SeededRandom,
    key: string,
    date: string,
    accept: (demand: DemoDemand) => boolean,
    exclude?: Set<string>,
  ) {
    const pool = this.pools.get(key) ?? [];
    const filedBefore = lowerBound(pool, date);
    for (let draw = 0; filedBefore > 0 && draw < 12; draw++) {
      const demand = pool[random.int(0, filedBefore - 1)]!;
      if (accept(demand) && !exclude?.has(demand.id)) return demand;
    }
    return undefined;
  }

  /** Up to `count` distinct demands from the first pool, then the next ones when it runs short. */
  pickDistinct(
    random: SeededRandom,
    keys: string[],
    date: string,
    accept: (demand: DemoDemand) => boolean,
    count: number,
  ) {
    const chosen = new Map<string, DemoDemand>();
    const excluded = new Set<string>();
    for (const key of keys) {
      for (let misses = 0; chosen.size < count && misses < 3;) {
        const demand = this.pick(random, key, date, accept, excluded);
        if (!demand) {
          misses++;
          continue;
        }
        chosen.set(demand.id, demand);
        excluded.add(demand.id);
      }
    }
    return [...chosen.values()];
  }

  private add(key: string, demand: DemoDemand) {
    const pool = this.pools.get(key);
    if (pool) pool.push(demand);
    else this.pools.set(key, [demand]);
  }
}

/** Number of demands in `pool` (sorted by filing date) filed strictly before `date`. */
function lowerBound(pool: DemoDemand[], date: string): number {
  let low = 0;
  let high = pool.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (pool[middle]!.filingDate < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

function calDecisionFor(
  random: SeededRandom,
  candidacyId: string,
  rank: number,
  on: string,
): DemoCandidacy['calDecision'] {
  const id = demoId('cal-decision', candidacyId);
  const roll = random.next();
  if (roll < 0.06) {
    return { id, type: 'INELIGIBLE', rank: null, motive: 'Ressources supérieures au plafond', condition: null };
  }
  if (roll < 0.16) {
    return { id, type: 'NON_ATTRIBUTION', rank: null, motive: random.pick(NON_ATTRIBUTION_MOTIVES), condition: null };
  }
  if (rank === 1 && roll < 0.28) {
    return {
      id,
      type: 'ATTRIBUTION_CONDITIONAL',
      rank: 1,
      motive: null,
      condition: { document: "Avis d'imposition N-2", deadline: addDays(on, 10) },
    };
  }
  return rank === 1
    ? { id, type: 'ATTRIBUTION', rank: 1, motive: null, condition: null }
    : { id, type: 'ATTRIBUTION_RANKED', rank, motive: null, condition: null };
}

/** The renewals a demand went through by `date` (yearly, unless radiated first). */
export function renewalsOf(demand: DemoDemand, date: CalendarDate): CalendarDate[] {
  const until = demand.radiation && demand.radiation.on < date ? demand.radiation.on : date;
  const renewals: CalendarDate[] = [];
  for (let year = 1; addYears(demand.filingDate, year) <= until; year++) {
    if (demand.radiation?.motive === 'NON_RENEWAL') break;
    renewals.push(addYears(demand.filingDate, year));
  }
  return renewals;
}
