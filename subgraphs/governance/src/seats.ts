import { ForbiddenError, NotFoundError } from '@passerelle/shared/errors';
import { isAuthenticated, type Viewer } from '@passerelle/shared/identity';
import { requireUuid } from '@passerelle/shared/validation';
import type { EntityManager } from 'typeorm';
import type { BodyKind } from './body/body.enums';
import type { MeetingStatus } from './meeting/meeting.enums';

/**
 * Who changes what in governance: a body's chairs run its meetings (agenda, attendance,
 * holding, minutes) and issue its recommendations; a CAL's landlord records its decisions, the
 * candidates' answers and its occupancy opinions. Checked inside the writing transaction.
 */

/** A meeting and its body, locked for the length of the transaction (changes to one meeting queue). */
export interface LockedMeeting {
  id: string;
  bodyId: string;
  bodyKind: BodyKind;
  date: string;
  status: MeetingStatus;
  version: number;
  quorum: number | null;
  landlordPartnerId: string | null;
}

/** The caller's partner and what it holds in one body. */
export interface Seat {
  partnerId: string;
  slug: string;
  chair: boolean;
  member: boolean;
  calLandlord: boolean;
}

/** The meeting, locked; NOT_FOUND when there is none (every partner reads meetings, so nothing is hidden). */
export async function lockMeeting(tx: EntityManager, meetingId: string): Promise<LockedMeeting> {
  const [meeting] = (await tx.query(
    `SELECT m.id, m.body_id AS "bodyId", b.kind AS "bodyKind", to_char(m.date, 'YYYY-MM-DD') AS date, m.status,
            m.version, b.quorum, b.landlord_partner_id AS "landlordPartnerId"
       FROM meeting m JOIN body b ON b.id = m.body_id
      WHERE m.id = $1 FOR UPDATE OF m`,
    [requireUuid(meetingId, 'meetingId', 'a meeting')],
  )) as LockedMeeting[];
  if (!meeting) throw new NotFoundError('Meeting', meetingId);
  return meeting;
}

/** The caller's seat in a body (FORBIDDEN for callers without a partner). */
export async function seatIn(tx: EntityManager, viewer: Viewer, bodyId: string): Promise<Seat> {
  if (!isAuthenticated(viewer)) throw new ForbiddenError('Changing governance records needs a partner token.');
  const [seat] = (await tx.query(
    `SELECT p.id AS "partnerId", p.slug, coalesce(m.chair, false) AS chair, m.partner_id IS NOT NULL AS member,
            b.landlord_partner_id = p.id AS "calLandlord"
       FROM partner p JOIN body b ON b.id = $2
       LEFT JOIN body_member m ON m.body_id = b.id AND m.partner_id = p.id
      WHERE p.slug = $1`,
    [viewer.partner, bodyId],
  )) as Seat[];
  if (!seat) throw new ForbiddenError(`Partner "${viewer.partner}" is not in the partner directory.`);
  return seat;
}

/** The caller chairs the body (a CAL's landlord counts as its chair). */
export async function requireChair(tx: EntityManager, viewer: Viewer, bodyId: string): Promise<Seat> {
  const seat = await seatIn(tx, viewer, bodyId);
  if (!seat.chair && !seat.calLandlord) {
    throw new ForbiddenError("Only the body's chairs run its meetings and issue its recommendations.");
  }
  return seat;
}

/** The caller is the landlord whose CAL this is (CCH R441-9: the landlord's commission). */
export async function requireCalLandlord(tx: EntityManager, viewer: Viewer, meeting: LockedMeeting): Promise<Seat> {
  const seat = await seatIn(tx, viewer, meeting.bodyId);
  if (meeting.bodyKind !== 'CAL') throw new ForbiddenError('Decisions and offers are recorded for CAL meetings only.');
  if (!seat.calLandlord) throw new ForbiddenError('Only the landlord whose CAL this is records its decisions.');
  return seat;
}
