import type { Coverage } from '@passerelle/shared/geography';
import type { DataSource } from 'typeorm';

/** One territory and period to count for; `key` ties the counts back to it. */
export interface IndicatorRequest {
  key: number;
  from: string;
  to: string;
  /** Codes of the territory and of those within it: bodies acting there count. */
  bodyTerritories: readonly string[];
  /** Communes (or the QPV) whose dwellings' decisions count. */
  coverage: Coverage;
}

/** A count of one group (a body kind, a decision type) for one request. */
export interface GroupCount {
  key: number;
  group: string;
  count: number;
}

/**
 * The indicator counts, computed by PostgreSQL (GROUP BY), for any number of territories and
 * periods in one statement each: the requests travel as arrays and are unnested into rows.
 */
export class GovernanceIndicatorsRepository {
  constructor(private readonly db: DataSource) {}

  /** Meetings held within each request's period by bodies acting on its territories, by body kind. */
  async meetingsHeldByBodyKind(requests: readonly IndicatorRequest[]): Promise<GroupCount[]> {
    const scope = requests.flatMap((request) => request.bodyTerritories.map((code) => [request.key, code] as const));
    const rows: GroupCount[] = await this.db.query(
      `WITH period AS (SELECT * FROM unnest($1::int[], $2::date[], $3::date[]) AS p(key, from_date, to_date)),
            scope AS (SELECT * FROM unnest($4::int[], $5::text[]) AS s(key, territory_code))
       SELECT p.key, b.kind AS "group", count(*)::int AS count
       FROM period p
       JOIN scope s ON s.key = p.key
       JOIN body b ON b.territory_code = s.territory_code
       JOIN meeting m ON m.body_id = b.id AND m.status = 'HELD' AND m.date BETWEEN p.from_date AND p.to_date
       GROUP BY p.key, b.kind`,
      [
        requests.map((request) => request.key),
        requests.map((request) => request.from),
        requests.map((request) => request.to),
        scope.map(([key]) => key),
        scope.map(([, code]) => code),
      ],
    );
    return rows;
  }

  /** CAL decisions taken within each request's period about dwellings it covers, by type. */
  async decisionsByType(requests: readonly IndicatorRequest[]): Promise<GroupCount[]> {
    // One scope row per commune, or one for the QPV: a decision matches at most one row per request.
    const scope = requests.flatMap(({ key, coverage }) => [
      ...coverage.communes.map((commune) => [key, commune, null] as const),
      ...(coverage.qpv ? [[key, null, coverage.qpv] as const] : []),
    ]);
    const rows: GroupCount[] = await this.db.query(
      `WITH period AS (SELECT * FROM unnest($1::int[], $2::date[], $3::date[]) AS p(key, from_date, to_date)),
            scope AS (SELECT * FROM unnest($4::int[], $5::text[], $6::text[]) AS s(key, commune, qpv))
       SELECT p.key, d.type AS "group", count(*)::int AS count
       FROM period p
       JOIN scope s ON s.key = p.key
       JOIN cal_decision d ON (d.commune = s.commune OR d.qpv = s.qpv)
                          AND d.decided_on BETWEEN p.from_date AND p.to_date
       GROUP BY p.key, d.type`,
      [
        requests.map((request) => request.key),
        requests.map((request) => request.from),
        requests.map((request) => request.to),
        scope.map(([key]) => key),
        scope.map(([, commune]) => commune),
        scope.map(([, , qpv]) => qpv),
      ],
    );
    return rows;
  }
}
