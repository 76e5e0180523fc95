import { ANONYMOUS, type PartnerKind, type Viewer } from '@passerelle/shared/identity';
import { communesActedFor, offersAccess, requireIndicatorAccess, requireStockAccess } from './policy';

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
 * Written by hand from DOMAIN.md §1 and the issue, not derived from the policy code:
 * [kind, territories, reads the stock, communes whose household links it reads, reads indicators].
 */
const EXPECTED: [PartnerKind, string[], boolean, string[], boolean][] = [
  ['STATE', ['59'], true, MEL, true],
  ['EPCI', ['200093201'], true, MEL, true],
  ['LANDLORD', ['200093201'], true, MEL, true],
  ['RESERVATION_HOLDER', ['59350'], true, ['59350'], true],
  ['RESERVATION_HOLDER', ['59512', '59599'], true, ['59512', '59599'], true],
  ['ASSOCIATION', ['59'], true, [], true],
  ['ANALYST', ['200093201'], true, [], true],
  ['AUDITOR', ['200093201'], true, [], true],
];

describe('who reads what in the offers subgraph', () => {
  it.each(EXPECTED)('%s acting for %j', (kind, territories, stock, communes, indicators) => {
    const access = offersAccess(viewer(kind, territories));
    expect(access.readsStock).toBe(stock);
    expect([...access.householdLinkCommunes].sort()).toEqual(communes);
    expect(access.readsIndicators).toBe(indicators);
  });

  it('gives anonymous callers nothing, and an allowed twin with a token', () => {
    expect(offersAccess(ANONYMOUS)).toEqual({ readsStock: false, readsIndicators: false, householdLinkCommunes: [] });
    expect(offersAccess(viewer('STATE', ['59'])).readsStock).toBe(true);
  });

  it.each(['ASSOCIATION', 'ANALYST', 'AUDITOR'] as const)(
    'hides household links from %s on the very territory where the State reads them',
    (kind) => {
      expect(offersAccess(viewer(kind, ['59350'])).householdLinkCommunes).toEqual([]);
      expect(offersAccess(viewer('STATE', ['59350'])).householdLinkCommunes).toEqual(['59350']);
    },
  );

  it('gives a commune reservation holder its commune only, and the EPCI every commune', () => {
    expect(offersAccess(viewer('RESERVATION_HOLDER', ['59512'])).householdLinkCommunes).not.toContain('59350');
    expect(offersAccess(viewer('EPCI', ['200093201'])).householdLinkCommunes).toContain('59350');
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
