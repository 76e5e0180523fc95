import type { FieldPolicy, PolicyContext } from '@passerelle/shared/access';
import { actingTerritories } from '@passerelle/shared/geography';
import { ForbiddenError } from '@passerelle/shared/errors';
import { isAuthenticated, type PartnerKind, type Viewer } from '@passerelle/shared/identity';
import type { GovernanceContext } from './context';
import type { AgendaItem } from './agenda/agenda.type';
import type { CalDecision } from './cal-decision/cal-decision.type';
import type { Meeting } from './meeting/meeting.type';

/** What the governance subgraph serves, grouped by who may read it. */
export type GovernanceResource = 'TERRITORIES' | 'INDICATORS' | 'PARTNERS' | 'BODIES' | 'MEETINGS' | 'CAL_DECISIONS';

/**
 * How far a reader reaches: everything, only records on one of its territories (a record's
 * commune, or its EPCI or département), or nothing.
 */
export type Reach = 'ALL' | 'OWN_TERRITORIES' | 'NONE';

/** Which records a reader reaches: all of them, or those touching one of `territories`. */
export type Scope = 'ALL' | { territories: string[] };

type Reader = PartnerKind | 'ANONYMOUS';

const EVERY_PARTNER: Record<Reader, Reach> = {
  STATE: 'ALL',
  EPCI: 'ALL',
  LANDLORD: 'ALL',
  RESERVATION_HOLDER: 'ALL',
  ASSOCIATION: 'ALL',
  ANALYST: 'ALL',
  AUDITOR: 'ALL',
  ANONYMOUS: 'NONE',
};

/**
 * Who reads what (first, declarative version).
 *
 * | resource              | STATE, EPCI, LANDLORD, RESERVATION_HOLDER | ASSOCIATION, ANALYST, AUDITOR | anonymous |
 * | --------------------- | ----------------------------------------- | ----------------------------- | --------- |
 * | territories           | all                                       | all                           | all       |
 * | indicators            | all                                       | all                           | no        |
 * | partners, bodies,     | all                                       | all                           | no        |
 * |   meetings            |                                           |                               |           |
 * | CAL decisions         | on their territories                      | no                            | no        |
 *
 * Territories are the official public geography. Indicators are statistics. The directory of
 * partners, bodies and meetings is shared among the partners of the policy. A CAL decision
 * concerns a household (nominative data, CCH R441-2-6: only for allocating social housing, by
 * the actors it lists, each on its territory), so it follows the demand register's rule.
 */
export const GOVERNANCE_ACCESS: Readonly<Record<GovernanceResource, Readonly<Record<Reader, Reach>>>> = {
  TERRITORIES: { ...EVERY_PARTNER, ANONYMOUS: 'ALL' },
  INDICATORS: EVERY_PARTNER,
  PARTNERS: EVERY_PARTNER,
  BODIES: EVERY_PARTNER,
  MEETINGS: EVERY_PARTNER,
  CAL_DECISIONS: {
    STATE: 'OWN_TERRITORIES',
    EPCI: 'OWN_TERRITORIES',
    LANDLORD: 'OWN_TERRITORIES',
    RESERVATION_HOLDER: 'OWN_TERRITORIES',
    ASSOCIATION: 'NONE',
    ANALYST: 'NONE',
    AUDITOR: 'NONE',
    ANONYMOUS: 'NONE',
  },
};

const LABELS: Record<GovernanceResource, string> = {
  TERRITORIES: 'territories',
  INDICATORS: 'governance indicators',
  PARTNERS: 'the partner directory',
  BODIES: 'governance bodies',
  MEETINGS: 'meetings',
  CAL_DECISIONS: 'CAL decisions',
};

/**
 * What `viewer` may read of `resource`: 'ALL', the territory codes it may read records of, or
 * null when nothing. A territorial reader without any territory reads nothing.
 */
export function accessTo(viewer: Viewer, resource: GovernanceResource): Scope | null {
  const reach = GOVERNANCE_ACCESS[resource][viewer.kind];
  if (reach === 'ALL') return 'ALL';
  const territories = isAuthenticated(viewer) ? actingTerritories(viewer.territories) : [];
  if (reach === 'NONE' || territories.length === 0) return null;
  return { territories };
}

/** Same as `accessTo`, but refusing with FORBIDDEN and a message that says what is missing. */
export function requireAccessTo(viewer: Viewer, resource: GovernanceResource): Scope {
  const access = accessTo(viewer, resource);
  if (access) return access;
  if (!isAuthenticated(viewer)) {
    throw new ForbiddenError(
      `Reading ${LABELS[resource]} needs a partner token (Authorization: Bearer <token>); only territories are public.`,
    );
  }
  if (resource === 'CAL_DECISIONS') {
    throw new ForbiddenError(
      `Partners of kind ${viewer.kind} do not read CAL decisions: they concern a household (CCH R441-2-6) and are open to the State, the EPCI, landlords and reservation holders on their territories.`,
    );
  }
  throw new ForbiddenError(`Partners of kind ${viewer.kind} do not read ${LABELS[resource]}.`);
}

/** What the field policy's rules receive: the governance context and the request's read audit. */
export type GovernanceFieldContext = GovernanceContext & PolicyContext;

/** Who reaches a CAL decision at all (the record rule above): the content of a decision follows it. */
const DECISION_READERS =
  'the State, the EPCI, landlords and reservation holders, on decisions about dwellings on their territories (the record rule, CCH R441-2-6)';
/** Who reaches a case file on an agenda (`Meeting.agenda` lists case reviews and occupancy reviews to the body's members only). */
const CASE_FILE_READERS =
  'the members of the body, on the case files of its meetings (need to know; the agenda lists them to members only)';

