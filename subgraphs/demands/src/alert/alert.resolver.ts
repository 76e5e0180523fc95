import { LocalDateResolver } from '@passerelle/shared/scalars';
import type { Page } from '@passerelle/shared/pagination';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { DemandsContext } from '../context';
import { DemandAlertFilter } from './alert.inputs';
import { DemandAlertConnection, type DemandAlert } from './alert.type';

@Resolver(() => DemandAlertConnection)
export class DemandAlertResolver {
  @Query(() => DemandAlertConnection, {
    description:
      'The follow-up alerts on the demands you read (renewal due, no designation, DAL exceeded, DALO deadline reached), most urgent first.',
  })
  demandAlerts(
    @Arg('filter', () => DemandAlertFilter, { nullable: true, description: 'Kinds and territory to keep.' })
    filter: DemandAlertFilter | undefined,
    @Arg('asOf', () => LocalDateResolver, {
      nullable: true,
      description: 'The day the alerts are computed for (default today in Paris): a later day shows what is coming.',
    })
    asOf: string | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
    first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
    })
    after: string | undefined,
    @Ctx() ctx: DemandsContext,
  ) {
    return ctx.alerts.list(ctx.viewer, ctx.loaders, filter ?? {}, asOf ?? ctx.today(), first, after ?? undefined);
  }

  @FieldResolver(() => Int, { description: 'Number of alerts matching, over all pages.' })
  totalCount(@Root() page: Page<DemandAlert>) {
    return page.count();
  }
}
