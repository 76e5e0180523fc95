import { addDays, addMonths, daysBetween, type CalendarDate } from '@passerelle/shared/dates';
import { demoId, demoPartners, SeededRandom, type DemoDemand, type DemoTerritory } from '@passerelle/shared/demo';
import { officialGeography } from '@passerelle/shared/geography';
import { MeasureClosureMotive, MeasureStatus } from '../measure/measure.enums';
import type { MeasureEntity } from '../measure/measure.entity';
import { statusOn, type MeasureTimeline } from '../measure/measure.lifecycle';
import type { HouseholdEntity } from '../household/household.entity';
import type { OperatorEntity } from '../operator/operator.entity';
import { SchemeCode, type SchemeFunder, type SchemePrescriberKind } from '../scheme/scheme.enums';
import { territoryCodesOf } from '../territory/territory-scope';

/** What the generator needs of a catalogue entry. */
export interface SchemeRules {
  code: SchemeCode;
  prescriberKinds: readonly SchemePrescriberKind[];
  typicalDurationMonths: number;
  maxDurationMonths: number | null;
  /** The scheme's funder: the funding source of its demo measures. */
  funder: string;
}

/** One household without a demand per this many demands (~100 for the default 3000). */
const DEMANDS_PER_HOUSEHOLD_WITHOUT_DEMAND = 30;

/**
 * The demo measures of the territory, deterministic for a territory and a catalogue: about 12 %
 * of the demands get one measure (more often for priority households, AVDL for most DALO ones),
 * plus households without a demand (tenants in difficulty, homeless people in housing first…).
 * Each household draws from its own PRNG, seeded by its id, so the choice of one never depends
 * on the others. Each measure follows a realistic course (diagnostic, start, renewals within the
 * scheme's maximum, closure with a motive) cut at the reference date: recent ones are still
 * prescribed or in diagnostic, older ones active, renewed or closed.
 */
export function generateDemoMeasures(
  territory: DemoTerritory,
  schemes: readonly SchemeRules[],
  operators: readonly OperatorEntity[],
): MeasureEntity[] {
  const rules = new Map(schemes.map((scheme) => [scheme.code, scheme]));
  const context = { reference: territory.referenceDate, rules, operators };
  const measures: MeasureEntity[] = [];

  for (const demand of territory.demands) {
    const id = demoId('measure', `demand:${demand.nur}`);
    const random = new SeededRandom(seedOf(id));
    if (!random.chance(measureShare(demand))) continue;
    measures.push(
      measureOf(random, context, {
        id,
        householdId: demoId('household', `demand:${demand.nur}`),
        demand,
        commune: demand.wishedCommunes[0]!,
        scheme: schemeForDemand(random, demand),
      }),
    );
  }

  const withoutDemand = Math.round(territory.demands.length / DEMANDS_PER_HOUSEHOLD_WITHOUT_DEMAND);
  const communes = officialGeography.communes().map((commune) => commune.code);
  for (let n = 1; n <= withoutDemand; n++) {
    const id = demoId('measure', `household:${n}`);
    const random = new SeededRandom(seedOf(id));
    const commune = random.chance(0.6) ? random.pick(['59350', '59350', '59512', '59599']) : random.pick(communes);
    const householdId = demoId('household', `household:${n}`);
    const scheme = random.weighted(WITHOUT_DEMAND);
    measures.push(measureOf(random, context, { id, householdId, demand: null, commune, scheme }));
  }
  return measures;
}

/** A 32-bit PRNG seed from a UUIDv5 (its first 8 hex digits are uniformly spread). */
const seedOf = (id: string) => Number.parseInt(id.slice(0, 8), 16);

/** Chance that a demand's household is accompanied: ~12 % overall, far more for priority households. */
function measureShare(demand: DemoDemand): number {
  if (demand.priorityLabels.includes('DALO')) return 0.6;
  if (demand.priorityLabels.includes('PDALHPD')) return 0.35;
  if (demand.priorityLabels.length > 0) return 0.15;
  return 0.07;
}

