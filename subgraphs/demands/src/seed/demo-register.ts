import { addDays, addMonths, addYears, type CalendarDate } from '@passerelle/shared/dates';
import { CalDecisionType } from '@passerelle/shared/housing';
import { SeededRandom, demoId, generateDemoTerritory, renewalsOf, type DemoDemand } from '@passerelle/shared/demo';
import type { Typology } from '@passerelle/shared/housing';
import { DemandEventType } from '../demand-event/demand-event.enums';
import type { DemandEventEntity } from '../demand-event/demand-event.entity';
import type { DemandEntity, StoredPerson, StoredPriority } from '../demand/demand.entity';
import {
  DemandKind,
  DemandMotive,
  DemandStatus,
  FamilySituation,
  HousingSituation,
  PersonRole,
  type PriorityLabel,
  ProfessionalSituation,
  type RadiationMotive,
  TransferDifficulty,
  IneligibilityGround,
} from '../demand/demand.enums';
import { daloOfferDeadline } from '../lifecycle/priority.rules';
import { householdAggregates, territoryCodesOf } from '../registration/registration.rules';

type TimelineEntry = [type: DemandEventType, on: CalendarDate, recordedBy: string, detail: string | null];

/** A demo NIR (shape and key valid, numbers invented) for the de-duplication demo. */
export interface DemoNir {
  demandId: string;
  nir: string;
}

/** The Nord has agglomerations over 300 000 inhabitants: 6 months to offer after a DALO decision. */
export const DEMO_DALO_OFFER_MONTHS = 6;

/**
 * The demands subgraph's slice of the demo territory: each demand of the shared skeleton with
 * the nominative details only this subgraph holds (names, birth date, resources, housing), and
 * its timeline — registration, renewals, priorities, and the designations, CAL decisions,
 * refusals and leases that the offers and governance subgraphs seed from the same skeleton.
 */
