import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { VacancyEntity } from './vacancy.entity';
import type { VacancyFilter } from './vacancy.inputs';

/** A position in the list of vacancies, most recently vacated first: the last (vacatedOn, id) seen. */
export type VacancyListPosition = readonly [vacatedOn: string, id: string];

/** SQL for vacancies (not nominative: no per-viewer filter; the tenant is filtered where it is shown). */
export class VacancyRepository {
  constructor(private readonly db: DataSource) {}

  /** The vacancies among `ids`, in one statement for any number of ids. */
  findByIds(ids: readonly string[]): Promise<VacancyEntity[]> {
    return this.query().where('v.id = ANY(:ids)', { ids }).getMany();
  }

  /** Up to `limit` vacancies after `after`, most recently vacated first. */
  page(input: { filter: VacancyFilter; after?: VacancyListPosition; limit: number }): Promise<VacancyEntity[]> {
    const query = this.filtered(input.filter)
      .orderBy('v.vacatedOn', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(input.limit);
    if (input.after) {
      query.andWhere('(v.vacatedOn, v.id) < (:afterDate::date, :afterId::uuid)', {
        afterDate: input.after[0],
        afterId: input.after[1],
      });
    }
    return query.getMany();
  }

  count(filter: VacancyFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  private query(): SelectQueryBuilder<VacancyEntity> {
    return this.db.getRepository(VacancyEntity).createQueryBuilder('v');
  }

  private filtered(filter: VacancyFilter): SelectQueryBuilder<VacancyEntity> {
    const query = this.query().where('TRUE');
    if (filter.status) query.andWhere('v.status = :status', { status: filter.status });
    if (filter.reservationHolder) {
      query.andWhere('v.reservationHolderId = :holder', { holder: filter.reservationHolder });
    }
    // Landlord and commune are the dwelling's: semi-joins keep one row per vacancy.
    if (filter.landlord) {
      query.andWhere('v.dwellingId IN (SELECT d.id FROM dwelling d WHERE d.landlord_id = :landlord)', {
        landlord: filter.landlord,
      });
    }
    if (filter.commune) {
      query.andWhere('v.dwellingId IN (SELECT d.id FROM dwelling d WHERE d.commune = :commune)', {
        commune: filter.commune,
      });
    }
    return query;
  }
}
