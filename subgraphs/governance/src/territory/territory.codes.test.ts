import { actingFor, coverageOf, levelOfCode, territoriesWithin } from './territory.codes';

const MEL = '200093201';

describe('territory code shapes', () => {
  it.each([
    ['59350', 'COMMUNE'],
    ['2A004', 'COMMUNE'],
    [MEL, 'EPCI'],
    ['59', 'DEPARTEMENT'],
    ['2B', 'DEPARTEMENT'],
    ['974', 'DEPARTEMENT'],
    ['QN05971M', 'QPV'],
    ['QP059001', 'QPV'],
  ])('%s is a %s code', (code, level) => expect(levelOfCode(code)).toBe(level));

  it.each(['', 'Lille', '5935', '593500', '20009320', '977', 'QN0597', "59' OR '1'='1"])('"%s" is no code', (code) =>
    expect(levelOfCode(code)).toBeNull(),
  );
});

describe('what a territory covers (for CAL decisions)', () => {
  it('a commune covers itself, an EPCI and a département their communes, a QPV its own code', () => {
    expect(coverageOf('59350')).toEqual({ communes: ['59350'], qpv: null });
    expect(coverageOf(MEL).communes).toHaveLength(18);
    expect(coverageOf('59').communes).toHaveLength(18);
    expect(coverageOf('QN05971M')).toEqual({ communes: [], qpv: 'QN05971M' });
    expect(coverageOf('59999')).toEqual({ communes: [], qpv: null });
  });
});

describe('territories lying within a territory (for bodies)', () => {
  it('a département holds its EPCI, communes and QPVs', () => {
    const within = territoriesWithin('59');
    expect(within).toEqual(expect.arrayContaining(['59', MEL, '59350', '59512', 'QN05971M', 'QN05980M']));
    expect(within).toHaveLength(1 + 1 + 18 + 23);
  });

  it('a commune holds the QPVs wholly inside it, not those it shares', () => {
    expect(territoriesWithin('59350').sort()).toEqual(['59350', 'QN05971M', 'QN05973M', 'QN05974M']);
  });

  it('a QPV holds itself; an unknown code only itself', () => {
    expect(territoriesWithin('QN05972M')).toEqual(['QN05972M']);
    expect(territoriesWithin('59999')).toEqual(['59999']);
  });
});

describe('who acts for a territory', () => {
  it('the commune, its EPCI and its département', () => {
    expect(actingFor('59350')).toEqual(['59350', MEL, '59']);
    expect(actingFor(MEL)).toEqual([MEL, '59']);
    expect(actingFor('59')).toEqual(['59']);
  });

  it('for a QPV, also those acting for any of its communes', () => {
    expect(actingFor('QN05969M').sort()).toEqual(['200093201', '59', '59299', '59367', '59512', 'QN05969M']);
  });
});
