import { classRefusal, type FieldPolicy, type PolicyContext } from '@passerelle/shared/access';
import { ForbiddenError } from '@passerelle/shared/errors';
import { isAuthenticated, type PartnerKind, type Viewer } from '@passerelle/shared/identity';
import type { DemandsContext } from './context';
import { DemandMotive, TransferDifficulty } from './demand/demand.enums';

/**
 * Who reads what in the demands subgraph (README "Who sees what (demands)" has the same table).
 *
 * Records — which demands a viewer reaches at all, decided in SQL:
 *
 * | partner kind                          | demands reached                                          |
 * | ------------------------------------- | -------------------------------------------------------- |
 * | STATE, EPCI, LANDLORD, RESERVATION_HOLDER | those touching one of its territories (CCH R441-2-6)  |
 * | ASSOCIATION                           | those whose applicant named it as assisting body (décret 2017-917 art. 3 c) |
 * | ANALYST                               | those touching one of its territories, pseudonymised: no nominative field |
 * | AUDITOR, anonymous                    | none (the auditor reads the log of nominative reads)    |
 *
 * Follow-up alerts (`demandAlerts`) follow the same rule, without analysts.
 *
 * Fields — `DEMANDS_FIELD_POLICY` below: nominative fields are read by the kinds that reach the
 * record, except ANALYST; sensitive ones also need the `read:sensitive` scope. Fields not listed
 * are read by whoever reaches the record.
 */
const REGISTER_READERS: ReadonlySet<PartnerKind> = new Set<PartnerKind>([
  'STATE',
  'EPCI',
  'LANDLORD',
  'RESERVATION_HOLDER',
  'ANALYST',
]);

/** What a viewer may read of the register: demands touching one of its territories, or those it assists. */
export type RegisterAccess = { territories: string[] } | { assistingPartner: string };

/** The viewer's access to the register, or null when it has none. */
export function registerAccess(viewer: Viewer): RegisterAccess | null {
  if (!isAuthenticated(viewer)) return null;
  if (viewer.kind === 'ASSOCIATION') return { assistingPartner: viewer.partner };
  if (!REGISTER_READERS.has(viewer.kind) || viewer.territories.length === 0) return null;
  return { territories: viewer.territories };
}

/** Same as `registerAccess`, but refusing with a message that says what is missing. */
export function requireRegisterAccess(viewer: Viewer): RegisterAccess {
  const access = registerAccess(viewer);
  if (access) return access;
  if (!isAuthenticated(viewer)) {
    throw new ForbiddenError('Demands are nominative data: send a partner token (Authorization: Bearer <token>).');
  }
  throw new ForbiddenError(
    `Partners of kind ${viewer.kind} do not read the demand register (CCH R441-2-6); it is open to the State, the EPCI, landlords and reservation holders on their territories, to associations for the demands they assist, and pseudonymised to analysts.`,
  );
}

/**
 * The follow-up alerts are the registration desks' and the SIAO's work list: the register's readers
 * except analysts, who study the register and need no work list.
 */
export function requireAlertAccess(viewer: Viewer): RegisterAccess {
  if (isAuthenticated(viewer) && viewer.kind === 'ANALYST') {
    throw new ForbiddenError(
      'Follow-up alerts are the work list of the registration desks and the SIAO; analysts read the register pseudonymised (`demands`) and its indicators.',
    );
  }
  return requireRegisterAccess(viewer);
}

/** Motives that say violence or health: withheld from the list without the read:sensitive scope. */
export const SENSITIVE_MOTIVES: readonly DemandMotive[] = [
  DemandMotive.DOMESTIC_VIOLENCE,
  DemandMotive.UNSUITED_TO_DISABILITY,
];
/** Transfer difficulties that say violence or health: the same. */
export const SENSITIVE_TRANSFER_DIFFICULTIES: readonly TransferDifficulty[] = [
  TransferDifficulty.DOMESTIC_VIOLENCE,
  TransferDifficulty.HEALTH_OR_DISABILITY_MISMATCH,
];

/**
 * A filter on a sensitive field tells as much as the field: listing the suspected duplicates, or the
 * transfers for domestic violence, needs what reading them needs (the read:sensitive scope, never
 * an analyst).
 */
