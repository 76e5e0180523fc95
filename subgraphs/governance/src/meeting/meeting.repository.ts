import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { BodyKind } from '../body/body.enums';
import { MeetingEntity } from './meeting.entity';
import type { MeetingStatus } from './meeting.enums';

/** Conditions of a meeting list, already validated. */
export interface MeetingCriteria {
  bodyId?: string;
  bodyKind?: BodyKind;
  status?: MeetingStatus;
  from?: string;
  to?: string;
}

/** A position in the list, newest first: the last (date, id) seen. */
export type MeetingListPosition = readonly [date: string, id: string];

/** SQL for meetings. */
export class MeetingRepository {
  constructor(private readonly db: DataSource) {}

  /** The meetings among `ids`; one statement for any number of ids. */
  findByIds(ids: readonly string[]): Promise<MeetingEntity[]> {
    return this.query().where('m.id = ANY(:ids::uuid[])', { ids }).getMany();
  }

  /** Up to `limit` meetings after `after`, newest first. */
  page(criteria: MeetingCriteria, after: MeetingListPosition | undefined, limit: number): Promise<MeetingEntity[]> {
    const query = this.filtered(criteria).orderBy('m.date', 'DESC').addOrderBy('m.id', 'DESC').limit(limit);
    if (after) {
      query.andWhere('(m.date, m.id) < (:afterDate::date, :afterId::uuid)', { afterDate: after[0], afterId: after[1] });
    }
    return query.getMany();
  }

  count(criteria: MeetingCriteria): Promise<number> {
    return this.filtered(criteria).getCount();
  }

  private query(): SelectQueryBuilder<MeetingEntity> {
    return this.db.getRepository(MeetingEntity).createQueryBuilder('m');
  }

  private filtered(criteria: MeetingCriteria): SelectQueryBuilder<MeetingEntity> {
    const query = this.query().where('TRUE');
    if (criteria.bodyId) query.andWhere('m.bodyId = :bodyId', { bodyId: criteria.bodyId });
    if (criteria.bodyKind) {
      query.andWhere('m.bodyId IN (SELECT b.id FROM body b WHERE b.kind = :bodyKind)', { bodyKind: criteria.bodyKind });
    }
    if (criteria.status) query.andWhere('m.status = :status', { status: criteria.status });
    if (criteria.from) query.andWhere('m.date >= :from', { from: criteria.from });
    if (criteria.to) query.andWhere('m.date <= :to', { to: criteria.to });
    return query;
  }
}
