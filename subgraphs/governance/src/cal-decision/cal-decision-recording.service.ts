import { randomUUID } from 'node:crypto';
import { parisDate, type CalendarDate } from '@passerelle/shared/dates';
import { BadUserInputError, ConflictError, NotFoundError } from '@passerelle/shared/errors';
import { CalDecisionType } from '@passerelle/shared/housing';
import type { Viewer } from '@passerelle/shared/identity';
import { requireUuid } from '@passerelle/shared/validation';
import type { DataSource, EntityManager } from 'typeorm';
import { AgendaItemEntity } from '../agenda/agenda-item.entity';
import { AgendaItemKind } from '../agenda/agenda.enums';
import type { Clock } from '@passerelle/shared/dates';
import { MeetingStatus } from '../meeting/meeting.enums';
import { accessTo } from '../policy';
import { lockMeeting, requireCalLandlord, seatIn, type LockedMeeting } from '../seats';
import { CalDecisionEntity } from './cal-decision.entity';
import { OfferAnswer } from './cal-decision.enums';
import type { CalDecisionInput, OfferAnswerInput } from './cal-decision-recording.inputs';
import {
  candidatesRefusal,
  conditionRefusal,
  motiveRefusal,
  offerAnswerRefusal,
  rankRefusal,
  type RecordedDecision,
} from './cal-decision.rules';
import { OfferAnswerEntity } from './offer-answer.entity';
import { offerStatusesAround } from './offer.loaders';

const MAX_MOTIVE = 500;

/**
 * What a landlord records after its CAL sat: the decision for each candidate (CCH R441-3), the
 * candidates' answers to the offer (a ranked attribution passes on when those before refuse),
 * and the CALEOL's occupancy opinions. Each is one transaction holding the meeting's row lock,
 * so two recordings for one meeting never race on ranks or offers.
 */
export class CalDecisionRecordingService {
  constructor(
    private readonly db: DataSource,
    private readonly now: Clock,
  ) {}

  private today(): CalendarDate {
    return parisDate(this.now());
  }

  record(viewer: Viewer, input: CalDecisionInput): Promise<CalDecisionEntity> {
    const motive = input.motive?.trim() || null;
    if (motive && motive.length > MAX_MOTIVE) {
      throw new BadUserInputError('A motive has at most 500 characters.', 'motive');
    }
    return this.db.transaction(async (tx) => {
      const { item, meeting } = await this.memberItem(tx, viewer, input.agendaItemId);
      if (item.kind !== AgendaItemKind.CASE_REVIEW) {
        throw new BadUserInputError('Decisions conclude case reviews only.', 'agendaItemId');
      }
      const landlord = await requireCalLandlord(tx, viewer, meeting);
      requireHeld(meeting);
      if (!item.vacancyId) throw new BadUserInputError('This case review names no dwelling (vacancy).', 'agendaItemId');
      const candidates = (await tx.query(
        `SELECT demand_id AS "demandId", dalo_designated_by_state AS "daloDesignatedByState"
           FROM agenda_item WHERE meeting_id = $1 AND vacancy_id = $2 AND kind = 'CASE_REVIEW'`,
        [meeting.id, item.vacancyId],
      )) as { demandId: string; daloDesignatedByState: boolean }[];
      refuse(candidatesRefusal(candidates));
      const recorded = await this.decisionsFor(tx, meeting.id, item.vacancyId);
      if (recorded.some((decision) => decision.demandId === item.demandId)) {
        throw new ConflictError('This candidate already has a decision for this dwelling at this meeting.');
      }
      refuse(rankRefusal({ type: input.type, rank: input.rank ?? null }, recorded), 'rank');
      refuse(motiveRefusal(input.type, input.motiveCode ?? null, motive), 'motiveCode');
      refuse(conditionRefusal(input.type, input.condition ?? null, meeting.date), 'condition');
      const row = Object.assign(new CalDecisionEntity(), {
        id: randomUUID(),
        meetingId: meeting.id,
        demandId: item.demandId!,
        vacancyId: item.vacancyId,
        type: input.type,
        rank:
          input.type === CalDecisionType.ATTRIBUTION_RANKED
            ? input.rank!
            : input.type === CalDecisionType.NON_ATTRIBUTION || input.type === CalDecisionType.INELIGIBLE
              ? null
              : 1,
        // The stated motive: the words given, else the coded motive (the table requires one for refusals).
        motive: motive ?? input.motiveCode ?? null,
        motiveCode: input.motiveCode ?? null,
        conditionDocument: input.condition?.document.trim() ?? null,
        conditionDeadline: input.condition?.deadline ?? null,
        decidedOn: meeting.date,
        commune: item.commune!,
        qpv: item.qpv,
        territoryCodes: item.territoryCodes,
        agendaItemId: item.id,
        recordedBy: landlord.slug,
      });
      await tx.getRepository(CalDecisionEntity).insert(row);
      return row;
    });
  }

