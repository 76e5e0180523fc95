import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MeetingMode, MeetingStatus } from './meeting.enums';

/** A row of the `meeting` table. Not the public schema: `toMeeting()` maps it to `Meeting`. */
@Entity({ name: 'meeting' })
export class MeetingEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'body_id' })
  bodyId: string;

  @Column('date')
  date: string;

  @Column('text')
  mode: MeetingMode;

  @Column('text')
  status: MeetingStatus;

  /** First day of an asynchronous session (it ends on `date`); null for the other modes. */
  @Column('date', { name: 'window_opens', nullable: true })
  windowOpens?: string | null;

  /** The minutes (procès-verbal), once held; may name households: members only. */
  @Column('text', { nullable: true })
  minutes?: string | null;

  @Column('text', { name: 'cancellation_reason', nullable: true })
  cancellationReason?: string | null;

  /** Optimistic concurrency: every change of the meeting increments it. */
  @Column('integer', { default: 1 })
  version?: number;
}
