import { ForbiddenError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import { isAuthenticated, type PartnerKind, type Viewer } from '@passerelle/shared/identity';

/**
 * Who reads what in the offers subgraph (first version; a later issue deepens it):
 *
 * | partner kind                              | stock¹ | household links²                  | indicators |
 * | ----------------------------------------- | ------ | --------------------------------- | ---------- |
 * | STATE, EPCI, LANDLORD, RESERVATION_HOLDER | yes    | for the communes it acts for      | yes        |
 * | ASSOCIATION, ANALYST, AUDITOR             | yes    | no                                | yes        |
 * | anonymous                                 | no     | no                                | no         |
 *
 * ¹ landlords, reservation holders, dwellings and vacancies: not nominative (the RPLS register
 *   is public), but reserved to partners of the hub.
 * ² proposals (a household designated for a dwelling) and the tenant of a signed lease: they
 *   link a household to a dwelling, so they follow the readers of the demand register
 *   (CCH R441-2-6), on the dwelling's commune. Others get no proposals and no tenant — filtered,
 *   not errored. A partner acts for a commune when one of its territories is the commune, its
 *   EPCI or its département.
 */
export type HouseholdLinks = 'ON_ITS_TERRITORIES' | 'NONE';

export interface OffersRule {
  stock: boolean;
  householdLinks: HouseholdLinks;
  indicators: boolean;
}

export const OFFERS_POLICY: Readonly<Record<PartnerKind | 'ANONYMOUS', OffersRule>> = {
  STATE: { stock: true, householdLinks: 'ON_ITS_TERRITORIES', indicators: true },
  EPCI: { stock: true, householdLinks: 'ON_ITS_TERRITORIES', indicators: true },
  LANDLORD: { stock: true, householdLinks: 'ON_ITS_TERRITORIES', indicators: true },
  RESERVATION_HOLDER: { stock: true, householdLinks: 'ON_ITS_TERRITORIES', indicators: true },
  ASSOCIATION: { stock: true, householdLinks: 'NONE', indicators: true },
  ANALYST: { stock: true, householdLinks: 'NONE', indicators: true },
  AUDITOR: { stock: true, householdLinks: 'NONE', indicators: true },
  ANONYMOUS: { stock: false, householdLinks: 'NONE', indicators: false },
};

/** What one viewer may read, computed once per request. */
export interface OffersAccess {
  /** Landlords, reservation holders, dwellings and vacancies. */
  readsStock: boolean;
  /** Territory indicators (statistics). */
  readsIndicators: boolean;
  /** INSEE codes of the communes whose dwellings' household links the viewer reads; empty for none. */
  householdLinkCommunes: readonly string[];
}

export function offersAccess(viewer: Viewer): OffersAccess {
  const rule = OFFERS_POLICY[viewer.kind];
  return {
    readsStock: rule.stock,
    readsIndicators: rule.indicators,
    householdLinkCommunes:
      rule.householdLinks === 'ON_ITS_TERRITORIES' && isAuthenticated(viewer)
        ? communesActedFor(viewer.territories)
        : [],
  };
}

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
