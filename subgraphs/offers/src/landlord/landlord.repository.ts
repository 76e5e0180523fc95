import type { DataSource } from 'typeorm';
import { LandlordEntity } from './landlord.entity';

/** A position in the list of landlords: the last (name, id) seen. */
export type LandlordListPosition = readonly [name: string, id: string];

/** SQL for landlords (public reference data of the hub: no per-viewer filter). */
export class LandlordRepository {
  constructor(private readonly db: DataSource) {}

  /** The landlords among `ids`, in one statement for any number of ids. */
  findByIds(ids: readonly string[]): Promise<LandlordEntity[]> {
    return this.db.getRepository(LandlordEntity).createQueryBuilder('l').where('l.id = ANY(:ids)', { ids }).getMany();
  }

  /** Up to `limit` landlords after `after`, by name. */
  page(input: { after?: LandlordListPosition; limit: number }): Promise<LandlordEntity[]> {
    const query = this.db
      .getRepository(LandlordEntity)
      .createQueryBuilder('l')
      .orderBy('l.name', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .limit(input.limit);
    if (input.after) {
      query.where('(l.name, l.id) > (:afterName::text, :afterId::uuid)', {
        afterName: input.after[0],
        afterId: input.after[1],
      });
    }
    return query.getMany();
  }

  count(): Promise<number> {
    return this.db.getRepository(LandlordEntity).count();
  }
}
