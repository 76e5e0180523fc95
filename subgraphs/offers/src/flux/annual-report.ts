import { registerEnumType } from 'type-graphql';

/**
 * The annual report (bilan annuel) of flux management: before 28 February of year N+1, each landlord
 * sends every reservation holder the dwellings proposed (oriented) to it and attributed in year N,
 * by typology, financing, QPV or not, commune and construction period (CCH R441-5, décret 2020-145
 * art. 1). These pure functions classify and format it; the counts come from the repository.
 */

/** When a building was completed, in the periods of the annual report. */
export enum ConstructionPeriod {
  BEFORE_1949 = 'BEFORE_1949',
  FROM_1949_TO_1974 = 'FROM_1949_TO_1974',
  FROM_1975_TO_1989 = 'FROM_1975_TO_1989',
  FROM_1990_TO_2004 = 'FROM_1990_TO_2004',
  FROM_2005_TO_2014 = 'FROM_2005_TO_2014',
  SINCE_2015 = 'SINCE_2015',
}
registerEnumType(ConstructionPeriod, {
  name: 'ConstructionPeriod',
  description:
    "The period in which a dwelling's building was completed, as the annual flux report (bilan, CCH R441-5, décret 2020-145) breaks down the dwellings oriented and attributed.",
  valuesConfig: {
    BEFORE_1949: { description: 'Built before 1949 (up to 1948).' },
    FROM_1949_TO_1974: { description: 'Built from 1949 to 1974: post-war reconstruction and large estates.' },
    FROM_1975_TO_1989: { description: 'Built from 1975 to 1989, after the first thermal regulation (1974).' },
    FROM_1990_TO_2004: { description: 'Built from 1990 to 2004.' },
    FROM_2005_TO_2014: { description: 'Built from 2005 to 2014.' },
    SINCE_2015: { description: 'Built in 2015 or later.' },
  },
});

/** The first year of each period but the first, latest first: the first start at or before a year gives its period. */
export const PERIOD_STARTS: readonly (readonly [number, ConstructionPeriod])[] = [
  [2015, ConstructionPeriod.SINCE_2015],
  [2005, ConstructionPeriod.FROM_2005_TO_2014],
  [1990, ConstructionPeriod.FROM_1990_TO_2004],
  [1975, ConstructionPeriod.FROM_1975_TO_1989],
  [1949, ConstructionPeriod.FROM_1949_TO_1974],
];

/**
 * The construction period of a building completed in `year` (both bounds of each period included:
 * 1949 and 1974 are FROM_1949_TO_1974).
 *
 * @throws RangeError when `year` is not a whole number.
 */
export function constructionPeriod(year: number): ConstructionPeriod {
  if (!Number.isInteger(year)) throw new RangeError(`A construction year is a whole number; got ${year}.`);
  return PERIOD_STARTS.find(([start]) => year >= start)?.[1] ?? ConstructionPeriod.BEFORE_1949;
}

/**
 * The calendar date (YYYY-MM-DD) by which the annual report on `year` is due: 28 February of the next
 * year (CCH R441-5, décret 2020-145 art. 1). 2026 → "2027-02-28".
 *
 * @throws RangeError when `year` is not a whole number from 1900 to 2998.
 */
export function annualReportDueBy(year: number): string {
  if (!Number.isInteger(year) || year < 1900 || year > 2998) {
    throw new RangeError(`A report year is a whole number from 1900 to 2998; got ${year}.`);
  }
  return `${year + 1}-02-28`;
}

/** One line of the annual report: dwellings oriented to and attributed by one reservation holder, for one breakdown. */
export interface AnnualReportRow {
  /** The reservation holder's name. */
  reservationHolder: string;
  reservationHolderSlug: string;
  /** Dwelling size, T1 to T6 (T6: six main rooms or more). */
  typology: string;
  /** PLAI, PLUS, PLS or PLI. */
  financing: string;
  inQpv: boolean;
  /** INSEE code of the commune. */
  commune: string;
  communeName: string | null;
  constructionPeriod: ConstructionPeriod;
  /** Dwellings the landlord proposed (oriented) to the holder in the year. */
  dwellingsOriented: number;
  /** Leases signed with the holder's candidates in the year. */
  attributions: number;
}

/** The header line of {@link annualReportCsv}, in column order. */
const HEADER = [
  'reservation_holder',
  'reservation_holder_slug',
  'typology',
  'financing',
  'in_qpv',
  'commune',
  'commune_name',
  'construction_period',
  'dwellings_oriented',
  'attributions',
];

const CRLF = '\r\n';

/** First characters a spreadsheet may read as a formula or a control (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters that make RFC 4180 quote a field. */
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell: neutralised against formula injection, then quoted as RFC 4180 says. */
function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function countCell(name: string, value: number): string {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} is a count, a whole number 0 or more; got ${value}.`);
  }
  return String(value);
}

/**
 * The annual report as CSV (RFC 4180): comma separator, every line ended by CRLF, a header line first,
 * fields holding a comma, a quote, CR or LF quoted with inner quotes doubled, booleans as `true`/`false`,
 * a missing commune name as an empty field. Against spreadsheet formula injection, a text cell starting
 * with `=`, `+`, `-`, `@`, tab or CR is prefixed with a single quote `'`. (No CSV library is installed
 * in the repository, and the format needs no more than this.)
 *
 * @throws RangeError when a count is not a whole number 0 or more.
 */
export function annualReportCsv(rows: readonly AnnualReportRow[]): string {
  const lines = rows.map((row) =>
    [
      textCell(row.reservationHolder),
      textCell(row.reservationHolderSlug),
      textCell(row.typology),
      textCell(row.financing),
      row.inQpv ? 'true' : 'false',
      textCell(row.commune),
      textCell(row.communeName ?? ''),
      textCell(row.constructionPeriod),
      countCell('dwellings_oriented', row.dwellingsOriented),
      countCell('attributions', row.attributions),
    ].join(','),
  );
  return [HEADER.join(','), ...lines].map((line) => line + CRLF).join('');
}