export function generateDemoRegister(referenceDate: CalendarDate, count: number) {
  const territory = generateDemoTerritory(referenceDate, count);
  const random = new SeededRandom(5_935_001);
  const dwellingOf = new Map(territory.dwellings.map((dwelling) => [dwelling.id, dwelling]));
  const vacancyOf = new Map(territory.vacancies.map((vacancy) => [vacancy.id, vacancy]));
  const landlordOfVacancy = (vacancyId: string) => dwellingOf.get(vacancyOf.get(vacancyId)!.dwellingId)!.landlordSlug;
  const candidaciesOf = new Map<string, typeof territory.candidacies>();
  for (const candidacy of territory.candidacies) {
    candidaciesOf.set(candidacy.demandId, [...(candidaciesOf.get(candidacy.demandId) ?? []), candidacy]);
  }

  const demands: DemandEntity[] = [];
  const events: DemandEventEntity[] = [];
  const demandNirs: DemoNir[] = [];
  const nirSeen: string[] = [];
  const calDecisionOf = new Map<string, CalDecisionType>();
  for (const demand of territory.demands) {
    const renewals = renewalsOf(demand, referenceDate);
    const housing = demand.kind === 'TRANSFER' ? HousingSituation.SOCIAL_TENANT : random.weighted(HOUSING);
    const persons = demoPersons(random, demand, referenceDate);
    const priorities = priorityEvents(random, demand);
    const nirs = persons.filter((person) => person.role !== PersonRole.DEPENDANT).map(() => demoNir(random));
    // About one demand in a hundred is filed twice, at two desks: the de-duplication demo.
    if (nirSeen.length && random.chance(0.01)) nirs[0] = random.pick(nirSeen);
    nirSeen.push(nirs[0]!);
    demandNirs.push(...nirs.map((nir) => ({ demandId: demand.id, nir })));
    const assisted = housing === HousingSituation.SHELTER || housing === HousingSituation.HOMELESS;
    demands.push({
      id: demand.id,
      nur: demand.nur,
      version: 1 + renewals.length + priorities.length,
      registeredBy: demand.registeredBy,
      departement: territory.departement,
      status: demand.radiation ? DemandStatus.RADIATED : DemandStatus.ACTIVE,
      radiationMotive: (demand.radiation?.motive ?? null) as RadiationMotive | null,
      radiatedOn: demand.radiation?.on ?? null,
      kind: demand.kind as DemandKind,
      filingDate: demand.filingDate,
      validUntil: addYears(demand.filingDate, renewals.length + 1),
      persons,
      ...householdAggregates(persons),
      familySituation: demand.adults === 2 ? random.pick(COUPLES) : random.pick(ALONE),
      contact: {
        address: `${random.int(1, 250)} rue ${random.pick(STREETS)}`,
        postalCode: null,
        communeCode: demand.wishedCommunes[0]!,
        email: random.chance(0.8) ? `demandeur.${demand.nur}@example.org` : null,
        phone: random.chance(0.9)
          ? `06 ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`
          : null,
      },
      motives: motivesFor(random, housing, demand),
      disabilityAdaptations: random.chance(0.05) ? ['GROUND_FLOOR_OR_LIFT' as never] : [],
      disabilityDetail: null,
      assistedBy: assisted
        ? {
            name: 'Référent SIAO',
            organisation: 'SIAO du Nord',
            email: 'referent@siao.example.org',
            partner: 'siao-nord',
          }
        : null,
      assistingPartner: assisted ? 'siao-nord' : null,
      employerSiret: random.chance(0.3) ? `${random.int(100_000_000, 999_999_999)}000${random.int(10, 99)}` : null,
      wishedCommunes: demand.wishedCommunes,
      wishedTypologies: demand.wishedTypologies as Typology[],
      currentHousing: housing,
      currentLandlordSiren: demand.currentLandlordSiren,
      transferDifficulties:
        demand.kind === 'TRANSFER' && random.chance(0.15) ? [random.pick(Object.values(TransferDifficulty))] : [],
      priorities: priorities.map(([, on, recordedBy, label]): StoredPriority => ({
        label: label as PriorityLabel,
        criterion: null,
        decidedOn: on,
        recordedBy,
      })),
      priorityLabels: demand.priorityLabels as PriorityLabel[],
      daloOfferDeadline: (() => {
        const dalo = priorities.find(([, , , label]) => label === 'DALO');
        return dalo ? daloOfferDeadline(dalo[1], DEMO_DALO_OFFER_MONTHS) : null;
      })(),
      answerRequestedOn: null,
      renewalNoticeFor: null,
      lastDesignatedOn: null,
      // Derived by SQL once the reference data are in (see demo-seed.ts).
      designationAlertOn: null,
      dalDate: null,
      suspectedDuplicate: false,
      purgedOn: null,
      territoryCodes: territoryCodesOf(demand.wishedCommunes),
      createdAt: instant(demand.filingDate),
    });
    const row = demands.at(-1)!;

    const timeline: TimelineEntry[] = [
      [DemandEventType.REGISTERED, demand.filingDate, demand.registeredBy, null],
      ...renewals.flatMap((on): TimelineEntry[] => [
        [DemandEventType.RENEWAL_NOTICE_SENT, addMonths(on, -1), demand.registeredBy, null],
        [DemandEventType.RENEWED, on, demand.registeredBy, null],
      ]),
      ...priorities,
    ];
    if (random.chance(0.2)) {
      timeline.push([
        DemandEventType.DOCUMENTS_REQUESTED,
        addDays(demand.filingDate, random.int(5, 40)),
        demand.registeredBy,
        "Avis d'imposition N-2",
      ]);
    }
    for (const candidacy of candidaciesOf.get(demand.id) ?? []) {
      const landlord = landlordOfVacancy(candidacy.vacancyId);
      timeline.push([DemandEventType.DESIGNATED, candidacy.designatedOn, candidacy.designatedBy, null]);
      if (candidacy.designatedOn <= referenceDate && (row.lastDesignatedOn ?? '') < candidacy.designatedOn) {
        row.lastDesignatedOn = candidacy.designatedOn;
      }
      const cal = vacancyOf.get(candidacy.vacancyId)!.cal;
      if (cal && candidacy.calDecision) {
        timeline.push([DemandEventType.CAL_AGENDA, addDays(cal.date, -7), landlord, null]);
        timeline.push([DemandEventType.CAL_DECISION, cal.date, landlord, candidacy.calDecision.type]);
        calDecisionOf.set(`${demand.id}:${cal.date}`, candidacy.calDecision.type as CalDecisionType);
      }
      if (candidacy.outcome === 'REFUSED') {
        timeline.push([DemandEventType.OFFER_REFUSED, candidacy.outcomeOn, landlord, candidacy.refusalMotive]);
      }
      if (candidacy.outcome === 'LEASE_SIGNED') {
        timeline.push([DemandEventType.LEASE_SIGNED, candidacy.outcomeOn, landlord, null]);
      }
    }
    if (demand.radiation) {
      timeline.push([DemandEventType.RADIATED, demand.radiation.on, demand.registeredBy, demand.radiation.motive]);
    }
    timeline
      .filter(([, on]) => on <= referenceDate)
      .sort((a, b) => a[1].localeCompare(b[1]))
      .forEach(([type, on, recordedBy, detail], n) => {
        const calDecision =
          type === DemandEventType.CAL_DECISION ? (calDecisionOf.get(`${demand.id}:${on}`) ?? null) : null;
        events.push({
          id: demoId('demand-event', `${demand.nur}:${n}`),
          demandId: demand.id,
          type,
          occurredAt: instant(on),
          recordedBy,
          detail: type === DemandEventType.CAL_DECISION ? null : detail,
          calDecision,
          ineligibilityGround:
            calDecision === CalDecisionType.INELIGIBLE ? IneligibilityGround.RESOURCES_OVER_CEILING : null,
        });
      });
  }
  return { demands, events, nirs: demandNirs };
}

