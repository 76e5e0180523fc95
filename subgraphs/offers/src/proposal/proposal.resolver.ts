import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context';
import { ReservationHolder } from '../reservation-holder/reservation-holder.type';
import { Vacancy } from '../vacancy/vacancy.type';
import { Proposal } from './proposal.type';

@Resolver(() => Proposal)
export class ProposalResolver {
  @FieldResolver(() => Vacancy, {
    nullable: true,
    description:
      'The vacancy the demand was designated for; null for a reservation holder once the vacancy was oriented to another holder (it keeps its own designations, not the vacancy).',
  })
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
