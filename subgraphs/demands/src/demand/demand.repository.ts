import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { DemandEntity } from './demand.entity';
import type { DemandFilter } from './demand.inputs';

/** A position in the list, newest filing first: the last (filingDate, id) seen. */
export type DemandListPosition = readonly [filingDate: string, id: string];

/** SQL for demands. Every read takes the caller's territories: nothing here reads unfiltered. */
export class DemandRepository {
  constructor(private readonly db: DataSource) {}

  /** The demands among `ids` that touch one of `territories`; one statement for any number of ids. */
  findVisible(ids: readonly string[], territories: readonly string[]): Promise<DemandEntity[]> {
    return this.visible(territories).andWhere('d.id = ANY(:ids)', { ids }).getMany();
  }

  /** Up to `limit` demands after `after`, newest filing first. */
  page(input: {
    filter: DemandFilter;
    territories: readonly string[];
    after?: DemandListPosition;
    limit: number;
  }): Promise<DemandEntity[]> {
    const query = this.filtered(input.filter, input.territories)
      .orderBy('d.filingDate', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(input.limit);
    if (input.after) {
      query.andWhere('(d.filingDate, d.id) < (:afterDate::date, :afterId::uuid)', {
        afterDate: input.after[0],
        afterId: input.after[1],
      });
    }
    return query.getMany();
  }

  count(filter: DemandFilter, territories: readonly string[]): Promise<number> {
    return this.filtered(filter, territories).getCount();
  }

  private visible(territories: readonly string[]): SelectQueryBuilder<DemandEntity> {
    return this.db
      .getRepository(DemandEntity)
      .createQueryBuilder('d')
      .where('d.territoryCodes && :territories::text[]', { territories });
  }

  private filtered(filter: DemandFilter, territories: readonly string[]): SelectQueryBuilder<DemandEntity> {
    const query = this.visible(territories);
    if (filter.status) query.andWhere('d.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('d.kind = :kind', { kind: filter.kind });
    if (filter.wishedCommune) {
      query.andWhere('d.wishedCommunes @> ARRAY[:commune]::text[]', { commune: filter.wishedCommune });
    }
    if (filter.wishedTypology) {
      query.andWhere('d.wishedTypologies @> ARRAY[:typology]::text[]', { typology: filter.wishedTypology });
    }
    if (filter.priorityLabel) {
      query.andWhere('d.priorityLabels @> ARRAY[:label]::text[]', { label: filter.priorityLabel });
    }
    if (filter.filedFrom) query.andWhere('d.filingDate >= :filedFrom', { filedFrom: filter.filedFrom });
    if (filter.filedTo) query.andWhere('d.filingDate <= :filedTo', { filedTo: filter.filedTo });
    return query;
  }
}
