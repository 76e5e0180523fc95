import type { CalendarDate } from '@passerelle/shared/dates';
import type { DataSource } from 'typeorm';
import { MeasureEntity } from '../measure/measure.entity';
import { accessCondition } from '../measure/measure.repository';
import type { MeasureAccess } from '../policy';
import type { SchemeCode } from '../scheme/scheme.enums';
import type { MeasureAlertKind } from './watch.enums';

const RUNNING = `('ACTIVE', 'RENEWED', 'SUSPENDED')`;

/** One alert row: its kind, day and measure. */
export interface AlertRow {
  kind: MeasureAlertKind;
  dueOn: CalendarDate;
  measureId: string;
}

/** Counts behind an operator's capacity. */
export interface CapacityRow {
  id: string;
  annualCapacity: number;
  activeMeasures: number;
  startedThisYear: number;
}

/**
 * SQL for the waiting list, the alerts and capacities. Every nominative read carries the
 * viewer's `MeasureAccess` as a condition of the same statement; each condition is backed by a
 * partial index of migration 1764300000002.
 */
export class WatchRepository {
  constructor(private readonly db: DataSource) {}

  /** Up to `limit` prescribed measures not started, oldest prescription first, after `after`. */
  waitingList(input: {
    access: MeasureAccess;
    scheme?: SchemeCode;
    territory?: string;
    after?: readonly [string, string];
    limit: number;
  }): Promise<MeasureEntity[]> {
    const [condition, params] = accessCondition('m', input.access);
    const query = this.db
      .getRepository(MeasureEntity)
      .createQueryBuilder('m')
      .where(`m.status IN ('PRESCRIBED', 'DIAGNOSTIC')`)
      .andWhere(condition, params)
      .orderBy('m.prescribedOn', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(input.limit);
    if (input.scheme) query.andWhere('m.schemeCode = :scheme', { scheme: input.scheme });
    if (input.territory) {
      query.andWhere('m.territory_codes @> ARRAY[:territory]::text[]', { territory: input.territory });
    }
    if (input.after) {
      query.andWhere('(m.prescribedOn, m.id) > (:afterDate::date, :afterId::uuid)', {
        afterDate: input.after[0],
        afterId: input.after[1],
      });
    }
    return query.getMany();
  }

  /** Up to `limit` alerts after `after`, by (dueOn, kind, measure id), in one statement. */
  async alerts(input: {
    access: MeasureAccess;
    kinds: readonly MeasureAlertKind[];
    territory?: string;
    today: CalendarDate;
    soon: CalendarDate;
    yearAgo: CalendarDate;
    diagnosticWaitDays: number;
    after?: readonly [string, string, string];
    limit: number;
  }): Promise<AlertRow[]> {
    const [condition, accessParams] = accessCondition('m', input.access);
    const params: Record<string, unknown> = {
      ...accessParams,
      soon: input.soon,
      yearAgo: input.yearAgo,
      today: input.today,
      wait: input.diagnosticWaitDays,
      territory: input.territory ?? null,
    };
    const scope = `${condition}${input.territory ? ' AND m.territory_codes @> ARRAY[:territory]::text[]' : ''}`;
    const parts: string[] = [];
    if (input.kinds.includes('ENDING_SOON' as MeasureAlertKind)) {
      parts.push(`SELECT 'ENDING_SOON' AS kind, m.planned_end_on AS due_on, m.id FROM measure m
        WHERE m.status IN ${RUNNING} AND m.planned_end_on <= :soon::date AND ${scope}`);
    }
    if (input.kinds.includes('OVER_12_MONTHS' as MeasureAlertKind)) {
      parts.push(`SELECT 'OVER_12_MONTHS', (m.started_on + interval '12 months')::date, m.id FROM measure m
        WHERE m.status IN ${RUNNING} AND m.started_on < :yearAgo::date AND ${scope}`);
    }
    if (input.kinds.includes('DIAGNOSTIC_WAITING' as MeasureAlertKind)) {
      parts.push(`SELECT 'DIAGNOSTIC_WAITING', m.prescribed_on + :wait::int, m.id FROM measure m
        WHERE m.status = 'PRESCRIBED' AND m.prescribed_on < :today::date - :wait::int AND ${scope}`);
    }
    if (parts.length === 0) return [];
    let after = '';
    if (input.after) {
      after = 'WHERE (a.due_on, a.kind, a.id) > (:afterDate::date, :afterKind::text, :afterId::uuid)';
      Object.assign(params, { afterDate: input.after[0], afterKind: input.after[1], afterId: input.after[2] });
    }
    const sql = `SELECT a.kind, to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.id AS "measureId"
      FROM (${parts.join(' UNION ALL ')}) a ${after}
      ORDER BY a.due_on, a.kind, a.id LIMIT :limit`;
    const [query, values] = this.db.driver.escapeQueryWithParameters(sql, { ...params, limit: input.limit });
    return (await this.db.query(query, values)) as AlertRow[];
  }

  /** Capacity counts of the operators among `ids`, on `today`, in one statement. */
  async capacities(ids: readonly string[], today: CalendarDate, yearStart: CalendarDate): Promise<CapacityRow[]> {
    return (await this.db.query(
      `SELECT o.id, o.annual_capacity AS "annualCapacity",
         (SELECT count(*) FROM measure m WHERE m.operator_id = o.id AND m.status IN ${RUNNING})::int AS "activeMeasures",
         (SELECT count(*) FROM measure m WHERE m.operator_id = o.id AND m.started_on BETWEEN $2 AND $3)::int AS "startedThisYear"
       FROM operator o WHERE o.id = ANY($1::uuid[])`,
      [ids, yearStart, today],
    )) as CapacityRow[];
  }
}
