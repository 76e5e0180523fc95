import type { DataSource } from 'typeorm';
import { DemandEventEntity } from './demand-event.entity';

/** SQL for the event timeline. */
export class DemandEventRepository {
  constructor(private readonly db: DataSource) {}

  /** The `limit` newest events of each demand in `demandIds`, in one statement. */
  async newestOf(demandIds: readonly string[], limit: number): Promise<DemandEventEntity[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT id, demand_id, type, occurred_at, recorded_by, detail FROM (
         SELECT e.*, row_number() OVER (PARTITION BY demand_id ORDER BY occurred_at DESC, id DESC) AS rank
         FROM demand_event e WHERE demand_id = ANY($1::uuid[])
       ) ranked
       WHERE rank <= $2
       ORDER BY demand_id, occurred_at DESC, id DESC`,
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
      }),
    );
  }
}
