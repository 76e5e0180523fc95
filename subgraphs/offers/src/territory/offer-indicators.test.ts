import { toOfferIndicators } from './offer-indicators';
import { territoryScope } from './territory-scope';

describe('offer indicators', () => {
  it('lists every status in lifecycle order, zeros included, and counts the open ones', () => {
    const indicators = toOfferIndicators('2026-06-30', {
      byStatus: { ORIENTED: 2, OFFER_NOTIFIED: 1, LEASE_SIGNED: 5, RETURNED: 1 },
      attributions: 4,
      attributionsOutsideQpv: 3,
    });
    expect(indicators.vacanciesByStatus).toEqual([
      { status: 'VACATED', count: 0 },
      { status: 'ORIENTED', count: 2 },
      { status: 'CANDIDATES_DESIGNATED', count: 0 },
      { status: 'EXAMINED_IN_CAL', count: 0 },
      { status: 'OFFER_NOTIFIED', count: 1 },
      { status: 'LEASE_SIGNED', count: 5 },
      { status: 'RETURNED', count: 1 },
    ]);
    expect(indicators.vacanciesOpen).toBe(3);
    expect(indicators.shareOutsideQpv).toBe(0.75);
  });

  it('has no outside-QPV share without attributions (not 0, which would read as a failure)', () => {
    const indicators = toOfferIndicators('2026-01-01', { byStatus: {}, attributions: 0, attributionsOutsideQpv: 0 });
    expect(indicators.shareOutsideQpv).toBeNull();
    expect(indicators.vacanciesOpen).toBe(0);
  });
});

describe('the dwellings a territory covers', () => {
  it('a commune: itself; the EPCI and the département: their eighteen communes; a QPV: its own code', () => {
    expect(territoryScope('59350')).toEqual({ communes: ['59350'], qpv: null });
    expect(territoryScope('200093201')?.communes).toHaveLength(18);
    expect(territoryScope('59')?.communes).toHaveLength(18);
    expect(territoryScope('QN05965M')).toEqual({ communes: [], qpv: 'QN05965M' });
  });

  it('knows no other code', () => {
    expect(territoryScope('75056')).toBeNull();
    expect(territoryScope('')).toBeNull();
  });
});
