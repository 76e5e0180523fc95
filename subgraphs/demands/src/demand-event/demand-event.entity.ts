import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DemandEventType } from './demand-event.enums';

/** A row of the append-only `demand_event` table (a database trigger refuses updates and deletes). */
@Entity({ name: 'demand_event' })
export class DemandEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'demand_id' })
  demandId: string;

  @Column('text')
  type: DemandEventType;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('text', { name: 'recorded_by' })
  recordedBy: string;

  @Column('text', { nullable: true })
  detail: string | null;
}
