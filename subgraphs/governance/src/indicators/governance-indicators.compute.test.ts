import { assembleIndicators } from './governance-indicators.compute';

describe('assembling indicators', () => {
  it('lists every body kind and every decision type, zero included, and totals the meetings', () => {
    const indicators = assembleIndicators(
      { from: '2026-01-01', to: '2026-06-30' },
      new Map([
        ['CAL', 12],
        ['CIL', 1],
      ]),
      new Map([['NON_ATTRIBUTION', 4]]),
    );
    expect(indicators.meetingsHeldThisYear).toBe(13);
    expect(indicators.meetingsByBodyKind).toEqual([
      { kind: 'CIL', count: 1 },
      { kind: 'COORDINATION', count: 0 },
      { kind: 'CAL', count: 12 },
      { kind: 'CTT', count: 0 },
      { kind: 'CRIB', count: 0 },
      { kind: 'URBAN_RENEWAL_GROUP', count: 0 },
      { kind: 'SETTLEMENT_MONITORING_GROUP', count: 0 },
      { kind: 'DALO_COMMISSION', count: 0 },
      { kind: 'CCAPEX', count: 0 },
      { kind: 'SIAO_COMMISSION', count: 0 },
    ]);
    expect(indicators.decisionsByType).toEqual([
      { type: 'ATTRIBUTION', count: 0 },
      { type: 'ATTRIBUTION_RANKED', count: 0 },
      { type: 'ATTRIBUTION_CONDITIONAL', count: 0 },
      { type: 'NON_ATTRIBUTION', count: 4 },
      { type: 'INELIGIBLE', count: 0 },
    ]);
    expect(indicators).toMatchObject({ periodStart: '2026-01-01', asOf: '2026-06-30' });
  });
});