function priorityEvents(random: SeededRandom, demand: DemoDemand): TimelineEntry[] {
  return demand.priorityLabels.map((label) => [
    DemandEventType.PRIORITY_RECOGNISED,
    addDays(demand.filingDate, random.int(20, 120)),
    label === 'DALO' ? 'prefecture-nord' : 'mel',
    label,
  ]);
}

/** The applicant, a co-applicant for couples, and the dependants, with invented names and dates. */
function demoPersons(random: SeededRandom, demand: DemoDemand, referenceDate: CalendarDate): StoredPerson[] {
  const familyName = random.pick(FAMILY_NAMES);
  const applicantBirth = addDays(referenceDate, -random.int(19 * 365, 78 * 365));
  const income = () => (random.chance(0.05) ? null : Math.round(plaiCeiling(1) * (0.2 + random.next() * 0.9)));
  const adult = (role: PersonRole, birthDate: CalendarDate, relationship: string | null): StoredPerson => {
    const annualTaxableIncome = income();
    return {
      role,
      givenName: random.pick(GIVEN_NAMES),
      familyName,
      birthDate,
      relationship,
      professionalSituation: random.pick(Object.values(ProfessionalSituation)),
      annualTaxableIncome,
      monthlyIncome:
        annualTaxableIncome === null ? null : Math.round((annualTaxableIncome / 12) * (0.8 + random.next() * 0.4)),
    };
  };
  const persons = [adult(PersonRole.APPLICANT, applicantBirth, null)];
  if (demand.adults === 2) {
    persons.push(adult(PersonRole.CO_APPLICANT, addDays(applicantBirth, random.int(-2000, 2000)), 'conjoint(e)'));
  }
  for (let child = 0; child < demand.children; child++) {
    persons.push({
      role: PersonRole.DEPENDANT,
      givenName: random.pick(GIVEN_NAMES),
      familyName,
      birthDate: addDays(referenceDate, -random.int(30, 17 * 365)),
      relationship: 'enfant',
      professionalSituation: null,
      annualTaxableIncome: null,
      monthlyIncome: null,
    });
  }
  return persons;
}

