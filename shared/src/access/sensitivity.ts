import { isAuthenticated, type PartnerKind, type Viewer } from '../identity';

/**
 * How sensitive a field is (DOMAIN.md §1 and §7):
 * - PUBLIC: open reference data, even to anonymous callers;
 * - INTERNAL: shared among the partners of the hub (any partner token);
 * - NOMINATIVE: says something about an identified household: read only by the partner kinds the law
 *   names, on the records their role and territory reach; every read is logged;
 * - SENSITIVE: health, disability details, violence, social appraisal content, NIR-derived data:
 *   nominative, and the token must also carry the `read:sensitive` scope.
 */
export type Sensitivity = 'PUBLIC' | 'INTERNAL' | 'NOMINATIVE' | 'SENSITIVE';

/** The token scope a person needs, on top of the role, to read SENSITIVE fields. */
export const SENSITIVE_SCOPE = 'read:sensitive';

/**
 * Partner kinds that never read nominative fields, whatever the record: analysts get aggregates and
 * pseudonymised records (CCH R441-2-6 lists neither), the auditor reads the access log only.
 */
export const NON_NOMINATIVE_KINDS: ReadonlySet<PartnerKind> = new Set<PartnerKind>(['ANALYST', 'AUDITOR']);

/** Whether the class is logged when read. */
export const isAudited = (sensitivity: Sensitivity): boolean =>
  sensitivity === 'NOMINATIVE' || sensitivity === 'SENSITIVE';

/**
 * Why `viewer` may not read a field of class `sensitivity`, in a sentence for the caller's developer,
 * or null when the class allows it. The record-level rules (territory, relationship) come on top.
 */
export function classRefusal(viewer: Viewer, sensitivity: Sensitivity, field: string): string | null {
  if (sensitivity === 'PUBLIC') return null;
  if (!isAuthenticated(viewer)) {
    return `${field} is for the partners of the hub: send a partner token (Authorization: Bearer <token>).`;
  }
  if (sensitivity === 'INTERNAL') return null;
  if (NON_NOMINATIVE_KINDS.has(viewer.kind)) {
    return viewer.kind === 'ANALYST'
      ? `${field} is nominative data: analysts read aggregates and pseudonymised records, without direct identifiers (CCH R441-2-6).`
      : `${field} is nominative data: the auditor reads the access log, not the records.`;
  }
  if (sensitivity === 'SENSITIVE' && !viewer.scopes.includes(SENSITIVE_SCOPE)) {
    return `${field} is sensitive data (health, disability, violence, social appraisal or NIR-derived): the token needs the "${SENSITIVE_SCOPE}" scope on top of the partner's role.`;
  }
  return null;
}
