import { randomUUID } from 'node:crypto';
import { isCalendarDate, parisDate, type CalendarDate, type Clock } from '@passerelle/shared/dates';
import { BadUserInputError, ConflictError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import type { Viewer } from '@passerelle/shared/identity';
import { isUuid, requireUuid } from '@passerelle/shared/validation';
import type { DataSource, EntityManager } from 'typeorm';
import { AgendaItemEntity } from '../agenda/agenda-item.entity';
import { AgendaItemKind } from '../agenda/agenda.enums';
import { AttendanceEntity } from '../agenda/attendance.entity';
import { BodyKind } from '../body/body.enums';
import { decisionTerritoryCodes } from '../cal-decision/cal-decision.territories';
import { lockMeeting, requireChair, type LockedMeeting } from '../seats';
import { MeetingEntity } from './meeting.entity';
import { MeetingMode, MeetingStatus } from './meeting.enums';
import type { AgendaItemInput, AttendanceInput, PlanMeetingInput } from './meeting-lifecycle.inputs';
import { agendaChangeRefusal, cancelRefusal, holdRefusal } from './meeting.rules';

const MAX_TITLE = 300;
const MAX_MINUTES = 20_000;

/**
 * The life of a meeting, run by its body's chairs: plan, set the agenda, record attendance,
 * hold it (on or after its date, quorum permitting) with its minutes, or cancel it. Each change
 * is one transaction holding the meeting's row lock; a refusal changes nothing.
 */
export class MeetingLifecycleService {
  constructor(
    private readonly db: DataSource,
    private readonly now: Clock,
  ) {}

  private today(): CalendarDate {
    return parisDate(this.now());
  }

  plan(viewer: Viewer, input: PlanMeetingInput): Promise<MeetingEntity> {
    const bodyId = requireUuid(input.bodyId, 'bodyId', 'a body');
    const today = this.today();
    if (!isCalendarDate(input.date) || input.date < today) {
      throw new BadUserInputError(`A meeting is planned for today (${today}) or later.`, 'date');
    }
    const asynchronous = input.mode === MeetingMode.ASYNCHRONOUS;
    if (asynchronous !== Boolean(input.windowOpens)) {
      throw new BadUserInputError('An asynchronous session has a window (windowOpens), and only it.', 'windowOpens');
    }
    if (input.windowOpens && input.windowOpens > input.date) {
      throw new BadUserInputError('The window opens on or before the session’s last day.', 'windowOpens');
    }
    return this.db.transaction(async (tx) => {
      const [body] = (await tx.query(`SELECT id FROM body WHERE id = $1`, [bodyId])) as { id: string }[];
      if (!body) throw new BadUserInputError(`No body has the id ${bodyId}.`, 'bodyId');
      await requireChair(tx, viewer, bodyId);
      const meeting = Object.assign(new MeetingEntity(), {
        id: randomUUID(),
        bodyId,
        date: input.date,
        mode: input.mode,
        status: MeetingStatus.PLANNED,
        windowOpens: input.windowOpens ?? null,
        minutes: null,
        cancellationReason: null,
        version: 1,
      });
      await tx.getRepository(MeetingEntity).insert(meeting);
      return meeting;
    });
  }

  /** Adds an item at the end of a planned meeting's agenda. */
  addAgendaItem(viewer: Viewer, meetingId: string, input: AgendaItemInput): Promise<AgendaItemEntity> {
    return this.db.transaction(async (tx) => {
      const meeting = await lockMeeting(tx, meetingId);
      await requireChair(tx, viewer, meeting.bodyId);
      refuseIf(agendaChangeRefusal(meeting.status));
      const item = await this.validItem(tx, meeting, input);
      const [{ next }] = (await tx.query(
        `SELECT coalesce(max(position), 0) + 1 AS next FROM agenda_item WHERE meeting_id = $1`,
        [meeting.id],
      )) as [{ next: number }];
      const row = Object.assign(new AgendaItemEntity(), {
        ...item,
        id: randomUUID(),
        meetingId: meeting.id,
        position: next,
      });
      try {
        await tx.getRepository(AgendaItemEntity).insert(row);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') {
          throw new ConflictError('This candidate is already on the agenda for this dwelling.');
        }
        throw error;
      }
      return row;
    });
  }

  /** Records who attended (replacing what was recorded for the partners given). */
  recordAttendance(viewer: Viewer, meetingId: string, entries: readonly AttendanceInput[]): Promise<MeetingEntity> {
    if (entries.length === 0 || entries.length > 200) {
      throw new BadUserInputError('Give 1 to 200 attendance entries.', 'entries');
    }
    const slugs = entries.map((entry) => entry.partner);
    if (new Set(slugs).size !== slugs.length) throw new BadUserInputError('A partner is listed twice.', 'entries');
    return this.db.transaction(async (tx) => {
      const meeting = await lockMeeting(tx, meetingId);
      await requireChair(tx, viewer, meeting.bodyId);
      if (meeting.status !== MeetingStatus.PLANNED) {
        throw new ConflictError(
          meeting.status === MeetingStatus.CANCELLED
            ? 'A cancelled meeting has no attendance.'
            : 'Attendance is recorded before the meeting is held (it decides the quorum).',
        );
      }
      const members = (await tx.query(
        `SELECT p.slug, p.id FROM body_member m JOIN partner p ON p.id = m.partner_id WHERE m.body_id = $1`,
        [meeting.bodyId],
      )) as { slug: string; id: string }[];
      const idOf = new Map(members.map((member) => [member.slug, member.id]));
      const strangers = slugs.filter((slug) => !idOf.has(slug));
      if (strangers.length) {
        throw new BadUserInputError(`Not members of this body: ${strangers.join(', ')}.`, 'entries');
      }
      await tx.getRepository(AttendanceEntity).upsert(
        entries.map((entry) => ({ meetingId: meeting.id, partnerId: idOf.get(entry.partner)!, status: entry.status })),
        ['meetingId', 'partnerId'],
      );
      return this.reload(tx, meeting.id);
    });
  }

  /** Holds a planned meeting: on or after its date, with the quorum where its body has one. */
  hold(viewer: Viewer, meetingId: string, expectedVersion: number, minutes: string | null | undefined) {
    checkMinutes(minutes);
    return this.change(viewer, meetingId, expectedVersion, async (meeting, tx) => {
      const [{ present }] = (await tx.query(
        `SELECT count(*)::int AS present FROM attendance a
           JOIN body_member m ON m.body_id = $2 AND m.partner_id = a.partner_id AND m.role = 'VOTING'
          WHERE a.meeting_id = $1 AND a.status = 'PRESENT'`,
        [meeting.id, meeting.bodyId],
      )) as [{ present: number }];
      refuseIf(holdRefusal(meeting, this.today(), present, meeting.quorum));
      return { status: MeetingStatus.HELD, minutes: minutes ?? null };
    });
  }

  cancel(viewer: Viewer, meetingId: string, expectedVersion: number, reason: string) {
    if (!reason.trim() || reason.length > 500) {
      throw new BadUserInputError('Give the reason for the cancellation, 1 to 500 characters.', 'reason');
    }
    return this.change(viewer, meetingId, expectedVersion, async (meeting) => {
      refuseIf(cancelRefusal(meeting));
      return { status: MeetingStatus.CANCELLED, cancellationReason: reason.trim() };
    });
  }

  /** Records (or corrects) the minutes of a held meeting. */
  recordMinutes(viewer: Viewer, meetingId: string, expectedVersion: number, minutes: string) {
    checkMinutes(minutes);
    return this.change(viewer, meetingId, expectedVersion, async (meeting) => {
      if (meeting.status !== MeetingStatus.HELD) {
        throw new ConflictError('Minutes are recorded once the meeting is held.');
      }
      return { minutes };
    });
  }

  private change(
    viewer: Viewer,
    meetingId: string,
    expectedVersion: number,
    apply: (meeting: LockedMeeting, tx: EntityManager) => Promise<Partial<MeetingEntity>>,
  ): Promise<MeetingEntity> {
    return this.db.transaction(async (tx) => {
      const meeting = await lockMeeting(tx, meetingId);
      await requireChair(tx, viewer, meeting.bodyId);
      if (meeting.version !== expectedVersion) {
        throw new ConflictError(
          `Meeting ${meeting.id} is at version ${meeting.version}, not ${expectedVersion}: reload it and apply your change again.`,
        );
      }
      const changes = await apply(meeting, tx);
      await tx.update(MeetingEntity, meeting.id, { ...changes, version: meeting.version + 1 });
      return this.reload(tx, meeting.id);
    });
  }

  private reload(tx: EntityManager, id: string) {
    return tx.getRepository(MeetingEntity).findOneByOrFail({ id });
  }

  /** The columns of a valid agenda item, or the input error. */
  private async validItem(
    tx: EntityManager,
    meeting: LockedMeeting,
    input: AgendaItemInput,
  ): Promise<Omit<AgendaItemEntity, 'id' | 'meetingId' | 'position'>> {
    const title = input.title.trim();
    if (!title || title.length > MAX_TITLE) {
      throw new BadUserInputError('Give a title of 1 to 300 characters.', 'title');
    }
    const isCase = input.kind === AgendaItemKind.CASE_REVIEW;
    const isOccupancy = input.kind === AgendaItemKind.OCCUPANCY_REVIEW;
    const isFollowUp = input.kind === AgendaItemKind.RECOMMENDATION_FOLLOW_UP;
    const isCal = meeting.bodyKind === BodyKind.CAL;
    const given = (field: keyof AgendaItemInput) => input[field] !== undefined && input[field] !== null;
    const only = (field: keyof AgendaItemInput, allowed: boolean, what: string) => {
      if (given(field) && !allowed) throw new BadUserInputError(`${field} is given for ${what} only.`, field);
    };
    only('demandId', isCase, 'a CASE_REVIEW');
    only('vacancyId', isCase, 'a CASE_REVIEW');
    if (input.daloDesignatedByState === true && !isCase) {
      throw new BadUserInputError('daloDesignatedByState is set on a CASE_REVIEW only.', 'daloDesignatedByState');
    }
    only('dwellingId', isOccupancy, 'an OCCUPANCY_REVIEW');
    only('occupancySituation', isOccupancy, 'an OCCUPANCY_REVIEW');
    only('commune', isCase || isOccupancy, 'case and occupancy reviews');
    only('qpv', isCase || isOccupancy, 'case and occupancy reviews');
    only('recommendationId', isFollowUp, 'a RECOMMENDATION_FOLLOW_UP');
    const uuid = (field: 'demandId' | 'vacancyId' | 'dwellingId' | 'recommendationId', what: string) => {
      const value = input[field];
      if (!value || !isUuid(value)) throw new BadUserInputError(`${field}: give ${what} (a UUID).`, field);
      return value.toLowerCase();
    };
    if (isOccupancy && !isCal) {
      throw new BadUserInputError('Occupancy reviews are CALEOL items: CAL meetings only.', 'kind');
    }
    let commune: string | null = null;
    let qpv: string | null = null;
    if (isCase || isOccupancy) {
      commune = input.commune ?? '';
      if (officialGeography.find(commune)?.level !== 'COMMUNE') {
        throw new BadUserInputError(`"${commune}" is not an INSEE commune code of the geography.`, 'commune');
      }
      qpv = input.qpv ?? null;
      if (qpv && !officialGeography.qpvsOf(commune).some((district) => district.code === qpv)) {
        throw new BadUserInputError(`"${qpv}" is not a QPV of the commune ${commune}.`, 'qpv');
      }
    }
    let recommendationId: string | null = null;
    if (isFollowUp) {
      recommendationId = uuid('recommendationId', 'a recommendation of this body');
      const [found] = (await tx.query(`SELECT 1 FROM recommendation WHERE id = $1 AND body_id = $2`, [
        recommendationId,
        meeting.bodyId,
      ])) as unknown[];
      if (!found) throw new BadUserInputError('No recommendation of this body has that id.', 'recommendationId');
    }
    return {
      kind: input.kind,
      title,
      demandId: isCase ? uuid('demandId', 'the demand reviewed') : null,
      vacancyId: isCase && (isCal || given('vacancyId')) ? uuid('vacancyId', 'the vacancy the CAL examines') : null,
      dwellingId: isOccupancy ? uuid('dwellingId', 'the dwelling under review') : null,
      daloDesignatedByState: isCase && input.daloDesignatedByState === true,
      commune,
      qpv,
      territoryCodes: commune ? decisionTerritoryCodes(commune, qpv) : [],
      occupancySituation: isOccupancy ? (input.occupancySituation ?? throwMissing('occupancySituation')) : null,
      opinion: null,
      recommendationId,
    };
  }
}

function checkMinutes(minutes: string | null | undefined) {
  if (minutes !== undefined && minutes !== null && (!minutes.trim() || minutes.length > MAX_MINUTES)) {
    throw new BadUserInputError(`Minutes have 1 to ${MAX_MINUTES} characters.`, 'minutes');
  }
}

function throwMissing(field: string): never {
  throw new BadUserInputError(`${field} is required for this kind of item.`, field);
}

function refuseIf(refusal: string | null) {
  if (refusal) throw new ConflictError(refusal);
}
