import type { DataSource } from 'typeorm';

export interface TerritoryScope {
  /** The territory code asked for. */
  code: string;
  /** Codes a demand's `territory_codes` must contain one of (a QPV stands for the communes it lies in). */
  matches: string[];
}

export interface DemandIndicatorRow {
  code: string;
  pending: number;
  newThisMonth: number;
  newThisYear: number;
  medianFilingDate: string | null;
  pastDal: number;
  pendingWithDal: number;
}

/** Indicator SQL: one statement for any number of territories (aggregates, never rows). */
export class TerritoryIndicatorRepository {
  constructor(private readonly db: DataSource) {}

  async demandIndicators(
    scopes: TerritoryScope[],
    asOf: string,
    monthStart: string,
    yearStart: string,
  ): Promise<DemandIndicatorRow[]> {
    return this.db.query(
      `SELECT s.code,
              count(d.id) FILTER (WHERE d.status = 'ACTIVE')::int AS "pending",
              count(d.id) FILTER (WHERE d.filing_date BETWEEN $3::date AND $2::date)::int AS "newThisMonth",
              count(d.id) FILTER (WHERE d.filing_date BETWEEN $4::date AND $2::date)::int AS "newThisYear",
              to_char(percentile_disc(0.5) WITHIN GROUP (ORDER BY d.filing_date DESC) FILTER (WHERE d.status = 'ACTIVE'), 'YYYY-MM-DD') AS "medianFilingDate",
              count(d.id) FILTER (WHERE d.status = 'ACTIVE' AND d.filing_date + make_interval(months => dal.months) <= $2::date)::int AS "pastDal",
              count(dal.months) FILTER (WHERE d.status = 'ACTIVE')::int AS "pendingWithDal"
         FROM jsonb_to_recordset($1::jsonb) AS s(code text, matches text[])
         LEFT JOIN demand d ON d.territory_codes && s.matches AND d.filing_date <= $2::date
         LEFT JOIN LATERAL (
           SELECT t.months FROM dal_threshold t
            WHERE t.departement = d.departement AND t.valid_from <= $2::date
              AND (t.typology IS NULL OR t.typology = (SELECT min(x) FROM unnest(d.wished_typologies) x))
            ORDER BY t.typology IS NULL, t.valid_from DESC LIMIT 1
         ) dal ON true
        GROUP BY s.code`,
      [JSON.stringify(scopes), asOf, monthStart, yearStart],
    );
  }
}
