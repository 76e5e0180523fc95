import type { CalendarDate } from '@passerelle/shared/dates';
import type { DataSource } from 'typeorm';
import { FirstQuartileThresholdEntity } from './first-quartile-threshold.entity';

/**
 * One scope and period to count attributions for. A territory scope has `communes` (a commune, an
 * EPCI or a département) or `qpv`; a landlord or holder scope has its id, optionally narrowed to a
 * territory the same way.
 */
export interface ObligationRequest {
  key: string;
  communes: readonly string[] | null;
  qpv: string | null;
  landlordId: string | null;
  holderId: string | null;
  from: CalendarDate;
  to: CalendarDate;
}

/** What the obligations are computed from, for one scope or one reservation holder within it. */
export interface ObligationCounts {
  attributions: number;
  unclassified: number;
  outsideQpv: number;
  outsideQpvFirstQuartile: number;
  inQpv: number;
  inQpvAboveFirstQuartile: number;
  priority: number;
  dalo: number;
}

export interface ScopeObligationCounts extends ObligationCounts {
  /** By reservation holder charged, by holder name. */
  byHolder: (ObligationCounts & { holderId: string })[];
}

export const NO_ATTRIBUTION: ObligationCounts = Object.freeze({
  attributions: 0,
  unclassified: 0,
  outsideQpv: 0,
  outsideQpvFirstQuartile: 0,
  inQpv: 0,
  inQpvAboveFirstQuartile: 0,
  priority: 0,
  dalo: 0,
});

type CountRow = ObligationCounts & { key: string; holder_id: string | null; total_row: boolean };

/** SQL of the legal shares: counts for any number of scopes and periods in one statement, reference thresholds. */
export class ObligationRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The counts for every request in ONE statement: the requests travel as a JSON parameter; each
   * kind of scope reaches the attributions through its own index (commune, landlord, holder, or a
   * QPV's dwellings), and GROUPING SETS give the scope's totals and its per-holder lines together.
   */
  async countsFor(requests: readonly ObligationRequest[]): Promise<Map<string, ScopeObligationCounts>> {
    const scopes = requests.map((request) => ({
      key: request.key,
      communes: request.communes,
      qpv: request.qpv,
      landlord_id: request.landlordId,
      holder_id: request.holderId,
      from_date: request.from,
      to_date: request.to,
    }));
    const columns = `s.key, a.reservation_holder_id, a.in_qpv, a.first_quartile, a.urban_renewal_rehousing, a.priority`;
    const inPeriod = `a.lease_signed_on BETWEEN s.from_date AND s.to_date`;
    const inQpv = `EXISTS (SELECT 1 FROM vacancy v JOIN dwelling d ON d.id = v.dwelling_id WHERE v.id = a.vacancy_id AND d.qpv = s.qpv)`;
    const narrowed = `(s.communes IS NULL OR a.commune = ANY(s.communes)) AND (s.qpv IS NULL OR ${inQpv})`;
    const rows: CountRow[] = await this.db.query(
      `WITH scope AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS s(key text, communes text[], qpv text, landlord_id uuid,
           holder_id uuid, from_date date, to_date date)
       ),
       matched AS (
         -- a commune, an EPCI, a département: its communes (attribution_of_commune)
         SELECT ${columns} FROM scope s JOIN attribution a ON a.commune = ANY(s.communes) AND ${inPeriod}
         WHERE s.landlord_id IS NULL AND s.holder_id IS NULL
         UNION ALL
         -- a QPV: the leases of its dwellings (the snapshot records in or out of a QPV, not which one)
         SELECT ${columns} FROM scope s
         JOIN dwelling d ON d.qpv = s.qpv
         JOIN vacancy v ON v.dwelling_id = d.id
         JOIN attribution a ON a.vacancy_id = v.id AND ${inPeriod}
         WHERE s.landlord_id IS NULL AND s.holder_id IS NULL
         UNION ALL
         -- a landlord (attribution_of_landlord), optionally on a territory
         SELECT ${columns} FROM scope s JOIN attribution a ON a.landlord_id = s.landlord_id AND ${inPeriod}
         WHERE ${narrowed}
         UNION ALL
         -- a reservation holder (attribution_of_holder), optionally on a territory
         SELECT ${columns} FROM scope s JOIN attribution a ON a.reservation_holder_id = s.holder_id AND ${inPeriod}
         WHERE ${narrowed}
       ),
       grouped AS (
         SELECT m.key, m.reservation_holder_id AS holder_id, GROUPING(m.reservation_holder_id) = 1 AS total_row,
           count(*)::int AS attributions,
           (count(*) FILTER (WHERE m.first_quartile IS NULL))::int AS unclassified,
           (count(*) FILTER (WHERE NOT m.in_qpv))::int AS "outsideQpv",
           (count(*) FILTER (WHERE NOT m.in_qpv AND (m.first_quartile IS TRUE OR m.urban_renewal_rehousing)))::int
             AS "outsideQpvFirstQuartile",
           (count(*) FILTER (WHERE m.in_qpv))::int AS "inQpv",
           (count(*) FILTER (WHERE m.in_qpv AND m.first_quartile IS FALSE))::int AS "inQpvAboveFirstQuartile",
           (count(*) FILTER (WHERE m.priority IN ('DALO', 'PRIORITY')))::int AS priority,
           (count(*) FILTER (WHERE m.priority = 'DALO'))::int AS dalo
         FROM matched m
         GROUP BY GROUPING SETS ((m.key), (m.key, m.reservation_holder_id))
       )
       SELECT g.* FROM grouped g
       LEFT JOIN reservation_holder rh ON rh.id = g.holder_id
       ORDER BY g.key, g.total_row DESC, rh.name COLLATE "C", rh.id`,
      [JSON.stringify(scopes)],
    );
    const counts = new Map<string, ScopeObligationCounts>();
    for (const { key, holder_id, total_row, ...row } of rows) {
      if (total_row) counts.set(key, { ...row, byHolder: [] });
      else counts.get(key)!.byHolder.push({ ...row, holderId: holder_id! });
    }
    return counts;
  }

  /** The first-quartile thresholds of an EPCI, newest year first. */
  thresholdsOf(epci: string): Promise<FirstQuartileThresholdEntity[]> {
    return this.db.getRepository(FirstQuartileThresholdEntity).find({ where: { epci }, order: { year: 'DESC' } });
  }
}
