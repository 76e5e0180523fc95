import type { DataSource } from 'typeorm';
import { accessCondition } from '../measure/measure.repository';
import type { MeasureAccess } from '../policy';
import { ConsentEntity, DiagnosticEntity } from './diagnostic.entity';

/** Statuses of a measure that is running now: the household is accompanied. */
export const RUNNING = ['ACTIVE', 'RENEWED', 'SUSPENDED'];

/** SQL for diagnostics and consents; every statement answers a whole batch. */
export class DiagnosticRepository {
  constructor(private readonly db: DataSource) {}

  /** Diagnostics of the measures, newest first (the measures are already readable by the caller). */
  ofMeasures(measureIds: readonly string[]): Promise<DiagnosticEntity[]> {
    return this.db
      .getRepository(DiagnosticEntity)
      .createQueryBuilder('d')
      .where('d.measure_id = ANY(:measureIds::uuid[])', { measureIds })
      .orderBy('d.written_on', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .getMany();
  }

  /** The `limit` newest diagnostics of each demand's household, among measures `access` covers. */
  async ofDemands(
    demandIds: readonly string[],
    access: MeasureAccess,
    limit: number,
  ): Promise<(DiagnosticEntity & { demandId: string })[]> {
    const [condition, params] = accessCondition('m', access);
    const { raw, entities } = await this.db
      .getRepository(DiagnosticEntity)
      .createQueryBuilder('d')
      .innerJoin('household', 'h', 'h.id = d.household_id')
      .addSelect('h.demand_id', 'demand_id')
      .where(
        `d.id IN (
          SELECT newest.id FROM unnest(:demandIds::uuid[]) AS q(id)
          CROSS JOIN LATERAL (
            SELECT x.id FROM household hh
            JOIN diagnostic x ON x.household_id = hh.id
            JOIN measure m ON m.id = x.measure_id
            WHERE hh.demand_id = q.id AND ${condition}
            ORDER BY x.written_on DESC, x.id DESC
            LIMIT :limit
          ) newest
        )`,
        { ...params, demandIds, limit },
      )
      .orderBy('d.written_on', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .getRawAndEntities();
    const demandOf = new Map(raw.map((row: { d_id: string; demand_id: string }) => [row.d_id, row.demand_id]));
    return entities.map((entity) => Object.assign(entity, { demandId: demandOf.get(entity.id)! }));
  }

  /** The demands among `demandIds` whose household has a running measure that `access` covers. */
  async accompaniedDemands(demandIds: readonly string[], access: MeasureAccess): Promise<Set<string>> {
    const [condition, params] = accessCondition('m', access);
    const rows: { demand_id: string }[] = await this.db
      .createQueryBuilder()
      .select('DISTINCT h.demand_id', 'demand_id')
      .from('household', 'h')
      .innerJoin('measure', 'm', 'm.household_id = h.id')
      .where('h.demand_id = ANY(:demandIds::uuid[])', { demandIds })
      .andWhere('m.status IN (:...running)', { running: RUNNING })
      .andWhere(condition, params)
      .getRawMany();
    return new Set(rows.map((row) => row.demand_id));
  }

  /** Every consent of the households, oldest first. */
  consentsOf(householdIds: readonly string[]): Promise<ConsentEntity[]> {
    return this.db
      .getRepository(ConsentEntity)
      .createQueryBuilder('c')
      .where('c.household_id = ANY(:householdIds::uuid[])', { householdIds })
      .orderBy('c.given_on', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }
}
