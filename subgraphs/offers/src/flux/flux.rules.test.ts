import { VacancyOrigin, WITHDRAWN_ORIGINS } from './flux.enums';
import { agreementShareProblem, annualFlux, fluxBalance, fluxObjective, type AnnualFlux } from './flux.rules';

const { RELET, FIRST_LETTING, INTERNAL_TRANSFER, URBAN_RENEWAL_REHOUSING, OTHER_LEGAL_REHOUSING } = VacancyOrigin;

describe('the annual flux (CCH R441-5, décret 2020-145)', () => {
  it('withdraws internal transfers, urban-renewal and other legal rehousing', () => {
    expect([...WITHDRAWN_ORIGINS].sort()).toEqual(
      [INTERNAL_TRANSFER, OTHER_LEGAL_REHOUSING, URBAN_RENEWAL_REHOUSING].sort(),
    );
  });

  /** Written by hand: counts by origin (one origin per vacancy) → freed, first lettings, withdrawn, flux. */
  const FLUX: [string, Partial<Record<VacancyOrigin, number>>, AnnualFlux][] = [
    [
      'all origins',
      {
        [RELET]: 120,
        [FIRST_LETTING]: 30,
        [INTERNAL_TRANSFER]: 12,
        [URBAN_RENEWAL_REHOUSING]: 8,
        [OTHER_LEGAL_REHOUSING]: 3,
      },
      { freed: 143, firstLettings: 30, withdrawn: 23, flux: 150 },
    ],
    ['nothing counted', {}, { freed: 0, firstLettings: 0, withdrawn: 0, flux: 0 }],
    ['relets only', { [RELET]: 10 }, { freed: 10, firstLettings: 0, withdrawn: 0, flux: 10 }],
    ['first lettings only', { [FIRST_LETTING]: 40 }, { freed: 0, firstLettings: 40, withdrawn: 0, flux: 40 }],
    [
      'more withdrawn than relets: the freed count them, the flux does not',
      { [RELET]: 5, [FIRST_LETTING]: 1, [URBAN_RENEWAL_REHOUSING]: 9 },
      { freed: 14, firstLettings: 1, withdrawn: 9, flux: 6 },
    ],
    ['only withdrawn dwellings → 0', { [INTERNAL_TRANSFER]: 4 }, { freed: 4, firstLettings: 0, withdrawn: 4, flux: 0 }],
  ];
  it.each(FLUX)('%s', (_, counts, expected) => {
    expect(annualFlux(counts)).toEqual(expected);
  });

  it.each([
    ['a negative count', { [RELET]: -1 }],
    ['a fractional count', { [INTERNAL_TRANSFER]: 1.5 }],
    ['a NaN count', { [FIRST_LETTING]: NaN }],
  ])('refuses %s with a RangeError', (_, counts) => {
    expect(() => annualFlux(counts)).toThrow(RangeError);
  });
});

describe("a reservation holder's objective and balance", () => {
  /** Written by hand: flux × share, rounded half up to a whole dwelling. */
  const OBJECTIVES: [number, number, number][] = [
    [10, 2500, 3], // 2.5 → 3
    [7, 3000, 2], // 2.1 → 2
    [0, 3000, 0],
    [127, 3000, 38], // 38.1
    [127, 2500, 32], // 31.75
    [3, 5000, 2], // 1.5 → 2
    [1, 4999, 0], // 0.4999
    [100, 10000, 100],
    [100, 1, 0], // 0.01
  ];
  it.each(OBJECTIVES)('flux %p × %p bp → %p', (flux, share, expected) => {
    expect(fluxObjective(flux, share)).toBe(expected);
  });

  it.each([
    [-1, 2500],
    [1.5, 2500],
    [10, 0],
    [10, 10001],
    [10, 25.5],
  ])('refuses flux %p with share %p bp with a RangeError', (flux, share) => {
    expect(() => fluxObjective(flux, share)).toThrow(RangeError);
  });

  const BALANCES: [number, number, { balance: number; rate: number | null }][] = [
    [38, 30, { balance: -8, rate: 0.7895 }], // 0.789473…
    [3, 3, { balance: 0, rate: 1 }],
    [3, 4, { balance: 1, rate: 1.3333 }],
    [3, 2, { balance: -1, rate: 0.6667 }],
    [0, 0, { balance: 0, rate: null }],
    [0, 2, { balance: 2, rate: null }],
    [5, 0, { balance: -5, rate: 0 }],
  ];
  it.each(BALANCES)('objective %p, achieved %p → %p', (objective, achieved, expected) => {
    expect(fluxBalance(objective, achieved)).toEqual({ objective, achieved, ...expected });
  });

  it.each([
    [-1, 0],
    [0, -1],
    [2.5, 1],
  ])('refuses objective %p, achieved %p with a RangeError', (objective, achieved) => {
    expect(() => fluxBalance(objective, achieved)).toThrow(RangeError);
  });
});