  answerOffer(viewer: Viewer, input: OfferAnswerInput): Promise<CalDecisionEntity> {
    const decisionId = requireUuid(input.calDecisionId, 'calDecisionId', 'a CAL decision');
    const motive = input.motive?.trim() || null;
    if (input.answer === OfferAnswer.REFUSED && !motive) {
      throw new BadUserInputError(
        'A refusal states its motive ("Sans réponse dans les 10 jours" for silence).',
        'motive',
      );
    }
    if (motive && motive.length > MAX_MOTIVE) {
      throw new BadUserInputError('A motive has at most 500 characters.', 'motive');
    }
    return this.db.transaction(async (tx) => {
      const decision = await tx.getRepository(CalDecisionEntity).findOneBy({ id: decisionId });
      // A decision the caller may not read answers as an absent one (CAL decisions are nominative).
      const scope = accessTo(viewer, 'CAL_DECISIONS');
      const readable =
        decision &&
        scope &&
        (scope === 'ALL' || decision.territoryCodes.some((code) => scope.territories.includes(code)));
      if (!decision || !readable) throw new NotFoundError('CalDecision', input.calDecisionId);
      const meeting = await lockMeeting(tx, decision.meetingId);
      const landlord = await requireCalLandlord(tx, viewer, meeting);
      if (input.answeredOn < decision.decidedOn || input.answeredOn > this.today()) {
        throw new BadUserInputError(
          `The answer comes between the decision (${decision.decidedOn}) and today (${this.today()}).`,
          'answeredOn',
        );
      }
      const statuses = await offerStatusesAround((sql, parameters) => tx.query(sql, parameters), [decision.id]);
      refuse(offerAnswerRefusal(decision.id, statuses));
      await tx.getRepository(OfferAnswerEntity).insert({
        calDecisionId: decision.id,
        answer: input.answer,
        motive,
        answeredOn: input.answeredOn,
        recordedBy: landlord.slug,
      });
      return decision;
    });
  }

  recordOccupancyOpinion(viewer: Viewer, agendaItemId: string, opinion: string): Promise<AgendaItemEntity> {
    const text = opinion.trim();
    if (!text || text.length > 2000) throw new BadUserInputError('An opinion has 1 to 2000 characters.', 'opinion');
    return this.db.transaction(async (tx) => {
      const { item, meeting } = await this.memberItem(tx, viewer, agendaItemId);
      if (item.kind !== AgendaItemKind.OCCUPANCY_REVIEW) {
        throw new BadUserInputError('Opinions are given on occupancy reviews.', 'agendaItemId');
      }
      await requireCalLandlord(tx, viewer, meeting);
      requireHeld(meeting);
      if (item.opinion) throw new ConflictError('The commission already gave its opinion on this review.');
      await tx.update(AgendaItemEntity, item.id, { opinion: text });
      return { ...item, opinion: text };
    });
  }

  /**
   * An agenda item, read after its meeting's lock (so a concurrent change is seen), for a member
   * of the body: case files are for members only, so to anyone else an item answers NOT_FOUND,
   * as an absent one does.
   */
  private async memberItem(tx: EntityManager, viewer: Viewer, agendaItemId: string) {
    const id = requireUuid(agendaItemId, 'agendaItemId', 'an agenda item');
    const [found] = (await tx.query(`SELECT meeting_id AS "meetingId" FROM agenda_item WHERE id = $1`, [id])) as {
      meetingId: string;
    }[];
    if (!found) throw new NotFoundError('AgendaItem', agendaItemId);
    const meeting = await lockMeeting(tx, found.meetingId);
    const seat = await seatIn(tx, viewer, meeting.bodyId);
    if (!seat.member && !seat.calLandlord) throw new NotFoundError('AgendaItem', agendaItemId);
    const item = await tx.getRepository(AgendaItemEntity).findOneByOrFail({ id });
    return { item, meeting };
  }

  private decisionsFor(tx: EntityManager, meetingId: string, vacancyId: string): Promise<RecordedDecision[]> {
    return tx.query(
      `SELECT id, demand_id AS "demandId", type, rank FROM cal_decision WHERE meeting_id = $1 AND vacancy_id = $2`,
      [meetingId, vacancyId],
    );
  }
}

function requireHeld(meeting: LockedMeeting) {
  if (meeting.status !== MeetingStatus.HELD) {
    throw new ConflictError('Decisions and opinions are recorded once the meeting is held (holdMeeting).');
  }
}

function refuse(refusal: string | null, field?: string) {
  if (!refusal) return;
  throw field ? new BadUserInputError(refusal, field) : new ConflictError(refusal);
}
