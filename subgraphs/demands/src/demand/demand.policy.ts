import { ForbiddenError } from '@passerelle/shared/errors';
import { isAuthenticated, type PartnerKind, type Viewer } from '@passerelle/shared/identity';

/**
 * Who may read nominative demand data (CCH R441-2-6: only for allocating social housing, by the
 * actors it lists, each on its territory). An association reads only the demands it assists as
 * the applicant's declared helper (décret 2017-917 art. 3 c: the applicant named it on the form);
 * analysts read aggregates only, auditors the access log: none of them reads the register itself.
 */
const REGISTER_READERS: ReadonlySet<PartnerKind> = new Set<PartnerKind>([
  'STATE',
  'EPCI',
  'LANDLORD',
  'RESERVATION_HOLDER',
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
    `Partners of kind ${viewer.kind} do not read the demand register (CCH R441-2-6); it is open to the State, the EPCI, landlords and reservation holders on their territories, and to associations for the demands they assist.`,
  );
}
