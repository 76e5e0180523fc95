import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { CalDecision } from '../cal-decision/cal-decision.type';
import type { GovernanceContext } from '../context';

/** The demands subgraph's `Demand`, as governance sees it: its key only, plus the fields governance adds. */
@Directive('@key(fields: "id")')
@ObjectType('Demand', {
  description:
    'A demand for social housing, owned by the demands subgraph; governance adds the CAL decisions about it.',
})
export class DemandReference {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the demand across all subgraphs.' })
  id: string;
}

/** Any `Demand` representation is a valid stub: whether the caller may see decisions is decided per decision. */
export const resolveDemandReference = (reference: { id: string }): DemandReference => ({ id: reference.id });

@Resolver(() => DemandReference)
export class DemandReferenceResolver {
  @FieldResolver(() => [CalDecision], {
    description:
      'CAL decisions about this demand (CCH R441-3), newest first: only those on your territories, and none for partners who do not read CAL decisions.',
  })
  calDecisions(
    @Root() demand: DemandReference,
    @Ctx() ctx: GovernanceContext,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description: 'How many decisions, 1 to 100 (default 20).',
    })
    first?: number,
  ) {
    return ctx.calDecisions.ofDemand(ctx.loaders, demand.id, first);
  }
}
