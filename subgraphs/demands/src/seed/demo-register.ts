import { addDays, addYears, monthsBetween, type CalendarDate } from '@passerelle/shared/dates';
import { demoId } from '@passerelle/shared/demo';
import { officialGeography } from '@passerelle/shared/geography';
import { DemandEventType } from '../demand-event/demand-event.enums';
import {
  DemandKind,
  DemandStatus,
  HousingSituation,
  PriorityLabel,
  RadiationMotive,
  Typology,
} from '../demand/demand.enums';
import type { DemandEntity } from '../demand/demand.entity';
import type { DemandEventEntity } from '../demand-event/demand-event.entity';
import { SeededRandom } from './random';

/**
 * Generates the demo register of the Métropole Européenne de Lille: deterministic (same
 * reference date and size → same rows and ids), with distributions close to national figures
 * (DOMAIN.md; issue 3): ~43 % single persons, ~27 % single parents, a third transfers, a few
 * percent DALO, most households under the PLAI ceilings, waits from days to over five years.
 */
export function generateDemoRegister(referenceDate: CalendarDate, count: number) {
  const random = new SeededRandom(59_350);
  const communes = officialGeography.communes().map((commune) => commune.code);
  const demands: DemandEntity[] = [];
  const events: DemandEventEntity[] = [];
  const sequenceByMonth = new Map<string, number>();

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
    const id = demoId('demand', nur);
    const kind = random.chance(1 / 3) ? DemandKind.TRANSFER : DemandKind.FIRST_ACCESS;
    const wishedCommunes = pickCommunes(random, communes);
    const radiation = random.weighted(RADIATIONS);
    const renewals =
      radiation === RadiationMotive.NON_RENEWAL ? 0 : Math.floor(monthsBetween(filingDate, referenceDate) / 12);
    const priorityLabels = PRIORITIES.filter(([, probability]) => random.chance(probability)).map(([label]) => label);
    const registeredBy = random.pick(REGISTRATION_DESKS);
    const incomeNotSupplied = random.chance(0.05);
    const annualTaxableIncome = incomeNotSupplied
      ? null
      : Math.round(plaiCeiling(adults + children) * (0.25 + random.next() * 1.05));

    demands.push({
      id,
      nur,
      departement: '59',
      status: radiation ? DemandStatus.RADIATED : DemandStatus.ACTIVE,
      radiationMotive: radiation,
      kind,
      filingDate,
      validUntil: addYears(filingDate, renewals + 1),
      applicantGivenName: random.pick(GIVEN_NAMES),
      applicantFamilyName: random.pick(FAMILY_NAMES),
      applicantBirthDate: addDays(referenceDate, -random.int(19 * 365, 78 * 365)),
      adults,
      children,
      singleParent: household === 'SINGLE_PARENT',
      annualTaxableIncome,
      monthlyIncome:
        annualTaxableIncome === null ? null : Math.round((annualTaxableIncome / 12) * (0.8 + random.next() * 0.4)),
      wishedCommunes,
      wishedTypologies: typologiesFor(random, adults + children),
      currentHousing: kind === DemandKind.TRANSFER ? HousingSituation.SOCIAL_TENANT : random.weighted(HOUSING),
      currentLandlordSiren: kind === DemandKind.TRANSFER ? random.pick(LANDLORD_SIRENS) : null,
      priorityLabels,
      territoryCodes: territoryCodes(wishedCommunes),
      createdAt: instant(filingDate),
    });

    const timeline: [DemandEventType, CalendarDate, string, string | null][] = [
      [DemandEventType.REGISTERED, filingDate, registeredBy, null],
    ];
    for (let year = 1; year <= renewals; year++) {
      timeline.push([DemandEventType.RENEWED, addYears(filingDate, year), registeredBy, null]);
    }
    for (const label of priorityLabels) {
      timeline.push([
        DemandEventType.PRIORITY_RECOGNISED,
        addDays(filingDate, random.int(20, 120)),
        label === PriorityLabel.DALO ? 'prefecture-nord' : 'mel',
        label,
      ]);
    }
    if (random.chance(0.2)) {
      timeline.push([
        DemandEventType.DOCUMENTS_REQUESTED,
        addDays(filingDate, random.int(5, 40)),
        registeredBy,
        "avis d'imposition N-2",
      ]);
    }
    if (radiation) {
      const radiatedOn =
        radiation === RadiationMotive.NON_RENEWAL
          ? addDays(filingDate, 396)
          : addDays(referenceDate, -random.int(1, 60));
      if (radiation === RadiationMotive.LEASE_SIGNED) {
        timeline.push([DemandEventType.LEASE_SIGNED, radiatedOn, random.pick(LANDLORD_SLUGS), null]);
      }
      timeline.push([DemandEventType.RADIATED, radiatedOn, registeredBy, radiation]);
    }
    timeline
      .filter(([, date]) => date <= referenceDate)
      .forEach(([type, date, recordedBy, detail], n) =>
        events.push({
          id: demoId('demand-event', `${nur}:${n}`),
          demandId: id,
          type,
          occurredAt: instant(date),
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

/** 10:00 in Paris on `date`, close enough for seeded events (winter and summer time alike). */
const instant = (date: CalendarDate) => new Date(`${date}T08:30:00Z`);

type Household = 'SINGLE' | 'SINGLE_PARENT' | 'COUPLE' | 'COUPLE_WITH_CHILDREN';
const HOUSEHOLDS: readonly (readonly [Household, number])[] = [
  ['SINGLE', 43],
  ['SINGLE_PARENT', 27],
  ['COUPLE', 10],
  ['COUPLE_WITH_CHILDREN', 20],
];

const RADIATIONS: readonly (readonly [RadiationMotive | null, number])[] = [
  [null, 90],
  [RadiationMotive.LEASE_SIGNED, 6],
  [RadiationMotive.NON_RENEWAL, 3],
  [RadiationMotive.RENUNCIATION, 1],
];

const PRIORITIES: readonly (readonly [PriorityLabel, number])[] = [
  [PriorityLabel.DALO, 0.03],
  [PriorityLabel.PDALHPD, 0.06],
  [PriorityLabel.ACCORD_COLLECTIF, 0.08],
  [PriorityLabel.L441_1, 0.15],
];

const HOUSING: readonly (readonly [HousingSituation, number])[] = [
  [HousingSituation.HOSTED_BY_THIRD_PARTY, 35],
  [HousingSituation.PRIVATE_TENANT, 35],
  [HousingSituation.SHELTER, 10],
  [HousingSituation.HOMELESS, 4],
  [HousingSituation.HOMEOWNER, 2],
  [HousingSituation.OTHER, 14],
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
const LANDLORD_SLUGS = ['lille-metropole-habitat', 'vilogia', 'partenord-habitat'];
/**
 * SIRENs of the demo landlords, for transfers (current social tenants). Demo values, Luhn-valid:
 * Vilogia's (475680815) and Lille Métropole Habitat's (783713498) as found in public test
 * fixtures, Partenord Habitat's a placeholder (275900009). Check them against the SIRENE register
 * before using them as facts.
 */
const LANDLORD_SIRENS = ['783713498', '475680815', '275900009'];

/** Rough PLAI ceiling (other regions, 2025) by household size, to spread incomes around it. */
function plaiCeiling(persons: number): number {
  return 12_759 * (1 + 0.45 * Math.min(persons - 1, 5));
}

/** Typologies a household of `persons` wishes: the usual size, sometimes one more. */
function typologiesFor(random: SeededRandom, persons: number): Typology[] {
  const sizes = [Typology.T1, Typology.T2, Typology.T3, Typology.T4, Typology.T5, Typology.T6];
  const usual =
    persons === 1
      ? random.weighted([
          [0, 55],
          [1, 45],
        ] as const)
      : Math.min(persons - 1, 4);
  return random.chance(0.35) && usual < 5 ? [sizes[usual]!, sizes[usual + 1]!] : [sizes[usual]!];
}

/** One to three wished communes; Lille, Roubaix and Tourcoing are asked for most. */
function pickCommunes(random: SeededRandom, communes: readonly string[]): string[] {
  const first = random.chance(0.55) ? random.pick(['59350', '59350', '59512', '59599']) : random.pick(communes);
  const wished = new Set([first]);
  const extra = random.int(0, 2);
  for (let n = 0; n < extra; n++) wished.add(random.pick(communes));
  return [...wished];
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
