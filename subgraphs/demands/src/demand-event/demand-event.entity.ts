import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalDecisionType } from '@passerelle/shared/housing';
import type { IneligibilityGround } from '../demand/demand.enums';
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

  /** The person (`sub` of the caller's token) who recorded it: accountability, never shown to partners. */
  @Column('text', { name: 'recorded_by_person', nullable: true })
  recordedByPerson?: string | null;

  /** The client's key for `recordDemandEvent`: unique per recording partner, so a retry never duplicates. */
  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey?: string | null;

  /** Digest of what was asked with that key: the same key with different content is a conflict. */
  @Column('text', { name: 'request_fingerprint', nullable: true })
  requestFingerprint?: string | null;

  @Column('text', { name: 'cal_decision', nullable: true })
  calDecision?: CalDecisionType | null;

  @Column('text', { name: 'ineligibility_ground', nullable: true })
  ineligibilityGround?: IneligibilityGround | null;
}
