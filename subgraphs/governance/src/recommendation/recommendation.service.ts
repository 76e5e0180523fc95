import { randomUUID } from 'node:crypto';
import { isCalendarDate, parisDate, type CalendarDate } from '@passerelle/shared/dates';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import type { Viewer } from '@passerelle/shared/identity';
import { decodeKeyCursor, pageSize, toPage, type Page } from '@passerelle/shared/pagination';
import { isUuid, requireUuid } from '@passerelle/shared/validation';
import type { DataSource } from 'typeorm';
import type { Clock } from '@passerelle/shared/dates';
import { MeetingStatus } from '../meeting/meeting.enums';
import { requireAccessTo } from '../policy';
import { lockMeeting, requireChair, seatIn } from '../seats';
import { RecommendationEntity, RecommendationFollowUpEntity } from './recommendation.entity';
import { RecommendationScopeKind, RecommendationStatus } from './recommendation.enums';
import type {
  IssueRecommendationInput,
  RecommendationFilter,
  RecommendationFollowUpInput,
} from './recommendation.inputs';
import type { RecommendationLoaders } from './recommendation.loaders';
import type { RecommendationPosition, RecommendationRepository } from './recommendation.repository';
import { followUpRefusal, isOverdue } from './recommendation.rules';
import type { Recommendation } from './recommendation.type';

/** Recommendations: read by every partner who reads bodies; issued and followed up by the body's chairs. */
export class RecommendationService {
  constructor(
    private readonly db: DataSource,
    private readonly recommendations: RecommendationRepository,
    private readonly now: Clock,
  ) {}

  today(): CalendarDate {
    return parisDate(this.now());
  }

  present(row: RecommendationEntity): Recommendation {
    return {
      id: row.id,
      title: row.title,
      text: row.text,
      scopeKind: row.scopeKind,
      scopeValue: row.scopeValue,
      binding: row.binding,
      issuedOn: row.issuedOn,
      dueOn: row.dueOn,
      status: row.status,
      overdue: isOverdue(row, this.today()),
      bodyId: row.bodyId,
      issuedAtMeetingId: row.issuedAtMeetingId,
      ownerPartnerId: row.ownerPartnerId,
    };
  }

  async get(viewer: Viewer, loaders: RecommendationLoaders, id: string): Promise<Recommendation | null> {
    requireAccessTo(viewer, 'BODIES');
    const row = await loaders.recommendationById.load(requireUuid(id, 'id', 'a recommendation'));
    return row && this.present(row);
  }

  async resolve(loaders: RecommendationLoaders, id: string): Promise<Recommendation | null> {
    if (!isUuid(id)) return null;
    const row = await loaders.recommendationById.load(id.toLowerCase());
    return row && this.present(row);
  }

  async list(
    viewer: Viewer,
    filter: RecommendationFilter,
    first: number | undefined,
    after: string | undefined,
  ): Promise<Page<Recommendation>> {
    requireAccessTo(viewer, 'BODIES');
    const criteria = {
      bodyId: filter.bodyId ? requireUuid(filter.bodyId, 'filter.bodyId', 'a body') : undefined,
      status: filter.status,
      overdueOn: filter.overdueOn,
    };
    const limit = pageSize(first);
    const position = decodeKeyCursor(after, [isCalendarDate]) as RecommendationPosition | undefined;
    const rows = await this.recommendations.page(criteria, position, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => [row.dueOn, row.id],
      (row) => this.present(row),
      () => this.recommendations.count(criteria),
    );
  }

  issue(viewer: Viewer, input: IssueRecommendationInput): Promise<RecommendationEntity> {
    const title = input.title.trim();
    const text = input.text.trim();
    const scopeValue = input.scopeValue.trim();
    if (!title || title.length > 300) throw new BadUserInputError('Give a title of 1 to 300 characters.', 'title');
    if (!text || text.length > 5000) throw new BadUserInputError('Give a text of 1 to 5000 characters.', 'text');
    if (!scopeValue || scopeValue.length > 300) throw new BadUserInputError('Say what it applies to.', 'scopeValue');
    if (
      input.scopeKind === RecommendationScopeKind.COMMUNE &&
      officialGeography.find(scopeValue)?.level !== 'COMMUNE'
    ) {
      throw new BadUserInputError(`"${scopeValue}" is not an INSEE commune code of the geography.`, 'scopeValue');
    }
    return this.db.transaction(async (tx) => {
      const meeting = await lockMeeting(tx, input.meetingId);
      await requireChair(tx, viewer, meeting.bodyId);
      if (meeting.status !== MeetingStatus.HELD) {
        throw new ConflictError('A recommendation is issued at a held meeting.');
      }
      if (!isCalendarDate(input.dueOn) || input.dueOn < meeting.date) {
        throw new BadUserInputError(`The due date comes on or after the meeting (${meeting.date}).`, 'dueOn');
      }
      const [owner] = (await tx.query(`SELECT id FROM partner WHERE slug = $1`, [input.owner])) as { id: string }[];
      if (!owner) throw new BadUserInputError(`No partner is named "${input.owner}".`, 'owner');
      const row = Object.assign(new RecommendationEntity(), {
        id: randomUUID(),
        bodyId: meeting.bodyId,
        issuedAtMeetingId: meeting.id,
        issuedOn: meeting.date,
        title,
        text,
        scopeKind: input.scopeKind,
        scopeValue,
        binding: input.binding,
        ownerPartnerId: owner.id,
        dueOn: input.dueOn,
        status: RecommendationStatus.OPEN,
        version: 1,
      });
      await tx.getRepository(RecommendationEntity).insert(row);
      return row;
    });
  }

  followUp(viewer: Viewer, input: RecommendationFollowUpInput): Promise<RecommendationEntity> {
    const note = input.note.trim();
    if (!note || note.length > 2000) throw new BadUserInputError('Give a note of 1 to 2000 characters.', 'note');
    const id = requireUuid(input.recommendationId, 'recommendationId', 'a recommendation');
    return this.db.transaction(async (tx) => {
      const meeting = await lockMeeting(tx, input.meetingId);
      const recommendation = await tx
        .getRepository(RecommendationEntity)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :id', { id })
        .getOne();
      if (!recommendation) throw new NotFoundError('Recommendation', input.recommendationId);
      const seat = await seatIn(tx, viewer, recommendation.bodyId);
      if (!seat.chair && !seat.calLandlord && seat.partnerId !== recommendation.ownerPartnerId) {
        throw new ForbiddenError('A recommendation is followed up by its body’s chairs or its owner.');
      }
      const refusal = followUpRefusal(recommendation, {
        bodyId: meeting.bodyId,
        date: meeting.date,
        held: meeting.status === MeetingStatus.HELD,
      });
      if (refusal) throw new ConflictError(refusal);
      await tx.getRepository(RecommendationFollowUpEntity).insert({
        id: randomUUID(),
        recommendationId: recommendation.id,
        meetingId: meeting.id,
        status: input.status,
        note,
        recordedOn: meeting.date,
        recordedBy: seat.slug,
      });
      await tx.update(RecommendationEntity, recommendation.id, {
        status: input.status,
        version: recommendation.version + 1,
      });
      return { ...recommendation, status: input.status, version: recommendation.version + 1 };
    });
  }
}
