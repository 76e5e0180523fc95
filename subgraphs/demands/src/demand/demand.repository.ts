import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { DemandEntity } from './demand.entity';
import type { DemandFilter } from './demand.inputs';
import type { RegisterAccess } from '../policy';

/** A position in the list, newest filing first: the last (filingDate, id) seen. */
export type DemandListPosition = readonly [filingDate: string, id: string];

/** SQL for demands. Every read takes the caller's access: nothing here reads unfiltered. */
export class DemandRepository {
  constructor(private readonly db: DataSource) {}

  /** The demands among `ids` the access allows; one statement for any number of ids. */
  findVisible(ids: readonly string[], access: RegisterAccess): Promise<DemandEntity[]> {
    return this.visible(access).andWhere('d.id = ANY(:ids)', { ids }).getMany();
  }

  /** Up to `limit` demands after `after`, newest filing first. */
  page(input: {
    filter: DemandFilter;
    access: RegisterAccess;
    after?: DemandListPosition;
    limit: number;
  }): Promise<DemandEntity[]> {
    const query = this.filtered(input.filter, input.access)
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

  count(filter: DemandFilter, access: RegisterAccess): Promise<number> {
    return this.filtered(filter, access).getCount();
  }

  /** What the access allows, never a demand whose nominative data were erased (retention purge). */
  private visible(access: RegisterAccess): SelectQueryBuilder<DemandEntity> {
    const query = this.db.getRepository(DemandEntity).createQueryBuilder('d').where('d.purgedOn IS NULL');
    return 'territories' in access
      ? query.andWhere('d.territoryCodes && :territories::text[]', { territories: access.territories })
      : query.andWhere('d.assistingPartner = :partner', { partner: access.assistingPartner });
  }

  private filtered(filter: DemandFilter, access: RegisterAccess): SelectQueryBuilder<DemandEntity> {
    const query = this.visible(access);
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
    if (filter.suspectedDuplicate !== undefined && filter.suspectedDuplicate !== null) {
      query.andWhere('d.suspectedDuplicate = :duplicate', { duplicate: filter.suspectedDuplicate });
    }
    if (filter.transferDifficulty) {
      query.andWhere('d.transferDifficulties @> ARRAY[:difficulty]::text[]', { difficulty: filter.transferDifficulty });
    }
    return query;
  }
}
