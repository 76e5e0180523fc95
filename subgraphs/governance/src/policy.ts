import { actingTerritories } from '@passerelle/shared/geography';
import { ForbiddenError } from '@passerelle/shared/errors';
import { isAuthenticated, type PartnerKind, type Viewer } from '@passerelle/shared/identity';

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