/**
 * Which fields of governance are narrower than their record, field by field (the README's policy
 * table repeats it). Every field not listed takes its record's rule (`GOVERNANCE_ACCESS`):
 * territories are PUBLIC; partners, bodies, meetings, agendas, attendance, recommendations and the
 * statistics are INTERNAL (the partners of the hub, about organisations and policy, never about a
 * household); a CAL decision's date, meeting, vacancy and commune say where and when, not who.
 *
 * NOMINATIVE fields say something about one household (the candidate of a CAL decision, the
 * household of a case file, the tenant household of an occupancy review): ANALYST and AUDITOR never
 * read them and every read is logged. SENSITIVE ones also carry health or disability (an occupant's
 * loss of autonomy, an adapted dwelling) or the commission's appraisal of a household, and need the
 * `read:sensitive` scope. Lists (`Meeting.calDecisions`, `Demand.calDecisions`…) are filtered by the
 * record rule in SQL, never refused here.
 */
/** The household a decision or a case file concerns, for the log (its demand; none for an occupancy review). */
const decisionSubject = (decision: CalDecision) => decision.demandId;
const caseFileSubject = (item: AgendaItem) => item.demandId;

export const GOVERNANCE_FIELD_POLICY: FieldPolicy<GovernanceFieldContext> = {
  'CalDecision.type': {
    sensitivity: 'NOMINATIVE',
    subject: decisionSubject,
    readers: `${DECISION_READERS}: what the commission decided for this candidate`,
  },
  'CalDecision.rank': {
    sensitivity: 'NOMINATIVE',
    subject: decisionSubject,
    readers: `${DECISION_READERS}: the candidate's place in the order of priority`,
  },
  'CalDecision.motive': {
    sensitivity: 'NOMINATIVE',
    subject: decisionSubject,
    readers: `${DECISION_READERS}: free text about the candidate's situation`,
  },
  'CalDecision.motiveCode': {
    sensitivity: 'NOMINATIVE',
    subject: decisionSubject,
    readers: `${DECISION_READERS}: why this candidate was refused (e.g. resources, right of stay)`,
  },
  'CalDecision.condition': {
    sensitivity: 'NOMINATIVE',
    subject: decisionSubject,
    readers: `${DECISION_READERS}: the document this household has yet to supply`,
  },
  'CalDecision.demand': {
    sensitivity: 'NOMINATIVE',
    subject: decisionSubject,
    readers: `${DECISION_READERS}: the link from the decision to the household's demand (the demands subgraph then applies its own rule)`,
  },
  'CalDecision.offerStatus': {
    sensitivity: 'NOMINATIVE',
    subject: decisionSubject,
    readers: `${DECISION_READERS}: where the offer stands for this candidate`,
  },
  'CalDecision.offerAnswer': {
    sensitivity: 'NOMINATIVE',
    subject: decisionSubject,
    readers: `${DECISION_READERS}: the household's answer and, for a refusal, its motive in its own words`,
  },
  // A household's CAL decisions: filtered by the record rule (empty for the others), never refused;
  // a non-empty read is logged against the demand.
  'Demand.calDecisions': {
    sensitivity: 'NOMINATIVE',
    filtered: true,
    readers: `${DECISION_READERS}: the household's decisions, filtered to those you reach`,
  },
  'AgendaItem.demand': {
    sensitivity: 'NOMINATIVE',
    subject: caseFileSubject,
    readers: `${CASE_FILE_READERS}: the demand of the household under review`,
  },
  'AgendaItem.daloDesignatedByState': {
    sensitivity: 'NOMINATIVE',
    subject: caseFileSubject,
    readers: `${CASE_FILE_READERS}: whether the household under review is a DALO household designated by the State`,
  },
  'AgendaItem.dwelling': {
    sensitivity: 'NOMINATIVE',
    subject: caseFileSubject,
    readers: `${CASE_FILE_READERS}: the home of the tenant household whose occupancy is reviewed`,
  },
  'AgendaItem.occupancySituation': {
    sensitivity: 'SENSITIVE',
    subject: caseFileSubject,
    readers: `${CASE_FILE_READERS}, with the read:sensitive scope: the situation of a tenant household, which may be an occupant's loss of autonomy or disability`,
  },
  'AgendaItem.opinion': {
    sensitivity: 'SENSITIVE',
    subject: caseFileSubject,
    readers: `${CASE_FILE_READERS}, with the read:sensitive scope: the CALEOL's appraisal of a tenant household's situation, which may state health or disability`,
  },
  'Meeting.minutes': {
    sensitivity: 'NOMINATIVE',
    readers:
      'the members of the body that met (need to know): free text that may discuss the households examined; not ANALYST or AUDITOR members',
    allows: async (meeting: Meeting, context) => (await context.loaders.membership()).memberOf.has(meeting.bodyId),
    refusal:
      'Meeting.minutes are for the members of the body that met: they may discuss the households examined (need to know).',
  },
  'GovernanceActivity.offerRefusalMotives': {
    sensitivity: 'INTERNAL',
    readers:
      "the State, the EPCI, landlords and reservation holders acting on a territory (the readers of CAL decisions): counts, no household named, but grouped by the households' own words, so not for associations, analysts or the auditor",
    allows: (_activity: unknown, context) => accessTo(context.viewer, 'CAL_DECISIONS') !== null,
    refusal:
      "GovernanceActivity.offerRefusalMotives groups the households' own words: it is for the partners who read CAL decisions (the State, the EPCI, landlords and reservation holders acting on a territory, CCH R441-2-6).",
  },
};
