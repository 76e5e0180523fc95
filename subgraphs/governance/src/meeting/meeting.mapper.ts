import type { MeetingEntity } from './meeting.entity';
import type { Meeting } from './meeting.type';

/** The public shape of a stored meeting. */
export function toMeeting(row: MeetingEntity): Meeting {
  return {
    id: row.id,
    date: row.date,
    mode: row.mode,
    status: row.status,
    windowOpens: row.windowOpens ?? null,
    cancellationReason: row.cancellationReason ?? null,
    version: row.version ?? 1,
    bodyId: row.bodyId,
    minutes: row.minutes ?? null,
  };
}
