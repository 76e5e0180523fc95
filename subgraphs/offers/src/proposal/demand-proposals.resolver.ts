import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context';
import { DemandReference } from '../references/demand.type';
import { Proposal } from './proposal.type';

/** Contributes `Demand.proposals` to the demands subgraph's entity. */
@Resolver(() => DemandReference)
export class DemandProposalsResolver {
  @FieldResolver(() => [Proposal], {
    description:
      'The vacancies this demand was designated for as a candidate, each with its outcome so far, newest designation first. Filtered to the proposals you read: on the communes you act for (the State, the EPCI), on your own stock (a landlord), your own designations (a reservation holder); empty for other partners. Nominative (the household’s candidacies): each non-empty read is logged.',
  })
  async proposals(
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
