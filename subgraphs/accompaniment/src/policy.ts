import type { FieldPolicy, FieldRule, PolicyContext } from '@passerelle/shared/access';
import { actingTerritories } from '@passerelle/shared/geography';
import { ForbiddenError } from '@passerelle/shared/errors';
import { isAuthenticated, type CallerClaims, type PartnerKind, type Viewer } from '@passerelle/shared/identity';
import type { AccompanimentContext } from './context';
import type { Diagnostic } from './diagnostic/diagnostic.type';
import type { AccompaniedHousehold } from './household/household.type';
import type { Measure } from './measure/measure.type';

/**
 * Who reads what in the accompaniment subgraph, in two layers: which records a viewer reaches
 * (this table, turned into SQL conditions), and which fields of them it reads
 * (`ACCOMPANIMENT_FIELD_POLICY` below: classes, scope, consent; every nominative read logged).
 *
 * | viewer             | schemes, operators | measures (nominative)                       | indicators |
 * | ------------------ | ------------------ | ------------------------------------------- | ---------- |
 * | STATE, EPCI        | yes                | those in a commune of one of its territories | yes        |
 * | ASSOCIATION        | yes                | those it operates (operator slug = partner)  | yes        |
 * | LANDLORD           | yes                | no                                           | yes        |
 * | RESERVATION_HOLDER | yes                | no                                           | yes        |
 * | ANALYST, AUDITOR   | yes                | no                                           | yes        |
 * | anonymous          | yes                | no                                           | no         |
 *
 * The catalogue and the operators are public reference data. A measure says who is accompanied
 * and why (DOMAIN.md §1: the most sensitive class after the diagnostic itself): the State and
 * the EPCI follow accompaniment on their territories; an association sees only the households
 * it accompanies. Indicators are statistics, for any partner (the field policy's INTERNAL class).
 */
const MEASURE_READING: Record<PartnerKind, 'ON_TERRITORIES' | 'OPERATED' | null> = {
  STATE: 'ON_TERRITORIES',
  EPCI: 'ON_TERRITORIES',
  ASSOCIATION: 'OPERATED',
  LANDLORD: null,
  RESERVATION_HOLDER: null,
  ANALYST: null,
  AUDITOR: null,
};

/** Which measures a viewer may read: those lying in one of `territories`, or those `operatorSlug` operates. */
export type MeasureAccess = { territories: string[] } | { operatorSlug: string };

/** The viewer's access to measures, or null when it reads none. */
export const measureAccess = (viewer: Viewer): MeasureAccess | null => accessBy(MEASURE_READING, viewer);

/** A reading table applied to a viewer: its territories, its own operated measures, or nothing. */
function accessBy(
  table: Record<PartnerKind, 'ON_TERRITORIES' | 'OPERATED' | null>,
  viewer: Viewer,
): MeasureAccess | null {
  if (!isAuthenticated(viewer)) return null;
  switch (table[viewer.kind]) {
    case 'ON_TERRITORIES': {
      const territories = actingTerritories(viewer.territories);
      return territories.length > 0 ? { territories } : null;
    }
    case 'OPERATED':
      return { operatorSlug: viewer.partner };
    default:
      return null;
  }
}

/** A partner who acts (writes), as the token says; anonymous callers never write. */
export type Partner = CallerClaims & { authenticated: true };

/** The acting partner, or FORBIDDEN: `what` needs a partner token. */
export function requirePartner(viewer: Viewer, what: string): Partner {
  if (!isAuthenticated(viewer)) throw new ForbiddenError(`${what} needs a partner token.`);
  return viewer;
}

/** Same as `measureAccess`, but refusing with a FORBIDDEN that says what is missing. */
export function requireMeasureAccess(viewer: Viewer): MeasureAccess {
  const access = measureAccess(viewer);
  if (access) return access;
  if (!isAuthenticated(viewer)) {
    throw new ForbiddenError(
      'Accompaniment measures are nominative data: send a partner token (Authorization: Bearer <token>).',
    );
  }
  throw new ForbiddenError(
    `Partners of kind ${viewer.kind} do not read accompaniment measures; they are open to the State and the EPCI on their territories, and to each association for the measures it operates. Territory indicators are open to every partner.`,
  );
}

/**
 * Who learns that a demand's household is accompanied, and that a diagnostic exists
 * (`Demand.isAccompanied`, `Demand.diagnostics`): the partners allowed to read the demand's
 * allocation data — STATE, EPCI, LANDLORD and RESERVATION_HOLDER, for measures lying on one of their
 * territories — and an association for the measures it operates. ANALYST, AUDITOR and anonymous
 * callers: none. The content of a diagnostic follows the consent rule (`diagnostic.rules.ts`).
 */
const FACT_READING: Record<PartnerKind, 'ON_TERRITORIES' | 'OPERATED' | null> = {
  STATE: 'ON_TERRITORIES',
  EPCI: 'ON_TERRITORIES',
  LANDLORD: 'ON_TERRITORIES',
  RESERVATION_HOLDER: 'ON_TERRITORIES',
  ASSOCIATION: 'OPERATED',
  ANALYST: null,
  AUDITOR: null,
};

/** The measures whose existence (accompanied or not, a diagnostic written) a viewer may learn, or null. */
export const accompanimentFactAccess = (viewer: Viewer): MeasureAccess | null => accessBy(FACT_READING, viewer);

/** What the field policy's rules receive: the subgraph's context and the request's audit collector. */
type PolicyRequest = AccompanimentContext & PolicyContext;