const FOR_DEMANDS: readonly (readonly [SchemeCode, number])[] = [
  [SchemeCode.AVDL, 30],
  [SchemeCode.ASLL, 20],
  [SchemeCode.FSL_ACCESS, 14],
  [SchemeCode.FSL_MAINTENANCE, 6],
  [SchemeCode.IML_SUBLETTING, 8],
  [SchemeCode.IML_MANAGEMENT_MANDATE, 5],
  [SchemeCode.MOUS, 4],
  [SchemeCode.CLLAJ, 7],
  [SchemeCode.UN_CHEZ_SOI_D_ABORD, 1],
  [SchemeCode.LOGEMENT_ACCOMPAGNE, 5],
];
/** Social tenants asking for a transfer: keeping the current dwelling (arrears) comes first. */
const FOR_TRANSFERS: readonly (readonly [SchemeCode, number])[] = [
  [SchemeCode.AVDL, 25],
  [SchemeCode.ASLL, 30],
  [SchemeCode.FSL_MAINTENANCE, 30],
  [SchemeCode.MOUS, 15],
];
const WITHOUT_DEMAND: readonly (readonly [SchemeCode, number])[] = [
  [SchemeCode.AVDL, 5],
  [SchemeCode.ASLL, 20],
  [SchemeCode.FSL_ACCESS, 5],
  [SchemeCode.FSL_MAINTENANCE, 20],
  [SchemeCode.IML_SUBLETTING, 12],
  [SchemeCode.IML_MANAGEMENT_MANDATE, 10],
  [SchemeCode.MOUS, 5],
  [SchemeCode.CLLAJ, 8],
  [SchemeCode.UN_CHEZ_SOI_D_ABORD, 8],
  [SchemeCode.LOGEMENT_ACCOMPAGNE, 12],
];

function schemeForDemand(random: SeededRandom, demand: DemoDemand): SchemeCode {
  // DALO households are the first public of the AVDL (circulaire of 19 July 2010).
  if (demand.priorityLabels.includes('DALO') && random.chance(0.8)) return SchemeCode.AVDL;
  return random.weighted(demand.kind === 'TRANSFER' ? FOR_TRANSFERS : FOR_DEMANDS);
}

interface Context {
  reference: CalendarDate;
  rules: ReadonlyMap<SchemeCode, SchemeRules>;
  operators: readonly OperatorEntity[];
}

function measureOf(
  random: SeededRandom,
  context: Context,
  household: { id: string; householdId: string; demand: DemoDemand | null; commune: string; scheme: SchemeCode },
): MeasureEntity {
  const rules = context.rules.get(household.scheme);
  if (!rules) throw new Error(`The scheme catalogue has no ${household.scheme}.`);
  const qpvs = officialGeography.qpvsOf(household.commune);
  const inQpv = random.chance(0.4);
  const qpv = inQpv && qpvs.length > 0 ? random.pick(qpvs).code : null;
  const territoryCodes = territoryCodesOf(household.commune, qpv);
  const operator = pickOperator(random, context.operators, household.scheme, territoryCodes);
  const dalo = household.demand?.priorityLabels.includes('DALO') ?? false;
  const prescribedBy =
    dalo && household.scheme === SchemeCode.AVDL
      ? 'prefecture-nord' // the DALO commission's AVDL is prescribed by the State
      : pickPrescriber(random, rules, territoryCodes, operator.slug);
  const prescribedOn = prescriptionDay(random, context.reference, household.demand);
  const rehousedOn = household.demand?.radiation?.motive === 'LEASE_SIGNED' ? household.demand.radiation.on : null;
  const course = courseOf(random, rules, prescribedOn, context.reference, rehousedOn);
  const status = statusOn(course.timeline, context.reference)!;
  const { startedOn, closedOn } = course.timeline;
  const started = startedOn !== null && startedOn <= context.reference ? startedOn : null;
  const closed = status === MeasureStatus.CLOSED ? closedOn : null;
  // Renewals happen at the end of each period but the last, up to the closure or the reference date.
  const renewals = course.periodEnds
    .slice(0, -1)
    .filter((end) => started !== null && end > started && (closed ? end < closed : end <= context.reference));
  const diagnosticOn = course.timeline.diagnosticOn;

  return {
    id: household.id,
    schemeCode: household.scheme,
    operatorId: operator.id,
    status,
    prescribedBy,
    prescribedOn,
    startedOn: started,
    plannedEndOn: started ? currentPeriodEnd(course.periodEnds, closed ?? context.reference) : null,
    closedOn: closed,
    closureMotive: closed ? course.closureMotive : null,
    commune: household.commune,
    qpv,
    territoryCodes,
    demandId: household.demand?.id ?? null,
    householdId: household.householdId,
    version: 1,
    fundingSource: rules.funder as SchemeFunder,
    referent: started ? random.pick(REFERENTS) : null,
    diagnosticOn: diagnosticOn !== null && diagnosticOn <= context.reference ? diagnosticOn : null,
    renewalCount: status === MeasureStatus.RENEWED ? Math.max(1, renewals.length) : renewals.length,
    renewedOn: renewals.at(-1) ?? null,
    suspendedOn: null,
    suspendedFrom: null,
    cancelledOn: null,
    cancellationReason: null,
    createdAt: new Date(`${prescribedOn}T09:00:00Z`),
  };
}

