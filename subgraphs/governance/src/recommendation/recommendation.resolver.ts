import type { Page } from '@passerelle/shared/pagination';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Body } from '../body/body.type';
import type { GovernanceContext } from '../context';
import { Meeting } from '../meeting/meeting.type';
import { Partner } from '../partner/partner.type';
import { RecommendationStatus } from './recommendation.enums';
import { RecommendationFilter } from './recommendation.inputs';
import { Recommendation, RecommendationConnection, RecommendationFollowUp } from './recommendation.type';

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Query(() => Recommendation, { nullable: true, description: 'One recommendation by id; null when there is none.' })
  recommendation(
    @Arg('id', () => ID, { description: 'The recommendation id (UUID).' }) id: string,
    @Ctx() ctx: GovernanceContext,
  ) {
    return ctx.recommendations.get(ctx.viewer, ctx.loaders, id);
  }

  @Query(() => RecommendationConnection, {
    description: 'Recommendations of the governance bodies, earliest due first. Any partner may read them.',
  })
  recommendations(
    @Arg('filter', () => RecommendationFilter, { nullable: true, description: 'Conditions they must meet.' })
    filter: RecommendationFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
    first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
    })
    after: string | undefined,
    @Ctx() ctx: GovernanceContext,
  ) {
    return ctx.recommendations.list(ctx.viewer, filter ?? {}, first, after ?? undefined);
  }

  @FieldResolver(() => Body, { description: 'The body that issued it.' })
  body(@Root() recommendation: Recommendation, @Ctx() ctx: GovernanceContext) {
    return ctx.bodies.resolve(ctx.loaders, recommendation.bodyId);
  }

  @FieldResolver(() => Meeting, { description: 'The meeting that issued it.' })
  issuedAt(@Root() recommendation: Recommendation, @Ctx() ctx: GovernanceContext) {
    return ctx.meetings.resolve(ctx.loaders, recommendation.issuedAtMeetingId);
  }

  @FieldResolver(() => Partner, { description: 'The partner in charge of it.' })
  owner(@Root() recommendation: Recommendation, @Ctx() ctx: GovernanceContext) {
    return ctx.partners.resolve(ctx.loaders, recommendation.ownerPartnerId);
  }

  @FieldResolver(() => [RecommendationFollowUp], { description: 'Its follow-ups at later meetings, oldest first.' })
  followUps(@Root() recommendation: Recommendation, @Ctx() ctx: GovernanceContext) {
    return ctx.loaders.followUpsOf.load(recommendation.id);
  }
}

@Resolver(() => RecommendationFollowUp)
export class RecommendationFollowUpResolver {
  @FieldResolver(() => Meeting, { description: 'The meeting where it was reported.' })
  meeting(@Root() followUp: RecommendationFollowUp, @Ctx() ctx: GovernanceContext) {
    return ctx.meetings.resolve(ctx.loaders, followUp.meetingId);
  }
}

@Resolver(() => Body)
export class BodyRecommendationsResolver {
  @FieldResolver(() => RecommendationConnection, {
    description: 'The recommendations this body issued, earliest due first.',
  })
  recommendations(
    @Root() body: Body,
    @Ctx() ctx: GovernanceContext,
    @Arg('status', () => RecommendationStatus, { nullable: true, description: 'Only those with this status.' })
    status: RecommendationStatus | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
    first: number | undefined,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts.' })
    after: string | undefined,
  ) {
    return ctx.recommendations.list(ctx.viewer, { bodyId: body.id, status }, first, after ?? undefined);
  }
}

@Resolver(() => RecommendationConnection)
export class RecommendationConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of recommendations matching, over all pages.' })
  totalCount(@Root() page: Page<Recommendation>) {
    return page.count();
  }
}

/** Federation: `Recommendation` representations resolve through the request's loader. */
export const resolveRecommendationReference = (reference: { id: string }, ctx: GovernanceContext) =>
  ctx.recommendations.resolve(ctx.loaders, reference.id);
