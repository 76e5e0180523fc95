import { overlappingTerritories, territoryCodesOf } from './territory-scope';

describe('territory scope', () => {
  it('places a household in its commune, EPCI, département and QPV', () => {
    expect(territoryCodesOf('59350', null)).toEqual(['59350', '200093201', '59']);
    expect(territoryCodesOf('59512', 'QN05969M')).toEqual(['59512', '200093201', '59', 'QN05969M']);
  });

  it('finds the territories overlapping a commune, an EPCI, a département and a QPV', () => {
    expect(overlappingTerritories('59350')!.sort()).toEqual(['200093201', '59', '59350']);
    const epci = overlappingTerritories('200093201')!;
    expect(epci).toEqual(expect.arrayContaining(['200093201', '59', '59350', '59512', '59599']));
    expect(overlappingTerritories('59')).toEqual(expect.arrayContaining(['59', '200093201', '59350']));
    const qpv = overlappingTerritories('QN05967M')!; // Attargette - Chanzy, in Armentières
    expect(qpv.sort()).toEqual(['200093201', '59', '59017', 'QN05967M']);
    const spanning = overlappingTerritories('QN05969M')!; // across Hem, Lys-lez-Lannoy and Roubaix
    expect(spanning.sort()).toEqual(['200093201', '59', '59299', '59367', '59512', 'QN05969M']);
  });

  it('knows nothing of a code outside the official geography', () => {
    expect(overlappingTerritories('75056')).toBeUndefined();
  });
});
