import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context';
import { DemandReference } from '../references/demand.type';
import { Proposal } from './proposal.type';

/** Contributes `Demand.proposals` to the demands subgraph's entity. */
@Resolver(() => DemandReference)
export class DemandProposalsResolver {
  @FieldResolver(() => [Proposal], {
    description:
      'The vacancies this demand was designated for as a candidate, each with its outcome so far, newest designation first. Only proposals on dwellings of communes you act for, if you are the State, the EPCI, a landlord or a reservation holder; empty otherwise.',
  })
  proposals(
    @Root() demand: DemandReference,
    @Ctx() ctx: OffersContext,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description: 'How many proposals, 1 to 100 (default 20).',
    })
    first?: number,
  ) {
    return ctx.proposals.ofDemand(ctx.loaders, demand.id, first);
  }
}
