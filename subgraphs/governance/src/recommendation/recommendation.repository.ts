import type { CalendarDate } from '@passerelle/shared/dates';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { RecommendationEntity, RecommendationFollowUpEntity } from './recommendation.entity';
import type { RecommendationStatus } from './recommendation.enums';

/** Conditions of a recommendation list, already validated. */
export interface RecommendationCriteria {
  bodyId?: string;
  status?: RecommendationStatus;
  /** Only those still open and due before this day. */
  overdueOn?: CalendarDate;
}

/** A position in the list: the last (dueOn, id) seen. */
export type RecommendationPosition = readonly [dueOn: string, id: string];

/** SQL for recommendations and their follow-ups. */
export class RecommendationRepository {
  constructor(private readonly db: DataSource) {}

  findByIds(ids: readonly string[]): Promise<RecommendationEntity[]> {
    return this.query().where('r.id = ANY(:ids::uuid[])', { ids }).getMany();
  }

  page(criteria: RecommendationCriteria, after: RecommendationPosition | undefined, limit: number) {
    const query = this.filtered(criteria).orderBy('r.dueOn', 'ASC').addOrderBy('r.id', 'ASC').limit(limit);
    if (after) {
      query.andWhere('(r.dueOn, r.id) > (:afterDue::date, :afterId::uuid)', { afterDue: after[0], afterId: after[1] });
    }
    return query.getMany();
  }

  count(criteria: RecommendationCriteria): Promise<number> {
    return this.filtered(criteria).getCount();
  }

  /** The open recommendations of each body in `bodyIds` due before `before`, by due date; one statement. */
  overdueOf(bodyIds: readonly string[], before: CalendarDate): Promise<RecommendationEntity[]> {
    return this.query()
      .where('r.bodyId = ANY(:ids::uuid[])', { ids: bodyIds })
      .andWhere(`r.status IN ('OPEN', 'IN_PROGRESS')`)
      .andWhere('r.dueOn < :before::date', { before })
      .orderBy('r.dueOn')
      .addOrderBy('r.id')
      .getMany();
  }

  followUpsOf(recommendationIds: readonly string[]): Promise<RecommendationFollowUpEntity[]> {
    return this.db
      .getRepository(RecommendationFollowUpEntity)
      .createQueryBuilder('f')
      .where('f.recommendationId = ANY(:ids::uuid[])', { ids: recommendationIds })
      .orderBy('f.recordedOn')
      .addOrderBy('f.id')
      .getMany();
  }

  private query(): SelectQueryBuilder<RecommendationEntity> {
    return this.db.getRepository(RecommendationEntity).createQueryBuilder('r');
  }

  private filtered(criteria: RecommendationCriteria): SelectQueryBuilder<RecommendationEntity> {
    const query = this.query().where('TRUE');
    if (criteria.bodyId) query.andWhere('r.bodyId = :bodyId', { bodyId: criteria.bodyId });
    if (criteria.status) query.andWhere('r.status = :status', { status: criteria.status });
    if (criteria.overdueOn) {
      query.andWhere(`r.status IN ('OPEN', 'IN_PROGRESS') AND r.dueOn < :overdueOn::date`, {
        overdueOn: criteria.overdueOn,
      });
    }
    return query;
  }
}
