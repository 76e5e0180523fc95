import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { AccompanimentContext } from '../context';
import { Operator } from '../operator/operator.type';
import { DEFAULT_DIAGNOSTIC_WAIT_DAYS } from './watch.service';
import { MeasureAlertFilter, WaitingListFilter } from './watch.inputs';
import { MeasureAlertConnection, MeasureWaitingList, OperatorCapacity } from './watch.type';

const firstArg = { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' };
const afterArg = { nullable: true, description: 'Cursor after which the page starts (`pageInfo.endCursor`).' };

/** The waiting list and the alerts: thin adapters over `WatchService`. */
@Resolver()
export class WatchResolver {
  @Query(() => MeasureWaitingList, {
    description:
      'The waiting list: prescribed measures not started yet (PRESCRIBED or DIAGNOSTIC), oldest prescription first, as a cursor connection. Nominative, readable as measures are: the State and the EPCI on their territories, an association those it operates; FORBIDDEN for other partners.',
  })
  measureWaitingList(
    @Arg('filter', () => WaitingListFilter, { nullable: true, description: 'Scheme and territory of the list.' })
    filter: WaitingListFilter | undefined,
    @Arg('first', () => Int, firstArg) first: number | undefined,
    @Arg('after', () => String, afterArg) after: string | undefined,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return ctx.watch.waitingList(ctx.viewer, filter ?? {}, first, after ?? undefined);
  }

  @Query(() => MeasureAlertConnection, {
    description:
      'Alerts on the measures you may read (ENDING_SOON, OVER_12_MONTHS, DIAGNOSTIC_WAITING), most urgent (earliest `dueOn`) first, as a cursor connection; FORBIDDEN for partners who read no measure.',
  })
  measureAlerts(
    @Arg('filter', () => MeasureAlertFilter, { nullable: true, description: 'Kinds and territory of the alerts.' })
    filter: MeasureAlertFilter | undefined,
    @Arg('diagnosticWaitDays', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_DIAGNOSTIC_WAIT_DAYS,
      description: `DIAGNOSTIC_WAITING: days a prescription may wait for its diagnostic (1 to 365, default ${DEFAULT_DIAGNOSTIC_WAIT_DAYS}).`,
    })
    diagnosticWaitDays: number | undefined,
    @Arg('first', () => Int, firstArg) first: number | undefined,
    @Arg('after', () => String, afterArg) after: string | undefined,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return ctx.watch.alerts(ctx.viewer, ctx.loaders, {
      filter: filter ?? {},
      diagnosticWaitDays: diagnosticWaitDays ?? DEFAULT_DIAGNOSTIC_WAIT_DAYS,
      first,
      after: after ?? undefined,
      today: ctx.today(),
    });
  }
}

/** Contributes `Operator.capacity`, batched across the operators of a request. */
@Resolver(() => Operator)
export class OperatorCapacityResolver {
  @FieldResolver(() => OperatorCapacity, {
    nullable: true,
    description:
      "The operator's capacity against its measures today (counts, no names). Statistics, for any partner: null with a FORBIDDEN error for anonymous callers.",
  })
  capacity(@Root() operator: Operator, @Ctx() ctx: AccompanimentContext) {
    return ctx.watch.capacity(ctx.loaders, operator.id);
  }
}
