import type { Viewer } from '@passerelle/shared/identity';
import { isCalendarDate } from '@passerelle/shared/dates';
import { pageSize } from '@passerelle/shared/pagination';
import { isUuid, requireUuid, requireOrderedPeriod } from '@passerelle/shared/validation';
import { decodeKeyCursor, toPage, type Page } from '@passerelle/shared/pagination';
import { requireAccessTo } from '../policy';
import type { MeetingFilter } from './meeting.inputs';
import type { MeetingLoaders } from './meeting.loaders';
import { toMeeting } from './meeting.mapper';
import type { MeetingCriteria, MeetingListPosition, MeetingRepository } from './meeting.repository';
import type { Meeting } from './meeting.type';

/** Reading meetings on behalf of a viewer; access rules live in `policy.ts`. */
export class MeetingService {
  constructor(private readonly meetings: MeetingRepository) {}

  /** One meeting, or null when it does not exist. */
  async get(viewer: Viewer, loaders: MeetingLoaders, id: string): Promise<Meeting | null> {
    requireAccessTo(viewer, 'MEETINGS');
    const row = await loaders.meetingById.load(requireUuid(id, 'id', 'a meeting'));
    return row && toMeeting(row);
  }

  /** A meeting for federation (`_entities`) or a nested field: null, never an error, when not readable. */
  async resolve(loaders: MeetingLoaders, id: string): Promise<Meeting | null> {
    if (!isUuid(id)) return null;
    const row = await loaders.meetingById.load(id.toLowerCase());
    return row && toMeeting(row);
  }

  /** Meetings matching `filter`, newest first, `first` at a time. */
  async list(
    viewer: Viewer,
    filter: MeetingFilter,
    first: number | undefined,
    after: string | undefined,
  ): Promise<Page<Meeting>> {
    requireAccessTo(viewer, 'MEETINGS');
    const criteria = toCriteria(filter);
    const limit = pageSize(first);
    const position = decodeKeyCursor(after, [isCalendarDate]) as MeetingListPosition | undefined;
    const rows = await this.meetings.page(criteria, position, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => [row.date, row.id],
      toMeeting,
      () => this.meetings.count(criteria),
    );
  }
}

function toCriteria(filter: MeetingFilter): MeetingCriteria {
  requireOrderedPeriod(filter.from, filter.to, 'filter.from');
  return {
    bodyId: filter.body ? requireUuid(filter.body, 'filter.body', 'a body') : undefined,
    bodyKind: filter.bodyKind ?? undefined,
    status: filter.status ?? undefined,
    from: filter.from ?? undefined,
    to: filter.to ?? undefined,
  };
}