/** Demo names of the operators' social workers (referents). */
const REFERENTS = ['C. Dupont', 'A. Martin', 'S. Benali', 'L. Lefebvre', 'M. Nowak', 'J. Vandamme', 'K. Diallo'];

/**
 * The household record of each demo measure (one measure per household in the demo): a label the
 * operator would use and a composition drawn from the household's own PRNG; never a NIR.
 */
export function demoHouseholdsOf(measures: readonly MeasureEntity[]): HouseholdEntity[] {
  return measures.map((measure, n) => {
    const random = new SeededRandom(seedOf(measure.householdId));
    return {
      id: measure.householdId,
      label: `Ménage ${String(n + 1).padStart(4, '0')} (${measure.commune})`,
      adults: random.int(1, 2),
      children: random.weighted([
        [0, 40],
        [1, 20],
        [2, 20],
        [3, 12],
        [4, 8],
      ] as const),
      commune: measure.commune,
      qpv: measure.qpv,
      demandId: measure.demandId,
      createdAt: measure.createdAt,
    };
  });
}

/** An operator delivering the scheme where the household lives, the larger ones more often. */
function pickOperator(
  random: SeededRandom,
  operators: readonly OperatorEntity[],
  scheme: SchemeCode,
  territoryCodes: readonly string[],
): OperatorEntity {
  const candidates = operators.filter(
    (operator) =>
      operator.schemeCodes.includes(scheme) && operator.territories.some((code) => territoryCodes.includes(code)),
  );
  if (candidates.length === 0) throw new Error(`No demo operator delivers ${scheme} in ${territoryCodes[0]}.`);
  return random.weighted(candidates.map((operator) => [operator, operator.annualCapacity] as const));
}

/** A demo partner allowed to prescribe the scheme and acting where the household lives (not the operator itself). */
function pickPrescriber(
  random: SeededRandom,
  rules: SchemeRules,
  territoryCodes: readonly string[],
  operatorSlug: string,
): string {
  const candidates = demoPartners.filter(
    (partner) =>
      (rules.prescriberKinds as readonly string[]).includes(partner.kind) &&
      partner.slug !== operatorSlug &&
      partner.territories.some((code) => territoryCodes.includes(code)),
  );
  if (candidates.length === 0) throw new Error(`No demo partner may prescribe ${rules.code} in ${territoryCodes[0]}.`);
  return random.pick(candidates).slug;
}

/**
 * When the measure was prescribed: recent prescriptions are the most frequent (about 9 months
 * back on average, at most 3 years), never before the demand was filed nor after its radiation.
 */
function prescriptionDay(random: SeededRandom, reference: CalendarDate, demand: DemoDemand | null): CalendarDate {
  const latest = demand?.radiation && demand.radiation.on < reference ? demand.radiation.on : reference;
  const back = Math.min(3 * 365, Math.floor(-Math.log(1 - random.next()) * 270));
  const day = addDays(latest, -back);
  const earliest = demand?.filingDate;
  if (earliest === undefined || day >= earliest) return day;
  return earliest <= latest ? earliest : latest;
}

