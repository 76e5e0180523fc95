import { actingTerritories, officialGeography } from '.';

describe('official geography', () => {
  it('places Lille in the MEL and département 59', () => {
    expect(officialGeography.enclosing('59350')).toEqual(['59350', '200093201', '59']);
    expect(officialGeography.find('59350')).toMatchObject({ name: 'Lille', level: 'COMMUNE', parent: '200093201' });
    expect(officialGeography.find('200093201')).toMatchObject({ level: 'EPCI', parent: '59' });
    expect(officialGeography.find('59')).toMatchObject({ name: 'Nord', level: 'DEPARTEMENT' });
  });

  it("gives a commune's EPCI, and none for another kind of territory or an unknown code", () => {
    expect(officialGeography.epciOf('59350')).toBe('200093201');
    expect(officialGeography.epciOf('200093201')).toBeNull();
    expect(officialGeography.epciOf('75056')).toBeNull();
  });

  it('knows at least a dozen MEL communes, each with a 5-character INSEE code', () => {
    const communes = officialGeography.communes();
    expect(communes.length).toBeGreaterThanOrEqual(12);
    for (const commune of communes) {
      expect(commune.code).toMatch(/^59\d{3}$/);
      expect(officialGeography.enclosing(commune.code)).toEqual([commune.code, '200093201', '59']);
    }
  });

  it('has QPVs whose communes are all known', () => {
    const qpvs = officialGeography.all().filter((territory) => territory.level === 'QPV');
    expect(qpvs.length).toBeGreaterThan(10);
    for (const qpv of qpvs) {
      expect(qpv.code).toMatch(/^QN059\d{2}[A-Z]$/);
      for (const commune of qpv.communes) expect(officialGeography.find(commune)?.level).toBe('COMMUNE');
    }
    expect(officialGeography.qpvsOf('59512').length).toBeGreaterThan(0);
  });

  it('knows nothing of codes outside its data', () => {
    expect(officialGeography.find('75056')).toBeUndefined();
    expect(officialGeography.enclosing('75056')).toEqual([]);
    expect(officialGeography.coverage('75056')).toBeUndefined();
  });

  it('covers a commune by itself, an EPCI or a département by its communes, a QPV by its own code', () => {
    expect(officialGeography.coverage('59350')).toEqual({ communes: ['59350'], qpv: null });
    expect(officialGeography.coverage('200093201')?.communes).toHaveLength(18);
    expect(officialGeography.coverage('59')?.communes).toHaveLength(18);
    expect(officialGeography.coverage('QN05965M')).toEqual({ communes: [], qpv: 'QN05965M' });
    // A copy: callers cannot alter the geography through it.
    officialGeography.coverage('59350')!.communes.push('59999');
    expect(officialGeography.find('59350')?.communes).toEqual(['59350']);
  });

  it('lets partners act for communes, EPCIs and départements, never for a QPV', () => {
    const qpv = officialGeography.qpvsOf('59350')[0]!.code;
    expect(actingTerritories(['59350', '200093201', '59', qpv, 'QN07501M', '62'])).toEqual([
      '59350',
      '200093201',
      '59',
      '62',
    ]);
  });
});
