import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { AccompanimentContext } from '../context';
import { AccompaniedHousehold } from '../household/household.type';
import { Operator } from '../operator/operator.type';
import { DemandReference } from '../references/demand.reference';
import { Scheme } from '../scheme/scheme.type';
import { MeasureFilter } from './measure.inputs';
import type { MeasurePage } from './measure.service';
import { Measure, MeasureConnection } from './measure.type';

@Resolver(() => Measure)
export class MeasureResolver {
  @Query(() => MeasureConnection, {
    description:
      'Accompaniment measures you may read, newest prescription first, as a cursor connection: the State and the EPCI on their territories, an association those it operates; FORBIDDEN for other partners.',
  })
  measures(
    @Arg('filter', () => MeasureFilter, { nullable: true, description: 'Conditions the measures must meet.' })
    filter: MeasureFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
    first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
    })
    after: string | undefined,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return ctx.measures.list(ctx.viewer, filter ?? {}, first, after ?? undefined);
  }

  @Query(() => Measure, {
    nullable: true,
    description:
      'One measure by id; null when it does not exist or you may not read it (the two are not distinguished).',
  })
  measure(
    @Arg('id', () => ID, { description: 'The measure id (UUID).' }) id: string,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return ctx.measures.get(ctx.viewer, ctx.loaders, id);
  }

  @FieldResolver(() => Scheme, { description: 'The scheme delivered.' })
  scheme(@Root() measure: Measure, @Ctx() ctx: AccompanimentContext) {
    return ctx.schemes.byCode(ctx.loaders, measure.schemeCode);
  }

  @FieldResolver(() => Operator, { description: 'The operator delivering the measure.' })
  operator(@Root() measure: Measure, @Ctx() ctx: AccompanimentContext) {
    return ctx.operators.byId(ctx.loaders, measure.operatorId);
  }

  @FieldResolver(() => AccompaniedHousehold, {
    nullable: true,
    description:
      'The household accompanied. Nominative (logged when read): null with a FORBIDDEN error for analysts and auditors.',
  })
  household(@Root() measure: Measure, @Ctx() ctx: AccompanimentContext) {
    return ctx.loaders.householdById.load(measure.householdId);
  }

  @FieldResolver(() => DemandReference, {
    nullable: true,
    description:
      "The household's demand for social housing, when it has one (many accompanied households have none); its fields come from the demands subgraph, under its own access rules. Nominative (logged when read): null with a FORBIDDEN error for analysts and auditors.",
  })
  demand(@Root() measure: Measure): DemandReference | null {
    return measure.demandId ? { id: measure.demandId } : null;
  }
}

@Resolver(() => MeasureConnection)
export class MeasureConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of readable measures matching the filter, over all pages.' })
  totalCount(@Root() page: MeasurePage) {
    return page.count();
  }
}
