import {
  annualReportCsv,
  annualReportDueBy,
  ConstructionPeriod,
  constructionPeriod,
  type AnnualReportRow,
} from './annual-report';

const HEADER =
  'reservation_holder,reservation_holder_slug,typology,financing,in_qpv,commune,commune_name,construction_period,dwellings_oriented,attributions';

const ROW: AnnualReportRow = {
  reservationHolder: 'Action Logement Services',
  reservationHolderSlug: 'action-logement',
  typology: 'T3',
  financing: 'PLUS',
  inQpv: false,
  commune: '59350',
  communeName: 'Lille',
  constructionPeriod: ConstructionPeriod.FROM_1975_TO_1989,
  dwellingsOriented: 12,
  attributions: 9,
};

describe('construction periods of the annual report', () => {
  const { BEFORE_1949, FROM_1949_TO_1974, FROM_1975_TO_1989, FROM_1990_TO_2004, FROM_2005_TO_2014, SINCE_2015 } =
    ConstructionPeriod;
  /** Written by hand: both bounds of each period. */
  const PERIODS: [number, ConstructionPeriod][] = [
    [1850, BEFORE_1949],
    [1948, BEFORE_1949],
    [1949, FROM_1949_TO_1974],
    [1974, FROM_1949_TO_1974],
    [1975, FROM_1975_TO_1989],
    [1989, FROM_1975_TO_1989],
    [1990, FROM_1990_TO_2004],
    [2004, FROM_1990_TO_2004],
    [2005, FROM_2005_TO_2014],
    [2014, FROM_2005_TO_2014],
    [2015, SINCE_2015],
    [2026, SINCE_2015],
  ];
  it.each(PERIODS)('%p → %s', (year, period) => {
    expect(constructionPeriod(year)).toBe(period);
  });

  it.each([NaN, 1974.5])('refuses year %p with a RangeError', (year) => {
    expect(() => constructionPeriod(year)).toThrow(RangeError);
  });
});

describe('the annual report due date (before 28 February of N+1)', () => {
  it.each([
    [2026, '2027-02-28'],
    [2027, '2028-02-28'], // 2028 is a leap year: still the 28th
    [1999, '2000-02-28'],
  ])('report on %p → due by %s', (year, due) => {
    expect(annualReportDueBy(year)).toBe(due);
  });

  it.each([NaN, 2026.5, 1899, 2999])('refuses year %p with a RangeError', (year) => {
    expect(() => annualReportDueBy(year)).toThrow(RangeError);
  });
});

describe('the annual report as CSV (RFC 4180)', () => {
  it('is the header line only when there are no rows', () => {
    expect(annualReportCsv([])).toBe(`${HEADER}\r\n`);
  });

  it('ends every line with CRLF, booleans as true/false', () => {
    expect(annualReportCsv([ROW, { ...ROW, inQpv: true, communeName: null, attributions: 0 }])).toBe(
      `${HEADER}\r\n` +
        'Action Logement Services,action-logement,T3,PLUS,false,59350,Lille,FROM_1975_TO_1989,12,9\r\n' +
        'Action Logement Services,action-logement,T3,PLUS,true,59350,,FROM_1975_TO_1989,12,0\r\n',
    );
  });

  /** Written by hand: a reservation holder's name → its cell. */
  const CELLS: [string, string, string][] = [
    ['a plain name', 'Ville de Lille', 'Ville de Lille'],
    ['a comma and a quote', 'Commune de "Roubaix", service logement', '"Commune de ""Roubaix"", service logement"'],
    ['a line feed', 'Ligne 1\nLigne 2', '"Ligne 1\nLigne 2"'],
    ['a formula', '=HYPERLINK("http://x.test","clic")', `"'=HYPERLINK(""http://x.test"",""clic"")"`],
    ['a plus sign', '+33 3 20 00 00 00', "'+33 3 20 00 00 00"],
    ['a minus sign', '-2+3', "'-2+3"],
    ['an at sign', '@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['a tab first', '\tcmd', "'\tcmd"],
    ['a CR first', '\rcmd', `"'\rcmd"`],
    ['a formula sign later in the text', 'Lille = Métropole', 'Lille = Métropole'],
    ['an apostrophe', "Office d'HLM", "Office d'HLM"],
    ['an empty name', '', ''],
  ];
  it.each(CELLS)('writes %s', (_, reservationHolder, cell) => {
    const [, line] = annualReportCsv([{ ...ROW, reservationHolder }]).split(`${HEADER}\r\n`);
    expect(line).toBe(`${cell},action-logement,T3,PLUS,false,59350,Lille,FROM_1975_TO_1989,12,9\r\n`);
  });

  it('neutralises and quotes every text column, not only the name', () => {
    const csv = annualReportCsv([
      { ...ROW, reservationHolderSlug: '-slug', commune: '=1+1', communeName: 'Lille, Centre' },
    ]);
    expect(csv).toBe(
      `${HEADER}\r\nAction Logement Services,'-slug,T3,PLUS,false,'=1+1,"Lille, Centre",FROM_1975_TO_1989,12,9\r\n`,
    );
  });

  it.each([
    ['a negative count', { dwellingsOriented: -1 }],
    ['a fractional count', { attributions: 1.5 }],
  ])('refuses %s with a RangeError', (_, change) => {
    expect(() => annualReportCsv([{ ...ROW, ...change }])).toThrow(RangeError);
  });
});
