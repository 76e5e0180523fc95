import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context';
import { ReservationHolder } from '../reservation-holder/reservation-holder.type';
import { Vacancy } from '../vacancy/vacancy.type';
import { Proposal } from './proposal.type';

@Resolver(() => Proposal)
export class ProposalResolver {
  @FieldResolver(() => Vacancy, { description: 'The vacancy the demand was designated for.' })
  vacancy(@Root() proposal: Proposal, @Ctx() ctx: OffersContext) {
    return ctx.vacancies.byId(ctx.access, ctx.loaders, proposal.vacancyId);
  }

  @FieldResolver(() => ReservationHolder, {
    description: 'The reservation holder that designated the candidate (the landlord itself for its own dwellings).',
  })
  designatedBy(@Root() proposal: Proposal, @Ctx() ctx: OffersContext) {
    return ctx.reservationHolders.byId(ctx.access, ctx.loaders, proposal.designatedById);
  }
}
