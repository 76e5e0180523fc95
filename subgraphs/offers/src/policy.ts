import { ForbiddenError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import { isAuthenticated, type PartnerKind, type Viewer } from '@passerelle/shared/identity';

/**
 * Who reads what in the offers subgraph (issue 5; README "Access to offers" has the same table):
 *
 * | partner kind        | stock¹ | vacancies             | household links²                    | landlord's details³                    | flux reports⁴   | indicators |
 * | ------------------- | ------ | --------------------- | ----------------------------------- | -------------------------------------- | --------------- | ---------- |
 * | STATE, EPCI         | yes    | all                   | on the communes it acts for         | of dwellings oriented to it (STATE)    | all             | yes        |
 * | LANDLORD            | yes    | all                   | on its own stock                    | of its own stock                       | its own         | yes        |
 * | RESERVATION_HOLDER  | yes    | its contingent only⁵  | its own designations and tenants    | of dwellings oriented to it (rent only)| its own lines   | yes        |
 * | ANALYST             | yes    | all                   | no                                  | no                                     | all             | yes        |
 * | ASSOCIATION, AUDITOR| yes    | all                   | no                                  | no                                     | no              | yes        |
 * | anonymous           | no     | no                    | no                                  | no                                     | no              | no         |
 *
 * ¹ landlords, reservation holders, the public fields of dwellings (the RPLS register is public),
 *   flux agreements: reserved to partners of the hub.
 * ² proposals (a household designated for a dwelling), the tenant of a signed lease and the
 *   household's situation at signature: they link a household to a dwelling, so they follow the
 *   legal role — the State and the EPCI on their territory (CCH R441-2-6), the landlord on its own
 *   stock, a reservation holder the candidates it designated (never another holder's, even on a
 *   vacancy re-oriented to it) and the tenants of leases charged to it. Others get none: filtered,
 *   not errored. Statistics over fewer than 5 leases are withheld from all but the State and the
 *   EPCI (statistical confidentiality).
 * ³ rent and charges: the owning landlord, and the reservation holder a vacancy of the dwelling is
 *   now oriented to (it needs them to designate suitable candidates); internal notes: the owning
 *   landlord only. Others get null with FORBIDDEN at the field's path.
 * ⁴ the landlord's annual flux report (bilan) to each reservation holder.
 * ⁵ the vacancies now oriented to it. A vacancy outside it is answered exactly as an absent one.
 * A partner acts for a commune when one of its territories is the commune, its EPCI or its
 * département.
 */
export type HouseholdLinks =
  | { scope: 'NONE' }
  | { scope: 'COMMUNES'; communes: readonly string[] }
  | { scope: 'OWN_STOCK'; landlordSlug: string }
  | { scope: 'OWN_CONTINGENT'; holderSlug: string };

export type VacancyScope = { scope: 'ALL' } | { scope: 'OWN_CONTINGENT'; holderSlug: string } | { scope: 'NONE' };

export type FluxReportScope = 'ALL' | 'OWN' | 'OWN_LINES' | 'NONE';

interface OffersRule {
  stock: boolean;
  vacancies: 'ALL' | 'OWN_CONTINGENT' | 'NONE';
  householdLinks: 'COMMUNES' | 'OWN_STOCK' | 'OWN_CONTINGENT' | 'NONE';
  fluxReports: FluxReportScope;
  indicators: boolean;
}

export const OFFERS_POLICY: Readonly<Record<PartnerKind | 'ANONYMOUS', OffersRule>> = {
  STATE: { stock: true, vacancies: 'ALL', householdLinks: 'COMMUNES', fluxReports: 'ALL', indicators: true },
  EPCI: { stock: true, vacancies: 'ALL', householdLinks: 'COMMUNES', fluxReports: 'ALL', indicators: true },
  LANDLORD: { stock: true, vacancies: 'ALL', householdLinks: 'OWN_STOCK', fluxReports: 'OWN', indicators: true },
  RESERVATION_HOLDER: {
    stock: true,
    vacancies: 'OWN_CONTINGENT',
    householdLinks: 'OWN_CONTINGENT',
    fluxReports: 'OWN_LINES',
    indicators: true,
  },
  ANALYST: { stock: true, vacancies: 'ALL', householdLinks: 'NONE', fluxReports: 'ALL', indicators: true },
  ASSOCIATION: { stock: true, vacancies: 'ALL', householdLinks: 'NONE', fluxReports: 'NONE', indicators: true },
  AUDITOR: { stock: true, vacancies: 'ALL', householdLinks: 'NONE', fluxReports: 'NONE', indicators: true },
  ANONYMOUS: { stock: false, vacancies: 'NONE', householdLinks: 'NONE', fluxReports: 'NONE', indicators: false },
};

/** What one viewer may read, computed once per request. */
export interface OffersAccess {
  /** Landlords, reservation holders, the public fields of dwellings, flux agreements. */
  readsStock: boolean;
  /** Territory indicators (statistics). */
  readsIndicators: boolean;
  /** The caller's partner slug (a landlord's or a reservation holder's own slug); null when anonymous. */
  partner: string | null;
  /** True for a LANDLORD partner: its own stock's details are its own. */
  isLandlord: boolean;
  vacancies: VacancyScope;
  householdLinks: HouseholdLinks;
  fluxReports: FluxReportScope;
}

export function offersAccess(viewer: Viewer): OffersAccess {
  const rule = OFFERS_POLICY[viewer.kind];
  const partner = isAuthenticated(viewer) ? viewer.partner : null;
  const householdLinks: HouseholdLinks =
    partner === null || rule.householdLinks === 'NONE'
      ? { scope: 'NONE' }
      : rule.householdLinks === 'COMMUNES'
        ? { scope: 'COMMUNES', communes: isAuthenticated(viewer) ? communesActedFor(viewer.territories) : [] }
        : rule.householdLinks === 'OWN_STOCK'
          ? { scope: 'OWN_STOCK', landlordSlug: partner }
          : { scope: 'OWN_CONTINGENT', holderSlug: partner };
  return {
    readsStock: rule.stock,
    readsIndicators: rule.indicators,
    partner,
    isLandlord: viewer.kind === 'LANDLORD',
    vacancies:
      rule.vacancies === 'ALL' || partner === null
        ? { scope: rule.vacancies === 'ALL' ? 'ALL' : 'NONE' }
        : { scope: 'OWN_CONTINGENT', holderSlug: partner },
    householdLinks,
    fluxReports: partner === null ? 'NONE' : rule.fluxReports,
  };
}

/** True when the viewer reads some household links (else no statement is needed). */
export const readsHouseholdLinks = (access: OffersAccess): boolean =>
  access.householdLinks.scope !== 'NONE' &&
  (access.householdLinks.scope !== 'COMMUNES' || access.householdLinks.communes.length > 0);

/** The communes of the official geography a partner acts for: each one whose enclosing chain meets `territories`. */
export function communesActedFor(territories: readonly string[]): string[] {
  return officialGeography
    .communes()
    .filter((commune) => officialGeography.enclosing(commune.code).some((code) => territories.includes(code)))
    .map((commune) => commune.code);
}

/** Refuses a query on the stock to a viewer who may not read it. */
export function requireStockAccess(access: OffersAccess): void {
  if (!access.readsStock) {
    throw new ForbiddenError(
      'Landlords, dwellings and vacancies are open to the partners of the hub: send a partner token (Authorization: Bearer <token>).',
    );
  }
}

/** Refuses territory indicators to a viewer who may not read them. */
export function requireIndicatorAccess(access: OffersAccess): void {
  if (!access.readsIndicators) {
    throw new ForbiddenError(
      'Offer indicators are open to the partners of the hub: send a partner token (Authorization: Bearer <token>).',
    );
  }
}