describe('the shares of flux agreements', () => {
  type Kind = Parameters<typeof agreementShareProblem>[0]['holderKind'];
  /** Written by hand: the new agreement, the others → null (accepted) or the refusal's sentence. */
  const SHARES: [string, Kind, number, number[], string | null][] = [
    ['the State at 30 %', 'STATE', 3000, [2000, 5000], null],
    [
      'the State at 30.01 %',
      'STATE',
      3001,
      [],
      "The State's (préfet's) share would be 30.01 % of the flux (0.01 % over): at most 30 % (CCH R441-5: 25 % for priority households + 5 % for State agents).",
    ],
    ['another holder above 30 %', 'ACTION_LOGEMENT', 4500, [3000], null],
    ['a sum of exactly 100 %', 'COMMUNE', 1000, [3000, 4000, 2000], null],
    [
      'a sum of 100.01 %',
      'EPCI',
      1001,
      [3000, 4000, 2000],
      "The shares of this landlord's agreements on 59 for 2026 would sum to 100.01 % (0.01 % over): at most 100 %.",
    ],
    [
      'a sum of 105 %',
      'LANDLORD',
      2500,
      [3000, 5000],
      "The shares of this landlord's agreements on 59 for 2026 would sum to 105 % (5 % over): at most 100 %.",
    ],
    ['a first agreement at 100 %', 'LANDLORD', 10000, [], null],
    ['the smallest share', 'COMMUNE', 1, [9999], null],
    [
      'a share of 0',
      'COMMUNE',
      0,
      [],
      'The share is 0 basis points: a share is a whole number of basis points (1 % = 100) from 1 (0.01 %) to 10000 (100 %).',
    ],
    [
      'a share above 100 %',
      'COMMUNE',
      10001,
      [],
      'The share is 10001 basis points: a share is a whole number of basis points (1 % = 100) from 1 (0.01 %) to 10000 (100 %).',
    ],
    [
      'a fractional share',
      'EPCI',
      2500.5,
      [],
      'The share is 2500.5 basis points: a share is a whole number of basis points (1 % = 100) from 1 (0.01 %) to 10000 (100 %).',
    ],
  ];
  it.each(SHARES)('%s', (_, holderKind, shareBasisPoints, otherSharesBasisPoints, expected) => {
    expect(
      agreementShareProblem({ holderKind, shareBasisPoints, otherSharesBasisPoints, territory: '59', year: 2026 }),
    ).toBe(expected);
  });

  it('words the sum without territory and year when they are not given', () => {
    expect(agreementShareProblem({ holderKind: 'EPCI', shareBasisPoints: 6000, otherSharesBasisPoints: [5000] })).toBe(
      "The shares of this landlord's agreements would sum to 110 % (10 % over): at most 100 %.",
    );
  });

  it.each([[[0]], [[10001]], [[-5]], [[12.5]]])('refuses stored shares %p with a RangeError', (others) => {
    expect(() =>
      agreementShareProblem({ holderKind: 'EPCI', shareBasisPoints: 100, otherSharesBasisPoints: others }),
    ).toThrow(RangeError);
  });
});
