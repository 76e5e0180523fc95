import DataLoader from 'dataloader';
import type { Scope } from '../policy';
import type { MeetingEntity } from './meeting.entity';
import type { MeetingRepository } from './meeting.repository';

/** Per-request meeting loader (built in the context factory for one caller). */
export interface MeetingLoaders {
  /** A meeting by id, or null when absent or when the caller may not read meetings. */
  meetingById: DataLoader<string, MeetingEntity | null>;
}

export function createMeetingLoaders(meetings: MeetingRepository, access: Scope | null): MeetingLoaders {
  return {
    meetingById: new DataLoader(async (ids) => {
      if (!access) return ids.map(() => null);
      const byId = new Map((await meetings.findByIds(ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
