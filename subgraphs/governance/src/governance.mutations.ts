import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { toAgendaItem } from './agenda/agenda.resolver';
import { AgendaItem } from './agenda/agenda.type';
import { CalDecisionInput, OfferAnswerInput } from './cal-decision/cal-decision-recording.inputs';
import { toCalDecision } from './cal-decision/cal-decision.mapper';
import { CalDecision } from './cal-decision/cal-decision.type';
import type { GovernanceContext } from './context';
import { AgendaItemInput, AttendanceInput, PlanMeetingInput } from './meeting/meeting-lifecycle.inputs';
import { toMeeting } from './meeting/meeting.mapper';
import { Meeting } from './meeting/meeting.type';
import { IssueRecommendationInput, RecommendationFollowUpInput } from './recommendation/recommendation.inputs';
import { Recommendation } from './recommendation/recommendation.type';

const meetingArg = { description: 'The meeting id (UUID).' };
const versionArg = {
  description: 'The `version` of the meeting you read: if it changed since, nothing is changed and a CONFLICT says so.',
};

/** Governance's mutations: thin adapters over the meeting, decision and recommendation services. */
@Resolver()
export class GovernanceMutationResolver {
  @Mutation(() => Meeting, { description: 'Plans a meeting of a body you chair (today or later).' })
  async planMeeting(
    @Arg('meeting', () => PlanMeetingInput, { description: 'The meeting.' }) input: PlanMeetingInput,
    @Ctx() ctx: GovernanceContext,
  ) {
    return toMeeting(await ctx.meetingLifecycle.plan(ctx.viewer, input));
  }

  @Mutation(() => AgendaItem, {
    description:
      'Adds an item at the end of a planned meeting’s agenda (the body’s chairs). A CAL examines at least three candidates per dwelling unless one is a DALO household designated by the State: decisions check it.',
  })
  async addAgendaItem(
    @Arg('meetingId', () => ID, meetingArg) meetingId: string,
    @Arg('item', () => AgendaItemInput, { description: 'The item.' }) item: AgendaItemInput,
    @Ctx() ctx: GovernanceContext,
  ) {
    const row = await ctx.meetingLifecycle.addAgendaItem(ctx.viewer, meetingId, item);
    const meeting = await ctx.meetings.resolve(ctx.loaders, row.meetingId);
    return toAgendaItem(row, meeting!.date);
  }

  @Mutation(() => Meeting, { description: 'Records who attended (the body’s chairs); entries replace earlier ones.' })
  async recordAttendance(
    @Arg('meetingId', () => ID, meetingArg) meetingId: string,
    @Arg('entries', () => [AttendanceInput], { description: 'Member partners and whether they attended.' })
    entries: AttendanceInput[],
    @Ctx() ctx: GovernanceContext,
  ) {
    return toMeeting(await ctx.meetingLifecycle.recordAttendance(ctx.viewer, meetingId, entries));
  }

  @Mutation(() => Meeting, {
    description:
      'Marks a planned meeting as held (on or after its date, with the quorum where the body has one), with its minutes.',
  })
  async holdMeeting(
    @Arg('meetingId', () => ID, meetingArg) meetingId: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('minutes', () => String, { nullable: true, description: 'The minutes, if ready (members read them).' })
    minutes: string | undefined,
    @Ctx() ctx: GovernanceContext,
  ) {
    return toMeeting(await ctx.meetingLifecycle.hold(ctx.viewer, meetingId, expectedVersion, minutes));
  }

  @Mutation(() => Meeting, { description: 'Cancels a planned meeting, with the reason.' })
  async cancelMeeting(
    @Arg('meetingId', () => ID, meetingArg) meetingId: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('reason', () => String, { description: 'Why, 1 to 500 characters.' }) reason: string,
    @Ctx() ctx: GovernanceContext,
  ) {
    return toMeeting(await ctx.meetingLifecycle.cancel(ctx.viewer, meetingId, expectedVersion, reason));
  }

  @Mutation(() => Meeting, { description: 'Records or corrects the minutes of a held meeting.' })
  async recordMinutes(
    @Arg('meetingId', () => ID, meetingArg) meetingId: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('minutes', () => String, { description: 'The minutes, 1 to 20 000 characters.' }) minutes: string,
    @Ctx() ctx: GovernanceContext,
  ) {
    return toMeeting(await ctx.meetingLifecycle.recordMinutes(ctx.viewer, meetingId, expectedVersion, minutes));
  }

  @Mutation(() => CalDecision, {
    description:
      'Records what a held CAL decided for the candidate of a case review (the CAL’s landlord), under the rules of CCH R441-3. The demand’s registration service records the matching CAL_DECISION event in the demands timeline (`recordDemandEvent`).',
  })
  async recordCalDecision(
    @Arg('decision', () => CalDecisionInput, { description: 'The decision.' }) input: CalDecisionInput,
    @Ctx() ctx: GovernanceContext,
  ) {
    return toCalDecision(await ctx.calRecording.record(ctx.viewer, input));
  }

  @Mutation(() => CalDecision, {
    description:
      'Records the candidate’s answer to the offer (the CAL’s landlord): only the candidate holding the offer answers; a refusal passes it to the next rank.',
  })
  async recordOfferAnswer(
    @Arg('answer', () => OfferAnswerInput, { description: 'The answer.' }) input: OfferAnswerInput,
    @Ctx() ctx: GovernanceContext,
  ) {
    return toCalDecision(await ctx.calRecording.answerOffer(ctx.viewer, input));
  }

  @Mutation(() => AgendaItem, {
    description: 'Records the CALEOL’s opinion on an occupancy review (the CAL’s landlord).',
  })
  async recordOccupancyOpinion(
    @Arg('agendaItemId', () => ID, { description: 'The occupancy review.' }) agendaItemId: string,
    @Arg('opinion', () => String, { description: 'The opinion, 1 to 2000 characters.' }) opinion: string,
    @Ctx() ctx: GovernanceContext,
  ) {
    const row = await ctx.calRecording.recordOccupancyOpinion(ctx.viewer, agendaItemId, opinion);
    const meeting = await ctx.meetings.resolve(ctx.loaders, row.meetingId);
    return toAgendaItem(row, meeting!.date);
  }

  @Mutation(() => Recommendation, { description: 'Issues a recommendation at a held meeting of a body you chair.' })
  async issueRecommendation(
    @Arg('recommendation', () => IssueRecommendationInput, { description: 'The recommendation.' })
    input: IssueRecommendationInput,
    @Ctx() ctx: GovernanceContext,
  ) {
    return ctx.recommendations.present(await ctx.recommendations.issue(ctx.viewer, input));
  }

  @Mutation(() => Recommendation, {
    description: 'Reports a recommendation’s status at a later held meeting of its body (its chairs or its owner).',
  })
  async followUpRecommendation(
    @Arg('followUp', () => RecommendationFollowUpInput, { description: 'The follow-up.' })
    input: RecommendationFollowUpInput,
    @Ctx() ctx: GovernanceContext,
  ) {
    return ctx.recommendations.present(await ctx.recommendations.followUp(ctx.viewer, input));
  }
}
