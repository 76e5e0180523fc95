import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { DwellingEntity } from './dwelling.entity';
import type { DwellingFilter } from './dwelling.inputs';

/** A position in the list of dwellings: the last (RPLS identifier, id) seen. */
export type DwellingListPosition = readonly [rplsId: string, id: string];

/** SQL for the stock (not nominative: no per-viewer filter). */
export class DwellingRepository {
  constructor(private readonly db: DataSource) {}

  /** The dwellings among `ids`, in one statement for any number of ids. */
  findByIds(ids: readonly string[]): Promise<DwellingEntity[]> {
    return this.query().where('d.id = ANY(:ids)', { ids }).getMany();
  }

  /** Up to `limit` dwellings after `after`, by RPLS identifier. */
  page(input: { filter: DwellingFilter; after?: DwellingListPosition; limit: number }): Promise<DwellingEntity[]> {
    const query = this.filtered(input.filter).orderBy('d.rplsId', 'ASC').addOrderBy('d.id', 'ASC').limit(input.limit);
    if (input.after) {
      query.andWhere('(d.rplsId, d.id) > (:afterRpls::text, :afterId::uuid)', {
        afterRpls: input.after[0],
        afterId: input.after[1],
      });
    }
    return query.getMany();
  }

  count(filter: DwellingFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  private query(): SelectQueryBuilder<DwellingEntity> {
    return this.db.getRepository(DwellingEntity).createQueryBuilder('d');
  }

  private filtered(filter: DwellingFilter): SelectQueryBuilder<DwellingEntity> {
    const query = this.query().where('TRUE');
    if (filter.landlord) query.andWhere('d.landlordId = :landlord', { landlord: filter.landlord });
    if (filter.commune) query.andWhere('d.commune = :commune', { commune: filter.commune });
    if (filter.typology) query.andWhere('d.typology = :typology', { typology: filter.typology });
    if (filter.financing) query.andWhere('d.financing = :financing', { financing: filter.financing });
    if (filter.inQpv === true) query.andWhere('d.qpv IS NOT NULL');
    if (filter.inQpv === false) query.andWhere('d.qpv IS NULL');
    return query;
  }
}
