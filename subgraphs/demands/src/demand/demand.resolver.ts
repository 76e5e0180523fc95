import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { DemandsContext } from '../context';
import { DemandEvent } from '../demand-event/demand-event.type';
import { DemandFilter } from './demand.inputs';
import type { DemandPage } from './demand.service';
import { Demand, DemandConnection } from './demand.type';
import { pageSize } from '@passerelle/shared/pagination';

@Resolver(() => Demand)
export class DemandResolver {
  @Query(() => Demand, {
    nullable: true,
    description:
      'One demand by id; null when it does not exist or lies outside your territories (the two are not distinguished).',
  })
  demand(@Arg('id', () => ID, { description: 'The demand id (UUID).' }) id: string, @Ctx() ctx: DemandsContext) {
    return ctx.demands.get(ctx.viewer, ctx.loaders, id);
  }

  @Query(() => DemandConnection, {
    description: 'Demands on your territories, newest filing first, as a cursor connection.',
  })
  demands(
    @Arg('filter', () => DemandFilter, { nullable: true, description: 'Conditions the demands must meet.' })
    filter: DemandFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
    first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
    })
    after: string | undefined,
    @Ctx() ctx: DemandsContext,
  ) {
    return ctx.demands.list(ctx.viewer, filter ?? {}, first, after ?? undefined);
  }

  @FieldResolver(() => String, {
    description:
      'A pseudonym of the NUR proper to your partner: stable (the same demand always gets the same one for you), different for every partner, and irreversible. Analysts follow demands by it instead of the NUR.',
  })
  pseudonym(@Root() demand: Demand, @Ctx() ctx: DemandsContext): string {
    return ctx.pseudonym(demand.nur);
  }

  @FieldResolver(() => [DemandEvent], { description: "The demand's dated events, newest first." })
  async events(
    @Root() demand: Demand,
    @Ctx() ctx: DemandsContext,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description: 'How many events, 1 to 100 (default 20).',
    })
    first?: number,
  ) {
    return ctx.loaders.eventsOf(pageSize(first)).load(demand.id);
  }

  @FieldResolver(() => [DemandEvent], {
    description:
      'The applicant’s "where is my demand" view: the dated processing events (CCH R441-2-15) in the order they happened, oldest first.',
  })
  async timeline(
    @Root() demand: Demand,
    @Ctx() ctx: DemandsContext,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 100,
      description: 'How many events from the start, 1 to 100 (default 100).',
    })
    first?: number,
  ) {
    return ctx.loaders.timelineOf(pageSize(first)).load(demand.id);
  }
}

@Resolver(() => DemandConnection)
export class DemandConnectionResolver {
  @FieldResolver(() => Int, {
    description: 'Number of demands matching the filter on your territories, over all pages.',
  })
  totalCount(@Root() page: DemandPage) {
    return page.count();
  }
}
