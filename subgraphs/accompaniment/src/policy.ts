import { actingTerritories } from '@passerelle/shared/geography';
import { ForbiddenError } from '@passerelle/shared/errors';
import { isAuthenticated, type PartnerKind, type Viewer } from '@passerelle/shared/identity';

/**
 * Who reads what in the accompaniment subgraph (first, declarative version):
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
 * it accompanies. Indicators are statistics, for any partner.
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
export function measureAccess(viewer: Viewer): MeasureAccess | null {
  if (!isAuthenticated(viewer)) return null;
  switch (MEASURE_READING[viewer.kind]) {
    case 'ON_TERRITORIES':
      return actingTerritories(viewer.territories).length > 0
        ? { territories: actingTerritories(viewer.territories) }
        : null;
    case 'OPERATED':
      return { operatorSlug: viewer.partner };
    default:
      return null;
  }
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

/** Indicators are statistics: any authenticated partner reads them; anonymous callers do not. */
export function requireIndicatorAccess(viewer: Viewer): void {
  if (!isAuthenticated(viewer)) {
    throw new ForbiddenError(
      'Accompaniment indicators are for partners: send a partner token (Authorization: Bearer <token>).',
    );
  }
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
export function accompanimentFactAccess(viewer: Viewer): MeasureAccess | null {
  if (!isAuthenticated(viewer)) return null;
  switch (FACT_READING[viewer.kind]) {
    case 'ON_TERRITORIES':
      return actingTerritories(viewer.territories).length > 0
        ? { territories: actingTerritories(viewer.territories) }
        : null;
    case 'OPERATED':
      return { operatorSlug: viewer.partner };
    default:
      return null;
  }
}
