import type { MeetingEntity } from './meeting.entity';
import type { Meeting } from './meeting.type';

/** The public shape of a stored meeting. */
export function toMeeting(row: MeetingEntity): Meeting {
  return { id: row.id, date: row.date, mode: row.mode, status: row.status, bodyId: row.bodyId };
}