/** A measure's whole course, before it is cut at the reference date. */
interface Course {
  timeline: MeasureTimeline;
  /** End of each successive period: the first, then each renewal's. */
  periodEnds: CalendarDate[];
  closureMotive: MeasureClosureMotive;
}

function courseOf(
  random: SeededRandom,
  rules: SchemeRules,
  prescribedOn: CalendarDate,
  reference: CalendarDate,
  rehousedOn: CalendarDate | null,
): Course {
  const diagnosticOn = addDays(prescribedOn, random.int(2, 15));
  if (random.chance(0.07)) {
    const closedOn = addDays(diagnosticOn, random.int(7, 30));
    const timeline = { prescribedOn, diagnosticOn, startedOn: null, renewedOn: null, closedOn };
    return { timeline, periodEnds: [], closureMotive: MeasureClosureMotive.REFUSED };
  }
  // FSL aids: the "diagnostic" is the instruction of the file, shorter than a social diagnostic.
  const aid = rules.code === SchemeCode.FSL_ACCESS || rules.code === SchemeCode.FSL_MAINTENANCE;
  const startedOn = addDays(diagnosticOn, aid ? random.int(5, 20) : random.int(15, 45));
  const periodEnd = (period: number) => addMonths(startedOn, rules.typicalDurationMonths * period);

  // Schemes without a set end (housing first, pensions de famille) mostly go on.
  if (rules.maxDurationMonths === null && random.chance(0.75)) {
    const periodEnds = [periodEnd(1)];
    while (periodEnds.at(-1)! <= reference) periodEnds.push(periodEnd(periodEnds.length + 1));
    const renewedOn = periodEnds.length > 1 ? periodEnds[0]! : null;
    const timeline = { prescribedOn, diagnosticOn, startedOn, renewedOn, closedOn: null };
    return { timeline, periodEnds, closureMotive: MeasureClosureMotive.GOAL_REACHED };
  }

  const maxPeriods =
    rules.maxDurationMonths === null ? 6 : Math.floor(rules.maxDurationMonths / rules.typicalDurationMonths);
  let periods = 1;
  while (periods < maxPeriods && random.chance(rules.maxDurationMonths === null ? 0.6 : 0.45)) periods++;
  const periodEnds = Array.from({ length: periods }, (_, n) => periodEnd(n + 1));
  const lastEnd = periodEnds.at(-1)!;

  let closedOn = addDays(lastEnd, random.int(-20, 10));
  let closureMotive = random.weighted(ENDINGS);
  if (random.chance(0.12)) {
    // Broken off before its planned end.
    closedOn = addDays(startedOn, random.int(14, Math.max(15, Math.floor(daysBetween(startedOn, lastEnd) * 0.8))));
    closureMotive = random.weighted(BREAKS);
  } else if (rehousedOn && rehousedOn >= startedOn && rehousedOn <= closedOn && random.chance(0.7)) {
    closureMotive = MeasureClosureMotive.REHOUSED;
  }
  const renewedOn = periods > 1 && periodEnds[0]! < closedOn ? periodEnds[0]! : null;
  return { timeline: { prescribedOn, diagnosticOn, startedOn, renewedOn, closedOn }, periodEnds, closureMotive };
}

const ENDINGS: readonly (readonly [MeasureClosureMotive, number])[] = [
  [MeasureClosureMotive.GOAL_REACHED, 55],
  [MeasureClosureMotive.REHOUSED, 25],
  [MeasureClosureMotive.MOVED_AWAY, 8],
  [MeasureClosureMotive.INTERRUPTED, 12],
];
const BREAKS: readonly (readonly [MeasureClosureMotive, number])[] = [
  [MeasureClosureMotive.INTERRUPTED, 50],
  [MeasureClosureMotive.MOVED_AWAY, 25],
  [MeasureClosureMotive.REFUSED, 25],
];

/** The planned end in force on `day`: the end of the period running then (the last one when overdue). */
function currentPeriodEnd(periodEnds: readonly CalendarDate[], day: CalendarDate): CalendarDate {
  return periodEnds.find((end) => end > day) ?? periodEnds.at(-1)!;
}
