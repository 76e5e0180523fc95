import { ANONYMOUS, type PartnerKind, type Viewer } from '@passerelle/shared/identity';
import {
  communesActedFor,
  offersAccess,
  readsHouseholdLinks,
  requireIndicatorAccess,
  requireStockAccess,
} from './policy';

/** The eighteen communes of the Métropole Européenne de Lille shipped in the official geography. */
const MEL = [
  '59009', '59017', '59163', '59220', '59279', '59299', '59328', '59346', '59350',
  '59360', '59367', '59378', '59410', '59512', '59560', '59599', '59646', '59650',
]; // prettier-ignore

const viewer = (kind: PartnerKind, territories: string[]): Viewer => ({
  sub: 's',
  partner: 'p',
  kind,
  territories,
  scopes: [],
  authenticated: true,
});

/**
 * Written by hand from DOMAIN.md §1, issue 5 and the README table, not derived from the policy code:
 * [kind, territories, reads the stock, vacancies, household links, flux reports, reads indicators].
 */
type Links = 'NONE' | 'OWN_STOCK' | 'OWN_CONTINGENT' | string[];
const EXPECTED: [PartnerKind, string[], boolean, 'ALL' | 'OWN_CONTINGENT', Links, string, boolean][] = [
  ['STATE', ['59'], true, 'ALL', MEL, 'ALL', true],
  ['EPCI', ['200093201'], true, 'ALL', MEL, 'ALL', true],
  ['LANDLORD', ['200093201'], true, 'ALL', 'OWN_STOCK', 'OWN', true],
  ['RESERVATION_HOLDER', ['59350'], true, 'OWN_CONTINGENT', 'OWN_CONTINGENT', 'OWN_LINES', true],
  ['ASSOCIATION', ['59'], true, 'ALL', 'NONE', 'NONE', true],
  ['ANALYST', ['200093201'], true, 'ALL', 'NONE', 'ALL', true],
  ['AUDITOR', ['200093201'], true, 'ALL', 'NONE', 'NONE', true],
];

const linksOf = (kind: PartnerKind, territories: string[]): Links => {
  const links = offersAccess(viewer(kind, territories)).householdLinks;
  return links.scope === 'COMMUNES' ? [...links.communes].sort() : links.scope;
};

describe('who reads what in the offers subgraph', () => {
  it.each(EXPECTED)('%s acting for %j', (kind, territories, stock, vacancies, links, reports, indicators) => {
    const access = offersAccess(viewer(kind, territories));
    expect(access.readsStock).toBe(stock);
    expect(access.vacancies.scope).toBe(vacancies);
    expect(linksOf(kind, territories)).toEqual(links);
    expect(access.fluxReports).toBe(reports);
    expect(access.readsIndicators).toBe(indicators);
  });

  it('gives anonymous callers nothing, and an allowed twin with a token', () => {
    const anonymous = offersAccess(ANONYMOUS);
    expect(anonymous).toMatchObject({ readsStock: false, readsIndicators: false, partner: null, fluxReports: 'NONE' });
    expect(anonymous.vacancies.scope).toBe('NONE');
    expect(anonymous.householdLinks.scope).toBe('NONE');
    expect(readsHouseholdLinks(anonymous)).toBe(false);
    expect(offersAccess(viewer('STATE', ['59'])).readsStock).toBe(true);
  });

  it.each(['ASSOCIATION', 'ANALYST', 'AUDITOR'] as const)(
    'hides household links from %s on the very territory where the State reads them',
    (kind) => {
      expect(readsHouseholdLinks(offersAccess(viewer(kind, ['59350'])))).toBe(false);
      expect(linksOf('STATE', ['59350'])).toEqual(['59350']);
    },
  );

  it('binds a landlord to its own stock and a reservation holder to its own contingent, by partner slug', () => {
    expect(offersAccess(viewer('LANDLORD', ['59'])).householdLinks).toEqual({ scope: 'OWN_STOCK', landlordSlug: 'p' });
    expect(offersAccess(viewer('RESERVATION_HOLDER', ['59'])).householdLinks).toEqual({
      scope: 'OWN_CONTINGENT',
      holderSlug: 'p',
    });
    expect(offersAccess(viewer('RESERVATION_HOLDER', ['59'])).vacancies).toEqual({
      scope: 'OWN_CONTINGENT',
      holderSlug: 'p',
    });
  });

  it('reads no household link for a State partner acting for no known commune', () => {
    expect(readsHouseholdLinks(offersAccess(viewer('STATE', ['62'])))).toBe(false);
    expect(readsHouseholdLinks(offersAccess(viewer('STATE', ['59'])))).toBe(true);
  });

  it('acts for no commune with no territory, or with a territory outside the geography', () => {
    expect(communesActedFor([])).toEqual([]);
    expect(communesActedFor(['62'])).toEqual([]);
    expect(communesActedFor(['59350'])).toEqual(['59350']);
  });

  it('refuses queries to anonymous callers with FORBIDDEN, saying how to authenticate', () => {
    expect(() => requireStockAccess(offersAccess(ANONYMOUS))).toThrow(/partner token/);
    expect(() => requireIndicatorAccess(offersAccess(ANONYMOUS))).toThrow(/partner token/);
    expect(() => requireStockAccess(offersAccess(viewer('ANALYST', ['200093201'])))).not.toThrow();
    expect(() => requireIndicatorAccess(offersAccess(viewer('ANALYST', ['200093201'])))).not.toThrow();
  });
});