/** A NIR with a valid shape and control key; the numbers are invented. */
function demoNir(random: SeededRandom): string {
  const body = `${random.int(1, 2)}${String(random.int(50, 99))}${String(random.int(1, 12)).padStart(2, '0')}59${String(random.int(1, 999)).padStart(3, '0')}${String(random.int(1, 999)).padStart(3, '0')}`;
  return `${body}${String(97n - (BigInt(body) % 97n)).padStart(2, '0')}`;
}

function motivesFor(random: SeededRandom, housing: HousingSituation, demand: DemoDemand): DemandMotive[] {
  const first: Partial<Record<HousingSituation, DemandMotive>> = {
    [HousingSituation.HOMELESS]: DemandMotive.WITHOUT_HOUSING,
    [HousingSituation.SHELTER]: DemandMotive.TEMPORARY_HOUSING,
    [HousingSituation.HOSTED_BY_THIRD_PARTY]: DemandMotive.HOSTED,
  };
  const motives = [
    first[housing] ?? random.pick([DemandMotive.TOO_EXPENSIVE, DemandMotive.TOO_SMALL, DemandMotive.UNFIT_HOUSING]),
  ];
  if (demand.children > 0 && random.chance(0.3) && !motives.includes(DemandMotive.TOO_SMALL)) {
    motives.push(DemandMotive.TOO_SMALL);
  }
  return motives;
}

const COUPLES = [FamilySituation.MARRIED, FamilySituation.CIVIL_PARTNERSHIP, FamilySituation.COHABITING];
const ALONE = [FamilySituation.SINGLE, FamilySituation.DIVORCED, FamilySituation.SEPARATED, FamilySituation.WIDOWED];
const STREETS = [
  'Nationale',
  'de Paris',
  'Solférino',
  'Gambetta',
  'de la Gare',
  'Pasteur',
  'Jean Jaurès',
  'Victor Hugo',
];

/** 10:30 in Paris in winter (09:30 UTC in summer) on `date`: seeded events need no finer time. */
const instant = (date: CalendarDate) => new Date(`${date}T08:30:00Z`);

const HOUSING: readonly (readonly [HousingSituation, number])[] = [
  [HousingSituation.HOSTED_BY_THIRD_PARTY, 35],
  [HousingSituation.PRIVATE_TENANT, 35],
  [HousingSituation.SHELTER, 10],
  [HousingSituation.HOMELESS, 4],
  [HousingSituation.HOMEOWNER, 2],
  [HousingSituation.OTHER, 14],
];

/** Rough PLAI ceiling (other regions, 2025) by household size, to spread incomes around it. */
function plaiCeiling(persons: number): number {
  return 12_759 * (1 + 0.45 * Math.min(persons - 1, 5));
}

const GIVEN_NAMES = [
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Inès',
  'Sarah',
  'Yasmine',
  'Emma',
  'Fatima',
  'Nadia',
  'Aïcha',
  'Julie',
  'Sophie',
  'Marie',
  'Lucas',
  'Hugo',
  'Mohamed',
  'Karim',
  'Thomas',
  'Nicolas',
  'Julien',
  'Mehdi',
  'Kevin',
  'Antoine',
  'Samir',
  'David',
  'Jean',
  'Pierre',
  'Moussa',
  'Olivier',
];
const FAMILY_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Lefebvre',
  'Leroy',
  'Roux',
  'Petit',
  'Durand',
  'Lemaire',
  'Dupont',
  'Delattre',
  'Vandenbussche',
  'Deprez',
  'Lefèvre',
  'Ben Ali',
  'Benali',
  'Haddad',
  'Diallo',
  'Traoré',
  'Nguyen',
  'Moreau',
  'Lambert',
  'Fontaine',
  'Caron',
  'Dumont',
  'Carpentier',
  'Lecomte',
  'Duhamel',
  'Mercier',
  'Bouchez',
  'Hennebelle',
  'Dewulf',
  'Vasseur',
  'Delannoy',
  'Boulanger',
  'Leclercq',
  'Masson',
  'Ramos',
  'Da Silva',
  'Kaya',
];
