import type { DataSource } from 'typeorm';
import type { SchemeCode } from '../scheme/scheme.enums';
import type { ActivityCounts } from './accompaniment-activity.compute';

/** Whose measures: those lying in a territory (by code) or those of an operator (by id). */
export type ActivityScopeKind = 'territory' | 'operator';

/** What to compute: the measures of one scope, over `from`..`to` (both included). */
export interface ActivityRequest {
  kind: ActivityScopeKind;
  /** Territory code or operator id. */
  id: string;
  from: string;
  to: string;
}

/** Raw figures of one request: totals, by scheme, and (for a territory) by operator. */
export interface ActivityCountsOfScope {
  total: ActivityCounts & { waitingList: number; rehoused: number };
  byScheme: Map<SchemeCode, ActivityCounts>;
  byOperator: { operatorId: string; name: string; counts: ActivityCounts }[];
}

interface ActivityRow extends ActivityCounts {
  k: number;
  scheme_code: SchemeCode | null;
  operator_id: string | null;
  operator_name: string | null;
  no_scheme: number;
  no_operator: number;
  waiting: number;
  rehoused: number;
}

// Every figure of the period, over the measures `m` of the scope `s` (`s.from_on`..`s.to_on`).
const CLOSED_IN_PERIOD = `m.closed_on BETWEEN s.from_on AND s.to_on`;
const FIGURES = `
  count(*) FILTER (WHERE m.started_on BETWEEN s.from_on AND s.to_on)::int AS started,
  count(*) FILTER (WHERE ${CLOSED_IN_PERIOD})::int AS closed,
  count(*) FILTER (WHERE m.started_on <= s.to_on AND (m.closed_on IS NULL OR m.closed_on > s.to_on))::int AS "activeAtEnd",
  count(*) FILTER (WHERE ${CLOSED_IN_PERIOD} AND m.started_on IS NOT NULL)::int AS "closedStarted",
  coalesce(sum(m.closed_on - m.started_on) FILTER (WHERE ${CLOSED_IN_PERIOD} AND m.started_on IS NOT NULL), 0)::int AS "closedDays",
  count(*) FILTER (WHERE ${CLOSED_IN_PERIOD} AND m.closure_motive = 'REHOUSED')::int AS rehoused,
  count(*) FILTER (WHERE m.prescribed_on <= s.to_on
    AND (m.started_on IS NULL OR m.started_on > s.to_on)
    AND (m.cancelled_on IS NULL OR m.cancelled_on > s.to_on)
    AND (m.closed_on IS NULL OR m.closed_on > s.to_on))::int AS waiting`;

const emptyCounts = (): ActivityCounts => ({ started: 0, closed: 0, activeAtEnd: 0, closedStarted: 0, closedDays: 0 });
const countsOf = (row: ActivityRow): ActivityCounts => ({
  started: row.started,
  closed: row.closed,
  activeAtEnd: row.activeAtEnd,
  closedStarted: row.closedStarted,
  closedDays: row.closedDays,
});

/** SQL for the accompaniment activity over a period: aggregates only, computed in PostgreSQL. */
export class ActivityRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The counts of every request, in one statement per kind of scope whatever their number: each
   * request is a row of an unnested array joined to its measures (`territory_codes`, GIN-indexed,
   * or `operator_id`), grouped by request and scheme, by request and operator (territories), and
   * by request alone (GROUPING SETS). Answers in request order.
   */
  async counts(requests: readonly ActivityRequest[]): Promise<ActivityCountsOfScope[]> {
    const results: ActivityCountsOfScope[] = requests.map(() => ({
      total: { ...emptyCounts(), waitingList: 0, rehoused: 0 },
      byScheme: new Map(),
      byOperator: [],
    }));
    for (const kind of ['territory', 'operator'] as const) {
      const positions = requests.flatMap((request, k) => (request.kind === kind ? [k] : []));
      if (positions.length === 0) continue;
      const rows: ActivityRow[] = await this.db.query(
        `WITH s AS (
           SELECT * FROM unnest($1::int[], $2::text[], $3::date[], $4::date[]) AS s(k, scope, from_on, to_on)
         )
         SELECT s.k, m.scheme_code, GROUPING(m.scheme_code) AS no_scheme, ${
           kind === 'territory'
             ? 'm.operator_id, o.name AS operator_name, GROUPING(m.operator_id) AS no_operator'
             : '1 AS no_operator'
         }, ${FIGURES}
         FROM s
         JOIN measure m ON ${kind === 'territory' ? 'm.territory_codes @> ARRAY[s.scope]' : 'm.operator_id = s.scope::uuid'}
         ${kind === 'territory' ? 'JOIN operator o ON o.id = m.operator_id' : ''}
         GROUP BY GROUPING SETS ((s.k, m.scheme_code), ${kind === 'territory' ? '(s.k, m.operator_id, o.name), ' : ''}(s.k))`,
        [
          positions,
          positions.map((k) => requests[k]!.id),
          positions.map((k) => requests[k]!.from),
          positions.map((k) => requests[k]!.to),
        ],
      );
      for (const row of rows) {
        const target = results[row.k]!;
        if (row.no_scheme === 0) target.byScheme.set(row.scheme_code!, countsOf(row));
        else if (row.no_operator === 0) {
          target.byOperator.push({ operatorId: row.operator_id!, name: row.operator_name!, counts: countsOf(row) });
        } else target.total = { ...countsOf(row), waitingList: row.waiting, rehoused: row.rehoused };
      }
    }
    return results;
  }
}
