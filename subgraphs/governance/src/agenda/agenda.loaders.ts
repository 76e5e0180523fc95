import { groupBy } from '@passerelle/shared/loaders';
import type { Viewer } from '@passerelle/shared/identity';
import { isAuthenticated } from '@passerelle/shared/identity';
import DataLoader from 'dataloader';
import type { AgendaItemEntity } from './agenda-item.entity';
import type { AgendaRepository, Membership } from './agenda.repository';
import type { AttendanceEntity } from './attendance.entity';

/** Per-request agenda loaders, for one caller. */
export interface AgendaLoaders {
  agendaOf: DataLoader<string, AgendaItemEntity[]>;
  attendanceOf: DataLoader<string, AttendanceEntity[]>;
  /** The caller's seats, read once per request (none for anonymous callers). */
  membership(): Promise<Membership>;
}

const NO_SEAT: Membership = { partnerId: null, memberOf: new Set(), chairs: new Set() };

export function createAgendaLoaders(agendas: AgendaRepository, viewer: Viewer, readsMeetings: boolean): AgendaLoaders {
  let membership: Promise<Membership> | undefined;
  return {
    agendaOf: new DataLoader(async (meetingIds) => {
      const byMeeting = readsMeetings ? groupBy(await agendas.itemsOf(meetingIds), (row) => row.meetingId) : new Map();
      return meetingIds.map((id) => byMeeting.get(id) ?? []);
    }),
    attendanceOf: new DataLoader(async (meetingIds) => {
      const byMeeting = readsMeetings
        ? groupBy(await agendas.attendanceOf(meetingIds), (row) => row.meetingId)
        : new Map();
      return meetingIds.map((id) => byMeeting.get(id) ?? []);
    }),
    membership: () =>
      (membership ??= isAuthenticated(viewer) ? agendas.membershipOf(viewer.partner) : Promise.resolve(NO_SEAT)),
  };
}
