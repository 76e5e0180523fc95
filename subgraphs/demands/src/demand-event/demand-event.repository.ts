import type { DataSource } from 'typeorm';
import { DemandEventEntity } from './demand-event.entity';

/** SQL for the event timeline. */
export class DemandEventRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The first `limit` events of each demand in `demandIds`, newest or oldest first, in one
   * statement (the timeline index serves both directions).
   */
  async firstOf(demandIds: readonly string[], limit: number, order: 'newest' | 'oldest'): Promise<DemandEventEntity[]> {
    const direction = order === 'newest' ? 'DESC' : 'ASC';
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT id, demand_id, type, occurred_at, recorded_by, detail, cal_decision, ineligibility_ground FROM (
         SELECT e.*, row_number() OVER (PARTITION BY demand_id ORDER BY occurred_at ${direction}, id ${direction}) AS rank
         FROM demand_event e WHERE demand_id = ANY($1::uuid[])
       ) ranked
       WHERE rank <= $2
       ORDER BY demand_id, occurred_at ${direction}, id ${direction}`,
      [demandIds, limit],
    );
    return rows.map((row) =>
      Object.assign(new DemandEventEntity(), {
        id: row.id,
        demandId: row.demand_id,
        type: row.type,
        occurredAt: row.occurred_at,
        recordedBy: row.recorded_by,
        detail: row.detail,
        calDecision: row.cal_decision,
        ineligibilityGround: row.ineligibility_ground,
      }),
    );
  }
}
