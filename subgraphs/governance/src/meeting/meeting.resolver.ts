import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Body } from '../body/body.type';
import { CalDecision } from '../cal-decision/cal-decision.type';
import type { Page } from '@passerelle/shared/pagination';
import type { GovernanceContext } from '../context';
import { MeetingFilter } from './meeting.inputs';
import { Meeting, MeetingConnection } from './meeting.type';

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { nullable: true, description: 'One meeting by id; null when there is none.' })
  meeting(@Arg('id', () => ID, { description: 'The meeting id (UUID).' }) id: string, @Ctx() ctx: GovernanceContext) {
    return ctx.meetings.get(ctx.viewer, ctx.loaders, id);
  }

  @Query(() => MeetingConnection, {
    description: 'Meetings of the governance bodies, newest first, as a cursor connection. Any partner may read it.',
  })
  meetings(
    @Arg('filter', () => MeetingFilter, { nullable: true, description: 'Conditions the meetings must meet.' })
    filter: MeetingFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
    first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
    })
    after: string | undefined,
    @Ctx() ctx: GovernanceContext,
  ) {
    return ctx.meetings.list(ctx.viewer, filter ?? {}, first, after ?? undefined);
  }

  @FieldResolver(() => Body, { description: 'The body that meets.' })
  body(@Root() meeting: Meeting, @Ctx() ctx: GovernanceContext) {
    return ctx.bodies.resolve(ctx.loaders, meeting.bodyId);
  }

  @FieldResolver(() => [CalDecision], {
    description:
      'For a CAL meeting: the decisions taken, newest first, only those on your territories (CAL decisions are nominative); empty for other bodies and for partners who do not read CAL decisions.',
  })
  calDecisions(
    @Root() meeting: Meeting,
    @Ctx() ctx: GovernanceContext,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description: 'How many decisions, 1 to 100 (default 20).',
    })
    first?: number,
  ) {
    return ctx.calDecisions.ofMeeting(ctx.loaders, meeting.id, first);
  }
}

@Resolver(() => MeetingConnection)
export class MeetingConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of meetings matching the filter, over all pages.' })
  totalCount(@Root() page: Page<Meeting>) {
    return page.count();
  }
}
