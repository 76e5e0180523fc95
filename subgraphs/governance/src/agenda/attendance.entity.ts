import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttendanceStatus } from './agenda.enums';

/** A row of `attendance`: whether a member partner attended a meeting. */
@Entity({ name: 'attendance' })
export class AttendanceEntity {
  @PrimaryColumn('uuid', { name: 'meeting_id' })
  meetingId: string;

  @PrimaryColumn('uuid', { name: 'partner_id' })
  partnerId: string;

  @Column('text')
  status: AttendanceStatus;
}
