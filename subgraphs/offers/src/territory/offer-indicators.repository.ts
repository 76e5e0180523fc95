import type { CalendarDate } from '@passerelle/shared/dates';
import type { DataSource } from 'typeorm';
import type { OfferIndicatorCounts } from './offer-indicators';
import type { TerritoryScope } from './territory-scope';

/** One territory and reference day to count for. */
export interface IndicatorRequest {
  key: string;
  scope: TerritoryScope;
  asOf: CalendarDate;
  yearStart: CalendarDate;
}

/**
 * The indicator counts, in SQL, for any number of territories and reference days in ONE
 * statement: the requests travel as a JSON parameter and become the `scope` rows every count is
 * grouped by.
 */
export class OfferIndicatorRepository {
  constructor(private readonly db: DataSource) {}

  async countsFor(requests: readonly IndicatorRequest[]): Promise<Map<string, OfferIndicatorCounts>> {
    const scopes = requests.map((request) => ({
      key: request.key,
      communes: request.scope.communes,
      qpv: request.scope.qpv,
      year_start: request.yearStart,
      as_of: request.asOf,
    }));
    const rows: { key: string; by_status: Record<string, number>; attributions: number; outside_qpv: number }[] =
      await this.db.query(
        `WITH scope AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS s(key text, communes text[], qpv text, year_start date, as_of date)
         ),
         covered AS (
           SELECT s.key, s.year_start, s.as_of, d.qpv, v.id AS vacancy_id, v.lease_signed_on
           FROM scope s
           JOIN dwelling d ON d.commune = ANY(s.communes) OR d.qpv = s.qpv
           JOIN vacancy v ON v.dwelling_id = d.id
         ),
         -- The status of each vacancy on the reference day: its latest transition by then
         -- (vacancies not yet vacated that day have none and are not counted).
         status_counts AS (
           SELECT c.key, that_day.status, count(*)::int AS n
           FROM covered c
           CROSS JOIN LATERAL (
             SELECT t.status FROM vacancy_transition t
             WHERE t.vacancy_id = c.vacancy_id AND t.occurred_on <= c.as_of
             ORDER BY t.position DESC LIMIT 1
           ) that_day
           GROUP BY c.key, that_day.status
         ),
         attributions AS (
           SELECT c.key, count(*)::int AS total, (count(*) FILTER (WHERE c.qpv IS NULL))::int AS outside_qpv
           FROM covered c
           WHERE c.lease_signed_on BETWEEN c.year_start AND c.as_of
           GROUP BY c.key
         )
         SELECT s.key,
           COALESCE((SELECT jsonb_object_agg(sc.status, sc.n) FROM status_counts sc WHERE sc.key = s.key), '{}'::jsonb)
             AS by_status,
           COALESCE(a.total, 0) AS attributions,
           COALESCE(a.outside_qpv, 0) AS outside_qpv
         FROM scope s LEFT JOIN attributions a ON a.key = s.key`,
        [JSON.stringify(scopes)],
      );
    return new Map(
      rows.map((row) => [
        row.key,
        { byStatus: row.by_status, attributions: row.attributions, attributionsOutsideQpv: row.outside_qpv },
      ]),
    );
  }
}
