import { ANONYMOUS, type PartnerKind, type Viewer } from '@passerelle/shared/identity';
import { measureAccess, requireIndicatorAccess, requireMeasureAccess } from './policy';

const viewer = (kind: PartnerKind, partner = 'some-partner', territories = ['200093201']): Viewer => ({
  sub: 's',
  partner,
  kind,
  territories,
  scopes: [],
  authenticated: true,
});

/**
 * Written by hand from the brief and DOMAIN.md §1 (not derived from the policy code): what each
 * viewer reads of the measures. Every denial has its allowed twin in the same table.
 */
const MEASURES: [string, Viewer, ReturnType<typeof measureAccess>][] = [
  ['STATE, on its territories', viewer('STATE', 'prefecture-nord', ['59']), { territories: ['59'] }],
  ['EPCI, on its territories', viewer('EPCI', 'mel'), { territories: ['200093201'] }],
  ['ASSOCIATION, what it operates', viewer('ASSOCIATION', 'siao-nord', ['59']), { operatorSlug: 'siao-nord' }],
  ['LANDLORD: no', viewer('LANDLORD', 'vilogia'), null],
  ['RESERVATION_HOLDER: no', viewer('RESERVATION_HOLDER', 'ville-de-lille', ['59350']), null],
  ['ANALYST: no (indicators only)', viewer('ANALYST', 'observatoire-mel'), null],
  ['AUDITOR: no', viewer('AUDITOR', 'dpo-mel'), null],
  ['anonymous: no', ANONYMOUS, null],
  ['STATE without any territory: no', viewer('STATE', 'prefecture-nord', []), null],
  ['EPCI acting for a QPV only: no (a district is not a legal perimeter)', viewer('EPCI', 'mel', ['QN05971M']), null],
  [
    'EPCI with a QPV and its EPCI: the EPCI only',
    viewer('EPCI', 'mel', ['QN05971M', '200093201']),
    { territories: ['200093201'] },
  ],
];

describe('who reads accompaniment measures', () => {
  it.each(MEASURES)('%s', (_, who, expected) => {
    expect(measureAccess(who)).toEqual(expected);
  });

  it('refuses with FORBIDDEN, saying why', () => {
    expect(() => requireMeasureAccess(viewer('LANDLORD'))).toThrow(/LANDLORD do not read accompaniment measures/);
    expect(() => requireMeasureAccess(ANONYMOUS)).toThrow(/partner token/);
    expect(requireMeasureAccess(viewer('EPCI'))).toEqual({ territories: ['200093201'] });
  });
});

describe('who reads territory indicators', () => {
  const READS: [string, Viewer, boolean][] = [
    ['STATE', viewer('STATE'), true],
    ['EPCI', viewer('EPCI'), true],
    ['LANDLORD', viewer('LANDLORD'), true],
    ['RESERVATION_HOLDER', viewer('RESERVATION_HOLDER'), true],
    ['ASSOCIATION', viewer('ASSOCIATION'), true],
    ['ANALYST', viewer('ANALYST'), true],
    ['AUDITOR', viewer('AUDITOR'), true],
    ['anonymous', ANONYMOUS, false],
  ];
  it.each(READS)('%s: %s', (_, who, allowed) => {
    if (allowed) expect(() => requireIndicatorAccess(who)).not.toThrow();
    else expect(() => requireIndicatorAccess(who)).toThrow(/partner token/);
  });
});
