import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Viewer } from '@passerelle/shared/identity';
import { measureAccess, type MeasureAccess } from '../policy';
import { MeasureEntity } from './measure.entity';
import type { MeasureFilter } from './measure.inputs';

/** A position in the list, newest prescription first: the last (prescribedOn, id) seen. */
export type MeasureListPosition = readonly [prescribedOn: string, id: string];

/**
 * SQL for measures. Every read takes the viewer's `MeasureAccess` and turns it into a condition
 * of the same statement: nothing here reads measures unfiltered.
 */
export class MeasureRepository {
  constructor(private readonly db: DataSource) {}

  /** The measures among `ids` the viewer may read; one statement for any number of ids. */
  findVisible(ids: readonly string[], access: MeasureAccess): Promise<MeasureEntity[]> {
    return this.visible(access).andWhere('m.id = ANY(:ids)', { ids }).getMany();
  }

  /**
   * The `limit` newest readable measures of each demand in `demandIds`, newest prescription
   * first, in one statement (a lateral index scan per demand on `measure_demand_timeline`).
   */
  newestOfDemands(demandIds: readonly string[], access: MeasureAccess, limit: number): Promise<MeasureEntity[]> {
    const [condition, params] = accessCondition('x', access);
    return this.query()
      .where(
        `m.id IN (
          SELECT newest.id FROM unnest(:demandIds::uuid[]) AS d(id)
          CROSS JOIN LATERAL (
            SELECT x.id FROM measure x
            WHERE x.demand_id = d.id AND ${condition}
            ORDER BY x.prescribed_on DESC, x.id DESC
            LIMIT :limit
          ) newest
        )`,
        { ...params, demandIds, limit },
      )
      .orderBy('m.prescribedOn', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .getMany();
  }

  /** Up to `limit` readable measures after `after`, newest prescription first. */
  page(input: {
    filter: MeasureFilter;
    access: MeasureAccess;
    after?: MeasureListPosition;
    limit: number;
  }): Promise<MeasureEntity[]> {
    const query = this.filtered(input.filter, input.access)
      .orderBy('m.prescribedOn', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(input.limit);
    if (input.after) {
      query.andWhere('(m.prescribedOn, m.id) < (:afterDate::date, :afterId::uuid)', {
        afterDate: input.after[0],
        afterId: input.after[1],
      });
    }
    return query.getMany();
  }

  count(filter: MeasureFilter, access: MeasureAccess): Promise<number> {
    return this.filtered(filter, access).getCount();
  }

  private query(): SelectQueryBuilder<MeasureEntity> {
    return this.db.getRepository(MeasureEntity).createQueryBuilder('m');
  }

  private visible(access: MeasureAccess): SelectQueryBuilder<MeasureEntity> {
    const [condition, params] = accessCondition('m', access);
    return this.query().where(condition, params);
  }

  private filtered(filter: MeasureFilter, access: MeasureAccess): SelectQueryBuilder<MeasureEntity> {
    const query = this.visible(access);
    if (filter.scheme) query.andWhere('m.schemeCode = :scheme', { scheme: filter.scheme });
    if (filter.operator) query.andWhere('m.operatorId = :operator', { operator: filter.operator });
    if (filter.status) query.andWhere('m.status = :status', { status: filter.status });
    if (filter.commune) query.andWhere('m.commune = :commune', { commune: filter.commune });
    return query;
  }
}

/**
 * The access rule as SQL on table alias `alias` (column names, so that it also works inside raw
 * subqueries): measures lying in one of the viewer's territories, or operated by the viewer.
 */
/** The measures `viewer` reads, as SQL on table alias `alias`: `FALSE` for a viewer who reads none. */
export function readableBy(viewer: Viewer, alias: string): [string, Record<string, unknown>] {
  const access = measureAccess(viewer);
  return access ? accessCondition(alias, access) : ['FALSE', {}];
}

export function accessCondition(alias: string, access: MeasureAccess): [string, Record<string, unknown>] {
  if ('territories' in access) {
    return [`${alias}.territory_codes && :accessTerritories::text[]`, { accessTerritories: access.territories }];
  }
  return [
    `${alias}.operator_id IN (SELECT o.id FROM operator o WHERE o.slug = :accessOperator)`,
    { accessOperator: access.operatorSlug },
  ];
}
