import type { PartnerKind } from '@passerelle/shared/identity';
import { ConsentPartnerKind as K, DiagnosticDimension as D } from './diagnostic.enums';
import {
  consentInForce,
  mayReadDiagnosticContent,
  validateDay,
  validateGrid,
  validateScope,
  type ConsentRecord,
  type GridLine,
} from './diagnostic.rules';

const DAY = '2026-06-30';
const given = (scope: K[], givenOn = '2026-03-01', withdrawnOn: string | null = null): ConsentRecord => ({
  givenOn,
  scope,
  withdrawnOn,
});

describe('consentInForce (withdrawal effective on its own day)', () => {
  it.each([
    ['given before, never withdrawn', given([K.STATE]), true],
    ['given today', given([K.STATE], DAY), true],
    ['given tomorrow', given([K.STATE], '2026-07-01'), false],
    ['withdrawn today', given([K.STATE], '2026-03-01', DAY), false],
    ['withdrawn yesterday', given([K.STATE], '2026-03-01', '2026-06-29'), false],
    ['withdrawal recorded for tomorrow', given([K.STATE], '2026-03-01', '2026-07-01'), true],
  ])('%s → %s', (_, consent, expected) => {
    expect(consentInForce(consent, DAY)).toBe(expected);
  });
});

describe('mayReadDiagnosticContent', () => {
  const viewer = (kind: PartnerKind, partner: string) => ({ kind, partner });
  // Hand-written access matrix: reader, consents of the household, expected.
  it.each([
    ['the authoring operator, no consent', viewer('ASSOCIATION', 'siao-nord'), [], true],
    [
      'the authoring operator, consent withdrawn',
      viewer('ASSOCIATION', 'siao-nord'),
      [given([K.LANDLORD], '2026-01-01', '2026-02-01')],
      true,
    ],
    ['another association, no consent', viewer('ASSOCIATION', 'soliha-metropole-nord'), [], false],
    [
      'another association, consent to associations',
      viewer('ASSOCIATION', 'soliha-metropole-nord'),
      [given([K.ASSOCIATION])],
      true,
    ],
    ['a landlord, no consent', viewer('LANDLORD', 'vilogia'), [], false],
    ['a landlord, consent to landlords', viewer('LANDLORD', 'vilogia'), [given([K.LANDLORD, K.STATE])], true],
    ['a landlord, consent to the State only', viewer('LANDLORD', 'vilogia'), [given([K.STATE])], false],
    [
      'a landlord, consent to landlords withdrawn today',
      viewer('LANDLORD', 'vilogia'),
      [given([K.LANDLORD], '2026-01-01', DAY)],
      false,
    ],
    [
      'a landlord, consent not yet given (tomorrow)',
      viewer('LANDLORD', 'vilogia'),
      [given([K.LANDLORD], '2026-07-01')],
      false,
    ],
    [
      'a landlord, one withdrawn and a newer one in force',
      viewer('LANDLORD', 'vilogia'),
      [given([K.LANDLORD], '2026-01-01', '2026-02-01'), given([K.LANDLORD], '2026-05-01')],
      true,
    ],
    ['the State, consent to the State', viewer('STATE', 'prefecture-nord'), [given([K.STATE])], true],
    ['the EPCI, consent to the State only', viewer('EPCI', 'mel'), [given([K.STATE])], false],
    [
      'a reservation holder, consent to it',
      viewer('RESERVATION_HOLDER', 'action-logement'),
      [given([K.RESERVATION_HOLDER])],
      true,
    ],
    ['an analyst, consent to everyone', viewer('ANALYST', 'data-team'), [given(Object.values(K))], false],
    ['an auditor, consent to everyone', viewer('AUDITOR', 'dpo'), [given(Object.values(K))], false],
    ['a landlord whose slug equals the author', viewer('LANDLORD', 'siao-nord'), [], false],
  ] as const)('%s → %s', (_, reader, consents, expected) => {
    expect(mayReadDiagnosticContent(reader, 'siao-nord', consents as readonly ConsentRecord[], DAY)).toBe(expected);
  });

  it('refuses anonymous callers', () => {
    expect(mayReadDiagnosticContent(null, 'siao-nord', [given(Object.values(K))], DAY)).toBe(false);
  });
});

describe('validateGrid', () => {
  const full = (): GridLine[] => Object.values(D).map((dimension) => ({ dimension, score: 2 }));
  const withLine = (n: number, change: Partial<GridLine>) =>
    full().map((line, i) => (i === n ? { ...line, ...change } : line));
  it.each([
    ['a complete grid', full(), null],
    [
      'scores 1 and 4 with comments',
      withLine(0, { score: 1, comment: 'Budget tenu' }).map((l, i) => (i === 5 ? { ...l, score: 4 } : l)),
      null,
    ],
    ['a score of 0', withLine(1, { score: 0 }), 'scores.1.score'],
    ['a score of 5', withLine(2, { score: 5 }), 'scores.2.score'],
    ['a score of 2.5', withLine(3, { score: 2.5 }), 'scores.3.score'],
    ['a blank comment', withLine(4, { comment: '  ' }), 'scores.4.comment'],
    ['a comment too long', withLine(4, { comment: 'x'.repeat(1001) }), 'scores.4.comment'],
    ['a dimension twice', withLine(5, { dimension: D.BUDGET }), 'scores.5.dimension'],
    ['a dimension missing', full().slice(1), 'scores'],
    ['an empty grid', [], 'scores'],
  ] as const)('%s → %s', (_, grid, field) => {
    expect(validateGrid(grid as GridLine[])?.field ?? null).toBe(field);
  });
});

describe('validateScope and validateDay', () => {
  it.each([
    [[K.LANDLORD], null],
    [[], 'scope'],
    [[K.STATE, K.STATE], 'scope'],
    [['ANALYST'], 'scope'],
  ] as const)('scope %j → %s', (scope, field) => {
    expect(validateScope(scope as readonly string[])?.field ?? null).toBe(field);
  });
  it.each([
    [DAY, undefined, null],
    ['2026-07-01', undefined, 'givenOn'],
    ['2026-02-30', undefined, 'givenOn'],
    ['2026-01-01', { day: '2026-02-01', what: 'the diagnostic' }, 'givenOn'],
    ['2026-02-01', { day: '2026-02-01', what: 'the diagnostic' }, null],
  ] as const)('day %s → %s', (day, notBefore, field) => {
    expect(validateDay('givenOn', day, DAY, notBefore)?.field ?? null).toBe(field);
  });
});
