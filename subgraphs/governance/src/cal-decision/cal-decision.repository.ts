import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Scope } from '../policy';
import { CalDecisionEntity } from './cal-decision.entity';
import type { CalDecisionType } from '@passerelle/shared/housing';

/** Conditions of a decision list, already validated. */
export interface CalDecisionCriteria {
  meetingId?: string;
  type?: CalDecisionType;
  commune?: string;
  decidedFrom?: string;
  decidedTo?: string;
}

/** A position in the list, newest first: the last (decidedOn, id) seen. */
export type CalDecisionListPosition = readonly [decidedOn: string, id: string];

/** What a contributed list hangs on: the column holding the parent's id. */
export type CalDecisionParent = 'demand' | 'vacancy' | 'meeting';
const PARENT_COLUMN: Record<CalDecisionParent, string> = {
  demand: 'demand_id',
  vacancy: 'vacancy_id',
  meeting: 'meeting_id',
};

const COLUMNS = `id, meeting_id, demand_id, vacancy_id, type, rank, motive, motive_code, condition_document,
  to_char(condition_deadline, 'YYYY-MM-DD') AS condition_deadline, to_char(decided_on, 'YYYY-MM-DD') AS decided_on,
  commune, qpv, territory_codes`;

/**
 * SQL for CAL decisions. Every read takes the caller's scope: nothing here reads unfiltered, so
 * a decision outside the caller's territories and a missing one take the same path.
 */
export class CalDecisionRepository {
  constructor(private readonly db: DataSource) {}

  /** The decisions among `ids` within `scope`; one statement for any number of ids. */
  findVisible(ids: readonly string[], scope: Scope): Promise<CalDecisionEntity[]> {
    return this.visible(scope).andWhere('d.id = ANY(:ids::uuid[])', { ids }).getMany();
  }

  /** Up to `limit` decisions after `after`, newest first. */
  page(
    criteria: CalDecisionCriteria,
    scope: Scope,
    after: CalDecisionListPosition | undefined,
    limit: number,
  ): Promise<CalDecisionEntity[]> {
    const query = this.filtered(criteria, scope).orderBy('d.decidedOn', 'DESC').addOrderBy('d.id', 'DESC').limit(limit);
    if (after) {
      query.andWhere('(d.decidedOn, d.id) < (:afterDate::date, :afterId::uuid)', {
        afterDate: after[0],
        afterId: after[1],
      });
    }
    return query.getMany();
  }

  count(criteria: CalDecisionCriteria, scope: Scope): Promise<number> {
    return this.filtered(criteria, scope).getCount();
  }

  /**
   * The `limit` newest decisions within `scope` of each parent (demand, vacancy or meeting) in
   * `parentIds`, in one statement whatever the number of parents.
   */
  async newestOf(
    parent: CalDecisionParent,
    parentIds: readonly string[],
    limit: number,
    scope: Scope,
  ): Promise<CalDecisionEntity[]> {
    const column = PARENT_COLUMN[parent];
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${COLUMNS} FROM (
         SELECT d.*, row_number() OVER (PARTITION BY d.${column} ORDER BY d.decided_on DESC, d.id DESC) AS position
         FROM cal_decision d
         WHERE d.${column} = ANY($1::uuid[]) AND ($3::text[] IS NULL OR d.territory_codes && $3::text[])
       ) ranked
       WHERE position <= $2
       ORDER BY ${column}, decided_on DESC, id DESC`,
      [parentIds, limit, scope === 'ALL' ? null : scope.territories],
    );
    return rows.map(fromRow);
  }

  private visible(scope: Scope): SelectQueryBuilder<CalDecisionEntity> {
    const query = this.db.getRepository(CalDecisionEntity).createQueryBuilder('d').where('TRUE');
    if (scope !== 'ALL') query.andWhere('d.territoryCodes && :territories::text[]', { territories: scope.territories });
    return query;
  }

  private filtered(criteria: CalDecisionCriteria, scope: Scope): SelectQueryBuilder<CalDecisionEntity> {
    const query = this.visible(scope);
    if (criteria.meetingId) query.andWhere('d.meetingId = :meetingId', { meetingId: criteria.meetingId });
    if (criteria.type) query.andWhere('d.type = :type', { type: criteria.type });
    if (criteria.commune) query.andWhere('d.commune = :commune', { commune: criteria.commune });
    if (criteria.decidedFrom) query.andWhere('d.decidedOn >= :decidedFrom', { decidedFrom: criteria.decidedFrom });
    if (criteria.decidedTo) query.andWhere('d.decidedOn <= :decidedTo', { decidedTo: criteria.decidedTo });
    return query;
  }
}

function fromRow(row: Record<string, unknown>): CalDecisionEntity {
  return Object.assign(new CalDecisionEntity(), {
    id: row.id,
    meetingId: row.meeting_id,
    demandId: row.demand_id,
    vacancyId: row.vacancy_id,
    type: row.type,
    rank: row.rank,
    motive: row.motive,
    motiveCode: row.motive_code,
    conditionDocument: row.condition_document,
    conditionDeadline: row.condition_deadline,
    decidedOn: row.decided_on,
    commune: row.commune,
    qpv: row.qpv,
    territoryCodes: row.territory_codes,
  });
}
