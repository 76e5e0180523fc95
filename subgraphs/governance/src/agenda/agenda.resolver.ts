import { classRefusal } from '@passerelle/shared/access';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CalDecision } from '../cal-decision/cal-decision.type';
import { toCalDecision } from '../cal-decision/cal-decision.mapper';
import type { GovernanceContext } from '../context';
import { Meeting } from '../meeting/meeting.type';
import { Partner } from '../partner/partner.type';
import { Recommendation } from '../recommendation/recommendation.type';
import { DemandReference } from '../references/demand.reference';
import { DwellingReference } from '../references/dwelling.reference';
import { VacancyReference } from '../references/vacancy.reference';
import { AgendaItemKind } from './agenda.enums';
import { nextOccupancyReview } from './agenda.rules';
import type { AgendaItemEntity } from './agenda-item.entity';
import { AgendaItem, Attendance } from './agenda.type';

/** Case files: only the body's members read them (need to know). */
const CASE_FILES: readonly AgendaItemKind[] = [AgendaItemKind.CASE_REVIEW, AgendaItemKind.OCCUPANCY_REVIEW];

export function toAgendaItem(row: AgendaItemEntity, meetingDate: string): AgendaItem {
  return {
    id: row.id,
    position: row.position,
    kind: row.kind,
    title: row.title,
    daloDesignatedByState: row.kind === AgendaItemKind.CASE_REVIEW ? row.daloDesignatedByState : null,
    commune: row.commune,
    occupancySituation: row.occupancySituation,
    opinion: row.opinion,
    nextOccupancyReview: row.kind === AgendaItemKind.OCCUPANCY_REVIEW ? nextOccupancyReview(meetingDate) : null,
    meetingId: row.meetingId,
    demandId: row.demandId,
    vacancyId: row.vacancyId,
    dwellingId: row.dwellingId,
    recommendationId: row.recommendationId,
  };
}

@Resolver(() => Meeting)
export class MeetingAgendaResolver {
  @FieldResolver(() => [AgendaItem], {
    description:
      'The agenda, in order. Case reviews and occupancy reviews are case files about one household, listed only for the members of the body who read nominative data (not an analyst or auditor member); others see the policy, reporting and follow-up items.',
  })
  async agenda(@Root() meeting: Meeting, @Ctx() ctx: GovernanceContext): Promise<AgendaItem[]> {
    const [items, membership] = await Promise.all([ctx.loaders.agendaOf.load(meeting.id), ctx.loaders.membership()]);
    // A case file is about one household: its title and links tell whom the body examined, so it is
    // for the members who may read nominative data (DOMAIN.md §1: never an analyst or the auditor).
    const readsCaseFiles =
      membership.memberOf.has(meeting.bodyId) && classRefusal(ctx.viewer, 'NOMINATIVE', 'Meeting.agenda') === null;
    return items
      .filter((item) => readsCaseFiles || !CASE_FILES.includes(item.kind))
      .map((item) => toAgendaItem(item, meeting.date));
  }

  @FieldResolver(() => [Attendance], { description: 'Who attended, as recorded by the chairs.' })
  attendance(@Root() meeting: Meeting, @Ctx() ctx: GovernanceContext) {
    return ctx.loaders.attendanceOf.load(meeting.id);
  }

  // Who reads them (the body's members) is the field policy's rule (`policy.ts`), checked before this runs.
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The minutes (procès-verbal) of a held meeting; null before they are recorded. Nominative (they may discuss the households examined): for the members of the body only, null with FORBIDDEN for other partners and for analysts and the auditor; each read is logged.',
  })
  minutes(@Root() meeting: Meeting): string | null {
    return meeting.minutes || null;
  }

  @FieldResolver(() => [Recommendation], {
    description:
      "The body's recommendations still open and due before this meeting's date: what the meeting should follow up.",
  })
  async overdueRecommendations(@Root() meeting: Meeting, @Ctx() ctx: GovernanceContext) {
    const rows = await ctx.loaders.overdueOf.load(`${meeting.bodyId}|${meeting.date}`);
    return rows.map((row) => ctx.recommendations.present(row));
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => Meeting, { description: 'The meeting whose agenda holds the item.' })
  meeting(@Root() item: AgendaItem, @Ctx() ctx: GovernanceContext) {
    return ctx.meetings.resolve(ctx.loaders, item.meetingId);
  }

  @FieldResolver(() => DemandReference, {
    nullable: true,
    description:
      'For a case review: the demand (resolved by the demands subgraph, which decides whether you read it). Nominative (names the household under review): null with FORBIDDEN for analysts and the auditor; each read is logged.',
  })
  demand(@Root() item: AgendaItem): DemandReference | null {
    return item.demandId ? { id: item.demandId } : null;
  }

  @FieldResolver(() => VacancyReference, {
    nullable: true,
    description: 'For a case review in a CAL: the vacancy the candidate is examined for (offers subgraph).',
  })
  vacancy(@Root() item: AgendaItem): VacancyReference | null {
    return item.vacancyId ? { id: item.vacancyId } : null;
  }

  @FieldResolver(() => DwellingReference, {
    nullable: true,
    description:
      'For an occupancy review: the dwelling (offers subgraph). Nominative (the home of the tenant household under review): null with FORBIDDEN for analysts and the auditor; each read is logged.',
  })
  dwelling(@Root() item: AgendaItem): DwellingReference | null {
    return item.dwellingId ? { id: item.dwellingId } : null;
  }

  @FieldResolver(() => Recommendation, {
    nullable: true,
    description: 'For a follow-up item: the recommendation followed up.',
  })
  async recommendation(@Root() item: AgendaItem, @Ctx() ctx: GovernanceContext) {
    return item.recommendationId ? ctx.recommendations.resolve(ctx.loaders, item.recommendationId) : null;
  }

  @FieldResolver(() => CalDecision, {
    nullable: true,
    description:
      'For a case review: the CAL’s decision, once recorded and if you read CAL decisions on its territory; null otherwise.',
  })
  async decision(@Root() item: AgendaItem, @Ctx() ctx: GovernanceContext) {
    const id = await ctx.loaders.decisionIdOfItem.load(item.id);
    const row = id ? await ctx.loaders.calDecisionById.load(id) : null;
    return row && toCalDecision(row);
  }
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @FieldResolver(() => Partner, { description: 'The member partner.' })
  partner(@Root() attendance: Attendance, @Ctx() ctx: GovernanceContext) {
    return ctx.partners.resolve(ctx.loaders, attendance.partnerId);
  }
}