/** Who reaches a measure, hence the fields that take its rule. */
const MEASURE_READERS =
  'whoever reads the measure: STATE and EPCI on their territories, the operating ASSOCIATION (and the prescriber, in the answer to its own mutation)';

/** Who reaches a household record: only through a measure (`Measure.household`). */
const HOUSEHOLD_READERS = `with the measure, ${MEASURE_READERS}`;

/**
 * A diagnostic's content (author, grid, conclusion, recommended scheme) is a social appraisal:
 * SENSITIVE (the `read:sensitive` scope on top of the role) and under the household's consent
 * (`mayReadDiagnosticContent`, DOMAIN.md §4): the authoring operator always, another partner only
 * while a consent covering its kind is in force today.
 */
const DIAGNOSTIC_CONTENT: FieldRule<PolicyRequest> = {
  sensitivity: 'SENSITIVE',
  readers:
    "with the read:sensitive scope: the authoring ASSOCIATION; STATE, EPCI, LANDLORD, RESERVATION_HOLDER or another ASSOCIATION reaching the diagnostic while the household's consent covering its kind is in force today",
  allows: (diagnostic: Diagnostic, ctx: PolicyRequest) =>
    ctx.diagnostics.mayReadContent(ctx.viewer, ctx.loaders, diagnostic),
  refusal:
    "The content of a social diagnostic is read by the authoring operator, and by other partners only while the household's consent covering their kind is in force.",
};

/** Statistics (counts, no names): for any partner, not for anonymous callers. */
const STATISTICS: FieldRule<PolicyRequest> = {
  sensitivity: 'INTERNAL',
  readers: 'every partner (any partner token); counts, no names',
};

/**
 * The accompaniment subgraph's field policy (issue 8): the fields whose readers are narrower than
 * their record's, and the nominative and sensitive ones (logged when read, never read by ANALYST
 * or AUDITOR). Which records a viewer reaches at all stays in SQL (`measureAccess`,
 * `accompanimentFactAccess` above); fields not listed take their record's rule. The README's
 * policy table repeats it.
 */
/** The demand of the household a measure or a household record concerns, when it has one, for the log. */
const measureSubject = (measure: Measure) => measure.demandId;
const householdSubject = (household: AccompaniedHousehold) => household.demandId;

export const ACCOMPANIMENT_FIELD_POLICY: FieldPolicy<PolicyRequest> = {
  // Contributed to the demands' entity: facts about an identified household.
  'Demand.isAccompanied': {
    sensitivity: 'NOMINATIVE',
    readers:
      'STATE, EPCI, LANDLORD, RESERVATION_HOLDER acting for a territory (true only for measures on their territories); ASSOCIATION for the measures it operates',
    allows: (_demand: unknown, ctx: PolicyRequest) => accompanimentFactAccess(ctx.viewer) !== null,
    refusal:
      'Whether a household is accompanied is told to the State, the EPCI, landlords and reservation holders on their territories, and to the operating association.',
  },
  'Demand.diagnostics': {
    sensitivity: 'NOMINATIVE',
    filtered: true,
    readers:
      'the same partners as Demand.isAccompanied, filtered to the diagnostics of measures on their territories (ASSOCIATION: of the measures it operates); content: see Diagnostic.*',
  },
  'Demand.measures': {
    sensitivity: 'NOMINATIVE',
    filtered: true,
    readers:
      'STATE and EPCI (measures on their territories), ASSOCIATION (the measures it operates); filtered, empty for LANDLORD and RESERVATION_HOLDER',
  },
  // A measure says who is accompanied through its household; free text may name people.
  'Measure.household': { sensitivity: 'NOMINATIVE', readers: MEASURE_READERS, subject: measureSubject },
  'Measure.demand': { sensitivity: 'NOMINATIVE', readers: MEASURE_READERS, subject: measureSubject },
  'Measure.referent': { sensitivity: 'NOMINATIVE', readers: MEASURE_READERS, subject: measureSubject },
  'Measure.cancellationReason': { sensitivity: 'NOMINATIVE', readers: MEASURE_READERS, subject: measureSubject },
  'Measure.diagnostics': {
    sensitivity: 'NOMINATIVE',
    subject: measureSubject,
    filtered: true,
    readers: `existence (id, date, operator): ${MEASURE_READERS}; content: see Diagnostic.*`,
  },
  'AccompaniedHousehold.label': { sensitivity: 'NOMINATIVE', readers: HOUSEHOLD_READERS, subject: householdSubject },
  'AccompaniedHousehold.adults': { sensitivity: 'NOMINATIVE', readers: HOUSEHOLD_READERS, subject: householdSubject },
  'AccompaniedHousehold.children': { sensitivity: 'NOMINATIVE', readers: HOUSEHOLD_READERS, subject: householdSubject },
  'AccompaniedHousehold.demandId': { sensitivity: 'NOMINATIVE', readers: HOUSEHOLD_READERS, subject: householdSubject },
  'Diagnostic.authorName': DIAGNOSTIC_CONTENT,
  'Diagnostic.authorProfession': DIAGNOSTIC_CONTENT,
  'Diagnostic.scores': DIAGNOSTIC_CONTENT,
  'Diagnostic.conclusion': DIAGNOSTIC_CONTENT,
  'Diagnostic.recommendedScheme': DIAGNOSTIC_CONTENT,
  'Operator.capacity': STATISTICS,
  'Operator.activity': STATISTICS,
  'Territory.accompanimentIndicators': STATISTICS,
  'Territory.accompanimentActivity': STATISTICS,
};
