import { decisionTerritoryCodes } from './cal-decision.territories';

describe('the territories acting for a CAL decision', () => {
  it('are the commune, its EPCI and its département', () => {
    expect(decisionTerritoryCodes('59512', null)).toEqual(['59512', '200093201', '59']);
  });

  it('include the QPV when the dwelling lies in one', () => {
    expect(decisionTerritoryCodes('59350', 'QN05971M')).toEqual(['59350', '200093201', '59', 'QN05971M']);
  });

  it('keep at least the commune when it is missing from the geography', () => {
    expect(decisionTerritoryCodes('62041', null)).toEqual(['62041']);
  });
});
