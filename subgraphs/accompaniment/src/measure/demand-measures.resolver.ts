import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { AccompanimentContext } from '../context';
import { DemandReference } from '../references/demand.reference';
import { Measure } from './measure.type';

/** Contributes `Demand.measures`, batched across the parent demands of a request. */
@Resolver(() => DemandReference)
export class DemandMeasuresResolver {
  @FieldResolver(() => [Measure], {
    description:
      "Accompaniment measures of the demand's household, newest prescription first. Nominative (logged when read): only those you may read — the State and the EPCI on their territories, an association those it operates — empty for other partners.",
  })
  measures(
    @Root() demand: DemandReference,
    @Ctx() ctx: AccompanimentContext,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description: 'How many measures, 1 to 100 (default 20).',
    })
    first?: number,
  ) {
    return ctx.measures.ofDemand(ctx.loaders, demand.id, first);
  }
}
