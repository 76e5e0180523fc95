import { byIdLoader } from '@passerelle/shared/loaders';
import type DataLoader from 'dataloader';
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
    meetingById: byIdLoader(async (ids) => (access ? meetings.findByIds(ids) : [])),
  };
}
