import type { CalendarDate } from '@passerelle/shared/dates';
import { MeetingStatus } from './meeting.enums';

/**
 * The life of a meeting: planned, then held (on or after its date, with the quorum where the
 * body has one) or cancelled; both are final. The agenda changes only while it is planned.
 */

export function agendaChangeRefusal(status: MeetingStatus): string | null {
  return status === MeetingStatus.PLANNED ? null : `The agenda of a ${status.toLowerCase()} meeting no longer changes.`;
}

/** Whether enough voting members are present; a body without a quorum rule always decides. */
export const quorumReached = (presentVotingMembers: number, quorum: number | null) =>
  quorum === null || presentVotingMembers >= quorum;

export function holdRefusal(
  meeting: { status: MeetingStatus; date: CalendarDate },
  today: CalendarDate,
  presentVotingMembers: number,
  quorum: number | null,
): string | null {
  if (meeting.status !== MeetingStatus.PLANNED) return `Only a planned meeting is held; this one is ${meeting.status}.`;
  if (meeting.date > today) return `The meeting is on ${meeting.date}: it is held on or after that day.`;
  if (!quorumReached(presentVotingMembers, quorum)) {
    return `Quorum not reached: ${presentVotingMembers} voting member(s) present, ${quorum} required. Record the attendance, or cancel the meeting.`;
  }
  return null;
}

export function cancelRefusal(meeting: { status: MeetingStatus }): string | null {
  return meeting.status === MeetingStatus.PLANNED
    ? null
    : `Only a planned meeting is cancelled; this one is ${meeting.status}.`;
}

/** Share of the meetings a partner was expected at where it was present, or null when it was expected at none. */
export const attendanceRate = (present: number, expected: number) => (expected === 0 ? null : present / expected);
