import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { SchemeCode } from '../scheme/scheme.enums';
import { OperatorEntity } from './operator.entity';

/** A position in the list, by name: the last (name, id) seen. */
export type OperatorListPosition = readonly [name: string, id: string];

/** The conditions of an operator list, territory already resolved to the codes overlapping it. */
export interface OperatorCriteria {
  scheme?: SchemeCode;
  overlapping?: readonly string[];
}

/** SQL for operators. Public data: no viewer filter. */
export class OperatorRepository {
  constructor(private readonly db: DataSource) {}

  /** The operators among `ids`, in one statement. */
  findByIds(ids: readonly string[]): Promise<OperatorEntity[]> {
    return this.query().where('o.id = ANY(:ids)', { ids }).getMany();
  }

  /** Up to `limit` operators after `after`, by name. */
  page(input: { criteria: OperatorCriteria; after?: OperatorListPosition; limit: number }): Promise<OperatorEntity[]> {
    const query = this.filtered(input.criteria).orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').limit(input.limit);
    if (input.after) {
      query.andWhere('(o.name, o.id) > (:afterName::text, :afterId::uuid)', {
        afterName: input.after[0],
        afterId: input.after[1],
      });
    }
    return query.getMany();
  }

  count(criteria: OperatorCriteria): Promise<number> {
    return this.filtered(criteria).getCount();
  }

  private query(): SelectQueryBuilder<OperatorEntity> {
    return this.db.getRepository(OperatorEntity).createQueryBuilder('o');
  }

  private filtered(criteria: OperatorCriteria): SelectQueryBuilder<OperatorEntity> {
    const query = this.query().where('TRUE');
    if (criteria.scheme) query.andWhere('o.schemeCodes @> ARRAY[:scheme]::text[]', { scheme: criteria.scheme });
    if (criteria.overlapping) {
      query.andWhere('o.territories && :overlapping::text[]', { overlapping: criteria.overlapping });
    }
    return query;
  }
}
