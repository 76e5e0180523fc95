import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Page } from '@passerelle/shared/pagination';
import type { GovernanceContext } from '../context';
import { Meeting } from '../meeting/meeting.type';
import { DemandReference } from '../references/demand.reference';
import { VacancyReference } from '../references/vacancy.reference';
import { Territory } from '../territory/territory.type';
import { CalDecisionFilter } from './cal-decision.inputs';
import { CalDecision, CalDecisionConnection, NOMINATIVE } from './cal-decision.type';

@Resolver(() => CalDecision)
export class CalDecisionResolver {
  @Query(() => CalDecision, {
    nullable: true,
    description:
      'One CAL decision by id; null when it does not exist or concerns a dwelling outside your territories (the two are not distinguished). For the State, the EPCI, landlords and reservation holders only.',
  })
  calDecision(
    @Arg('id', () => ID, { description: 'The decision id (UUID).' }) id: string,
    @Ctx() ctx: GovernanceContext,
  ) {
    return ctx.calDecisions.get(ctx.viewer, ctx.loaders, id);
  }

  @Query(() => CalDecisionConnection, {
    description:
      'CAL decisions about dwellings on your territories, newest first, as a cursor connection. For the State, the EPCI, landlords and reservation holders only.',
  })
  calDecisions(
    @Arg('filter', () => CalDecisionFilter, { nullable: true, description: 'Conditions the decisions must meet.' })
    filter: CalDecisionFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
    first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
    })
    after: string | undefined,
    @Ctx() ctx: GovernanceContext,
  ) {
    return ctx.calDecisions.list(ctx.viewer, filter ?? {}, first, after ?? undefined);
  }

  @FieldResolver(() => Meeting, { description: 'The CAL meeting where the decision was taken.' })
  meeting(@Root() decision: CalDecision, @Ctx() ctx: GovernanceContext) {
    return ctx.meetings.resolve(ctx.loaders, decision.meetingId);
  }

  @FieldResolver(() => DemandReference, {
    nullable: true,
    description: `The candidate: the demand the decision is about, resolved by the demands subgraph; null when its register does not let you read that demand. ${NOMINATIVE}`,
  })
  demand(@Root() decision: CalDecision): DemandReference {
    return { id: decision.demandId };
  }

  @FieldResolver(() => VacancyReference, {
    description: 'The vacancy (dwelling to let) the candidate was examined for.',
  })
  vacancy(@Root() decision: CalDecision): VacancyReference {
    return { id: decision.vacancyId };
  }

  @FieldResolver(() => Territory, {
    nullable: true,
    description: 'The commune of the dwelling, recorded with the decision; it decides who may read the decision.',
  })
  commune(@Root() decision: CalDecision, @Ctx() ctx: GovernanceContext) {
    return ctx.territories.resolve(decision.communeCode);
  }
}

@Resolver(() => CalDecisionConnection)
export class CalDecisionConnectionResolver {
  @FieldResolver(() => Int, {
    description: 'Number of decisions matching the filter on your territories, over all pages.',
  })
  totalCount(@Root() page: Page<CalDecision>) {
    return page.count();
  }
}
