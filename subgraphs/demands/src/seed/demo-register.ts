import { addDays, addYears, type CalendarDate } from '@passerelle/shared/dates';
import { SeededRandom, demoId, generateDemoTerritory, renewalsOf, type DemoDemand } from '@passerelle/shared/demo';
import { officialGeography } from '@passerelle/shared/geography';
import type { Typology } from '@passerelle/shared/housing';
import { DemandEventType } from '../demand-event/demand-event.enums';
import type { DemandEventEntity } from '../demand-event/demand-event.entity';
import type { DemandEntity } from '../demand/demand.entity';
import {
  DemandKind,
  DemandStatus,
  HousingSituation,
  type PriorityLabel,
  type RadiationMotive,
} from '../demand/demand.enums';

type TimelineEntry = [type: DemandEventType, on: CalendarDate, recordedBy: string, detail: string | null];

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
  for (const demand of territory.demands) {
    const renewals = renewalsOf(demand, referenceDate);
    const annualTaxableIncome = random.chance(0.05)
      ? null
      : Math.round(plaiCeiling(demand.adults + demand.children) * (0.25 + random.next() * 1.05));
    demands.push({
      id: demand.id,
      nur: demand.nur,
      departement: territory.departement,
      status: demand.radiation ? DemandStatus.RADIATED : DemandStatus.ACTIVE,
      radiationMotive: (demand.radiation?.motive ?? null) as RadiationMotive | null,
      kind: demand.kind as DemandKind,
      filingDate: demand.filingDate,
      validUntil: addYears(demand.filingDate, renewals.length + 1),
      applicantGivenName: random.pick(GIVEN_NAMES),
      applicantFamilyName: random.pick(FAMILY_NAMES),
      applicantBirthDate: addDays(referenceDate, -random.int(19 * 365, 78 * 365)),
      adults: demand.adults,
      children: demand.children,
      singleParent: demand.singleParent,
      annualTaxableIncome,
      monthlyIncome:
        annualTaxableIncome === null ? null : Math.round((annualTaxableIncome / 12) * (0.8 + random.next() * 0.4)),
      wishedCommunes: demand.wishedCommunes,
      wishedTypologies: demand.wishedTypologies as Typology[],
      currentHousing: demand.kind === 'TRANSFER' ? HousingSituation.SOCIAL_TENANT : random.weighted(HOUSING),
      currentLandlordSiren: demand.currentLandlordSiren,
      priorityLabels: demand.priorityLabels as PriorityLabel[],
      territoryCodes: territoryCodes(demand.wishedCommunes),
      createdAt: instant(demand.filingDate),
    });

    const timeline: TimelineEntry[] = [
      [DemandEventType.REGISTERED, demand.filingDate, demand.registeredBy, null],
      ...renewals.map((on): TimelineEntry => [DemandEventType.RENEWED, on, demand.registeredBy, null]),
      ...priorityEvents(random, demand),
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
      const cal = vacancyOf.get(candidacy.vacancyId)!.cal;
      if (cal && candidacy.calDecision) {
        timeline.push([DemandEventType.CAL_AGENDA, addDays(cal.date, -7), landlord, null]);
        timeline.push([DemandEventType.CAL_DECISION, cal.date, landlord, candidacy.calDecision.type]);
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
      .forEach(([type, on, recordedBy, detail], n) =>
        events.push({
          id: demoId('demand-event', `${demand.nur}:${n}`),
          demandId: demand.id,
          type,
          occurredAt: instant(on),
          recordedBy,
          detail,
        }),
      );
  }
  return { demands, events };
}

/** The territories a demand concerns: wished communes with their EPCIs and départements. */
export function territoryCodes(wishedCommunes: readonly string[]): string[] {
  return [...new Set(['59', ...wishedCommunes.flatMap((code) => officialGeography.enclosing(code))])];
}

function priorityEvents(random: SeededRandom, demand: DemoDemand): TimelineEntry[] {
  return demand.priorityLabels.map((label) => [
    DemandEventType.PRIORITY_RECOGNISED,
    addDays(demand.filingDate, random.int(20, 120)),
    label === 'DALO' ? 'prefecture-nord' : 'mel',
    label,
  ]);
}

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
