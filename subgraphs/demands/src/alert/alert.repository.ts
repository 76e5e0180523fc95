import { addDays, type CalendarDate } from '@passerelle/shared/dates';
import type { DataSource } from 'typeorm';
import type { RegisterAccess } from '../policy';
import { ALERT_KINDS, DemandAlertKind } from './alert.enums';

/** A position in the alert list: the last (dueOn, kind, demand id) seen. */
export type AlertPosition = readonly [dueOn: CalendarDate, kind: DemandAlertKind, demandId: string];

export interface AlertRow {
  kind: DemandAlertKind;
  dueOn: CalendarDate;
  demandId: string;
}

export interface AlertQuery {
  kinds: readonly DemandAlertKind[];
  access: RegisterAccess;
  /** Territory codes one of which the demand must concern (the filter), or null for all of the caller's. */
  territoryMatches: readonly string[] | null;
  asOf: CalendarDate;
}

/**
 * Each alert reads one stored date of active demands through its own partial index, in due
 * order (see the migration): the union of the kinds' first rows is merged by due date, so a
 * page costs a few index range scans at any register size.
 */
const ALERT_COLUMNS: Record<DemandAlertKind, { column: string; due: (asOf: string) => string }> = {
  [DemandAlertKind.DALO_DEADLINE]: { column: 'dalo_offer_deadline', due: (asOf) => asOf },
  [DemandAlertKind.DAL_EXCEEDED]: { column: 'dal_date', due: (asOf) => asOf },
  [DemandAlertKind.NO_DESIGNATION]: { column: 'designation_alert_on', due: (asOf) => asOf },
  // Renewal: validity ending within 30 days, or already ended while radiation is pending.
  [DemandAlertKind.RENEWAL_DUE]: { column: 'valid_until', due: (asOf) => addDays(asOf, 30) },
};

export class AlertRepository {
  constructor(private readonly db: DataSource) {}

  /** Up to `limit` alerts after `after`, most urgent first. */
  async page(query: AlertQuery, after: AlertPosition | undefined, limit: number): Promise<AlertRow[]> {
    const params: unknown[] = [limit, ALERT_KINDS];
    const parts = query.kinds.map((kind) => {
      const { column, due } = ALERT_COLUMNS[kind];
      const conditions = this.conditions(query, kind, params);
      params.push(due(query.asOf));
      conditions.push(`d.${column} <= $${params.length}::date`);
      if (after) conditions.push(afterCondition(column, kind, after, params));
      return `(SELECT '${kind}'::text AS kind, d.${column} AS due_on, d.id FROM demand d
                WHERE ${conditions.join(' AND ')} ORDER BY d.${column}, d.id LIMIT $1)`;
    });
    const rows: { kind: DemandAlertKind; due_on: string; id: string }[] = await this.db.query(
      `SELECT kind, to_char(due_on, 'YYYY-MM-DD') AS due_on, id FROM (${parts.join(' UNION ALL ')}) alerts
        ORDER BY due_on, array_position($2::text[], kind), id LIMIT $1`,
      params,
    );
    return rows.map((row) => ({ kind: row.kind, dueOn: row.due_on, demandId: row.id }));
  }

  /** How many alerts match, over all pages. */
  async count(query: AlertQuery): Promise<number> {
    const params: unknown[] = [];
    const parts = query.kinds.map((kind) => {
      const { column, due } = ALERT_COLUMNS[kind];
      const conditions = this.conditions(query, kind, params);
      params.push(due(query.asOf));
      conditions.push(`d.${column} <= $${params.length}::date`);
      return `(SELECT count(*) AS n FROM demand d WHERE ${conditions.join(' AND ')})`;
    });
    const [{ total }] = (await this.db.query(
      `SELECT coalesce(sum(n), 0)::int AS total FROM (${parts.join(' UNION ALL ')}) counts`,
      params,
    )) as [{ total: number }];
    return total;
  }

  /** Active demands the caller may see, within the territory asked for. */
  private conditions(query: AlertQuery, kind: DemandAlertKind, params: unknown[]): string[] {
    const conditions = [`d.status = 'ACTIVE'`, `d.${ALERT_COLUMNS[kind].column} IS NOT NULL`];
    if ('territories' in query.access) {
      params.push(query.access.territories);
      conditions.push(`d.territory_codes && $${params.length}::text[]`);
    } else {
      params.push(query.access.assistingPartner);
      conditions.push(`d.assisting_partner = $${params.length}`);
    }
    if (query.territoryMatches) {
      params.push(query.territoryMatches);
      conditions.push(`d.territory_codes && $${params.length}::text[]`);
    }
    return conditions;
  }
}

/**
 * Rows of `kind` strictly after the position, in the order (dueOn, kind rank, id): with the kind
 * fixed inside one branch, this is a plain comparison on the branch's index columns.
 */
function afterCondition(column: string, kind: DemandAlertKind, after: AlertPosition, params: unknown[]): string {
  const [dueOn, afterKind, id] = after;
  const rank = ALERT_KINDS.indexOf(kind) - ALERT_KINDS.indexOf(afterKind);
  params.push(dueOn);
  const date = `$${params.length}::date`;
  if (rank > 0) return `d.${column} >= ${date}`;
  if (rank < 0) return `d.${column} > ${date}`;
  params.push(id);
  return `(d.${column}, d.id) > (${date}, $${params.length}::uuid)`;
}
