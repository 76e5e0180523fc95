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
}
