import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ReservationHolderEntity } from './reservation-holder.entity';
import type { ReservationHolderFilter } from './reservation-holder.inputs';

/** A position in the list of reservation holders: the last (name, id) seen. */
export type ReservationHolderListPosition = readonly [name: string, id: string];

/** SQL for reservation holders (reference data of the hub: no per-viewer filter). */
export class ReservationHolderRepository {
  constructor(private readonly db: DataSource) {}

  /** The reservation holders among `ids`, in one statement for any number of ids. */
  findByIds(ids: readonly string[]): Promise<ReservationHolderEntity[]> {
    return this.query().where('r.id = ANY(:ids)', { ids }).getMany();
  }

  /** Up to `limit` reservation holders after `after`, by name. */
  page(input: {
    filter: ReservationHolderFilter;
    after?: ReservationHolderListPosition;
    limit: number;
  }): Promise<ReservationHolderEntity[]> {
    const query = this.filtered(input.filter).orderBy('r.name', 'ASC').addOrderBy('r.id', 'ASC').limit(input.limit);
    if (input.after) {
      query.andWhere('(r.name, r.id) > (:afterName::text, :afterId::uuid)', {
        afterName: input.after[0],
        afterId: input.after[1],
      });
    }
    return query.getMany();
  }

  count(filter: ReservationHolderFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  private query(): SelectQueryBuilder<ReservationHolderEntity> {
    return this.db.getRepository(ReservationHolderEntity).createQueryBuilder('r');
  }

  private filtered(filter: ReservationHolderFilter): SelectQueryBuilder<ReservationHolderEntity> {
    const query = this.query().where('TRUE');
    if (filter.kind) query.andWhere('r.kind = :kind', { kind: filter.kind });
    return query;
  }
}
