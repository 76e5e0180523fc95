import { byIdLoader } from '@passerelle/shared/loaders';
import type DataLoader from 'dataloader';
import type { MeetingEntity } from './meeting.entity';
import type { MeetingRepository } from './meeting.repository';

/** Per-request meeting loader (built in the context factory for one caller). */
export interface MeetingLoaders {
  /** A meeting by id, or null when absent or when the caller may not read meetings. */
  meetingById: DataLoader<string, MeetingEntity | null>;
}

/**
 * `readsAll`: the policy opens these records to the caller without territory limits. These loaders
 * do not filter by territory, so any narrower grant gets nothing (fail closed), never everything.
 */
export function createMeetingLoaders(meetings: MeetingRepository, readsAll: boolean): MeetingLoaders {
  return {
    meetingById: byIdLoader(async (ids) => (readsAll ? meetings.findByIds(ids) : [])),
  };
}
