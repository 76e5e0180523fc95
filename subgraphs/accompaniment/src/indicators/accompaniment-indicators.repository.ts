import type { DataSource } from 'typeorm';
import type { SchemeCode } from '../scheme/scheme.enums';

/** What to compute: the measures lying in territory `code`, counted on day `asOf`. */
export interface IndicatorRequest {
  code: string;
  asOf: string;
}

/** Raw figures of one request: totals, and active measures by scheme. */
export interface IndicatorFigures {
  activeMeasures: number;
  activeByScheme: { scheme: SchemeCode; count: number }[];
  startedThisYear: number;
  closedThisYear: number;
  averageClosedDurationMonths: number | null;
}

interface FigureRow {
  k: number;
  scheme_code: SchemeCode | null;
  total_row: number;
  active: number;
  started: number;
  closed: number;
  average_months: number | null;
}

/** SQL for the territory indicators: aggregates only, computed in PostgreSQL. */
export class IndicatorRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The figures of every request in one statement, whatever their number: each request is a
   * row of an unnested array, joined to the measures lying in its territory (`territory_codes`
   * holds commune, EPCI, département and QPV, GIN-indexed), and grouped both by request and
   * scheme and by request alone (GROUPING SETS).
   */
  async figures(requests: readonly IndicatorRequest[]): Promise<IndicatorFigures[]> {
    const rows: FigureRow[] = await this.db.query(
      `WITH scope AS (
         SELECT k, code, as_of, date_trunc('year', as_of)::date AS year_start
         FROM unnest($1::int[], $2::text[], $3::date[]) AS s(k, code, as_of)
       )
       SELECT s.k, m.scheme_code, GROUPING(m.scheme_code) AS total_row,
         count(*) FILTER (WHERE m.started_on <= s.as_of AND (m.closed_on IS NULL OR m.closed_on > s.as_of))::int AS active,
         count(*) FILTER (WHERE m.started_on BETWEEN s.year_start AND s.as_of)::int AS started,
         count(*) FILTER (WHERE m.closed_on BETWEEN s.year_start AND s.as_of)::int AS closed,
         round(avg((m.closed_on - m.started_on) / 30.4375)
           FILTER (WHERE m.closed_on BETWEEN s.year_start AND s.as_of AND m.started_on IS NOT NULL), 1)::float8
           AS average_months
       FROM scope s
       JOIN measure m ON m.territory_codes @> ARRAY[s.code]
       GROUP BY GROUPING SETS ((s.k, m.scheme_code), (s.k))`,
      [requests.map((_, k) => k), requests.map((request) => request.code), requests.map((request) => request.asOf)],
    );
    const figures: IndicatorFigures[] = requests.map(() => ({
      activeMeasures: 0,
      activeByScheme: [],
      startedThisYear: 0,
      closedThisYear: 0,
      averageClosedDurationMonths: null,
    }));
    for (const row of rows) {
      const target = figures[row.k]!;
      if (row.total_row === 1) {
        Object.assign(target, {
          activeMeasures: row.active,
          startedThisYear: row.started,
          closedThisYear: row.closed,
          averageClosedDurationMonths: row.average_months,
        });
      } else if (row.active > 0) {
        target.activeByScheme.push({ scheme: row.scheme_code!, count: row.active });
      }
    }
    for (const target of figures) {
      target.activeByScheme.sort((a, b) => b.count - a.count || a.scheme.localeCompare(b.scheme));
    }
    return figures;
  }
}