export function requireSensitiveFilterAccess(
  viewer: Viewer,
  filter: { suspectedDuplicate?: boolean | null; transferDifficulty?: TransferDifficulty | null },
): void {
  const sensitive =
    filter.suspectedDuplicate != null
      ? 'filter.suspectedDuplicate'
      : filter.transferDifficulty && SENSITIVE_TRANSFER_DIFFICULTIES.includes(filter.transferDifficulty)
        ? 'filter.transferDifficulty'
        : null;
  const refusal = sensitive && classRefusal(viewer, 'SENSITIVE', sensitive);
  if (refusal) throw new ForbiddenError(`${refusal} Filtering on it tells as much as reading it.`);
}

const ALLOCATION_READERS = 'the kinds reaching the demand, except ANALYST';

/** Which fields of a demand are nominative or sensitive; see the table above. */
export const DEMANDS_FIELD_POLICY: FieldPolicy<DemandsContext & PolicyContext> = {
  'Demand.nur': { sensitivity: 'NOMINATIVE', readers: `${ALLOCATION_READERS} (analysts get \`pseudonym\`)` },
  'Demand.applicant': { sensitivity: 'NOMINATIVE', readers: ALLOCATION_READERS },
  'Demand.persons': { sensitivity: 'NOMINATIVE', readers: ALLOCATION_READERS },
  'Demand.contact': { sensitivity: 'NOMINATIVE', readers: ALLOCATION_READERS },
  'Demand.assistedBy': { sensitivity: 'NOMINATIVE', readers: ALLOCATION_READERS },
  'Demand.employerSiret': { sensitivity: 'NOMINATIVE', readers: ALLOCATION_READERS },
  'Priority.criterion': {
    sensitivity: 'NOMINATIVE',
    readers: ALLOCATION_READERS,
    auditedRecord: (priority: { demandId: string }) => ({ type: 'Demand', id: priority.demandId }),
  },
  'DemandEvent.detail': {
    sensitivity: 'NOMINATIVE',
    readers: `${ALLOCATION_READERS} (free text)`,
    auditedRecord: (event: { demandId: string }) => ({ type: 'Demand', id: event.demandId }),
  },
  'Disability.detail': {
    sensitivity: 'SENSITIVE',
    readers: `${ALLOCATION_READERS}, with the read:sensitive scope (health)`,
    auditedRecord: (disability: { demandId: string }) => ({ type: 'Demand', id: disability.demandId }),
  },
  'Demand.suspectedDuplicate': {
    sensitivity: 'SENSITIVE',
    readers: `${ALLOCATION_READERS}, with the read:sensitive scope (NIR-derived)`,
  },
  // A demand always has a motive that is not sensitive (registration.rules.ts), so that a list left
  // empty by the withholding can never tell that only a sensitive one was given.
  'Demand.motives': {
    sensitivity: 'INTERNAL',
    readers:
      'the kinds reaching the demand; DOMESTIC_VIOLENCE and UNSUITED_TO_DISABILITY only with the read:sensitive scope, never for ANALYST',
    sensitiveValues: SENSITIVE_MOTIVES,
  },
  'Demand.transferDifficulties': {
    sensitivity: 'INTERNAL',
    readers:
      'the kinds reaching the demand; DOMESTIC_VIOLENCE and HEALTH_OR_DISABILITY_MISMATCH only with the read:sensitive scope, never for ANALYST',
    sensitiveValues: SENSITIVE_TRANSFER_DIFFICULTIES,
  },
  // A CAL decision about the household, as its timeline records it: governance's rule (nominative).
  'DemandEvent.calDecision': {
    sensitivity: 'NOMINATIVE',
    readers: ALLOCATION_READERS,
    auditedRecord: (event: { demandId: string }) => ({ type: 'Demand', id: event.demandId }),
  },
  'DemandEvent.ineligibilityGround': {
    sensitivity: 'NOMINATIVE',
    readers: `${ALLOCATION_READERS} (e.g. the right of stay)`,
    auditedRecord: (event: { demandId: string }) => ({ type: 'Demand', id: event.demandId }),
  },
};
