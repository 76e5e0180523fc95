import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { vacancyScopeCondition } from '../common/visibility';
import type { VacancyScope } from '../policy';
import { VacancyEntity } from './vacancy.entity';
import type { VacancyFilter } from './vacancy.inputs';

/** A position in the list of vacancies, most recently vacated first: the last (vacatedOn, id) seen. */
export type VacancyListPosition = readonly [vacatedOn: string, id: string];

/**
 * SQL for vacancies, always within the viewer's vacancy scope (`policy.ts`: a reservation holder
 * reads its contingent only). The tenant is filtered where it is shown.
 */
export class VacancyRepository {
  constructor(private readonly db: DataSource) {}

  /** The vacancies among `ids`, in one statement for any number of ids. */
  findByIds(ids: readonly string[], scope: VacancyScope): Promise<VacancyEntity[]> {
    return this.query(scope).andWhere('v.id = ANY(:ids)', { ids }).getMany();
  }

  /** Up to `limit` vacancies after `after`, most recently vacated first. */
  page(input: {
    filter: VacancyFilter;
    scope: VacancyScope;
    after?: VacancyListPosition;
    limit: number;
  }): Promise<VacancyEntity[]> {
    const query = this.filtered(input.filter, input.scope)
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

  /** Among `dwellingIds`, those with a vacancy being let now oriented to the reservation holder `holderSlug`. */
  async dwellingsOrientedTo(dwellingIds: readonly string[], holderSlug: string): Promise<string[]> {
    const rows: { dwelling_id: string }[] = await this.db.query(
      `SELECT DISTINCT v.dwelling_id FROM vacancy v
         JOIN reservation_holder h ON h.id = v.reservation_holder_id AND h.slug = $2
        WHERE v.dwelling_id = ANY($1::uuid[]) AND v.status NOT IN ('LEASE_SIGNED', 'RETURNED')`,
      [dwellingIds, holderSlug],
    );
    return rows.map((row) => row.dwelling_id);
  }

  count(filter: VacancyFilter, scope: VacancyScope): Promise<number> {
    return this.filtered(filter, scope).getCount();
  }

  private query(scope: VacancyScope): SelectQueryBuilder<VacancyEntity> {
    const [condition, parameters] = vacancyScopeCondition(scope);
    return this.db.getRepository(VacancyEntity).createQueryBuilder('v').where(condition, parameters);
  }

  private filtered(filter: VacancyFilter, scope: VacancyScope): SelectQueryBuilder<VacancyEntity> {
    const query = this.query(scope);
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
