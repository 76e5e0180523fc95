import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { AfterArg, FirstArg } from '../common/args';
import type { Page } from '@passerelle/shared/pagination';
import type { OffersContext } from '../context';
import { ReservationHolderFilter } from './reservation-holder.inputs';
import { ReservationHolder, ReservationHolderConnection } from './reservation-holder.type';

@Resolver(() => ReservationHolder)
export class ReservationHolderResolver {
  @Query(() => ReservationHolderConnection, {
    description: 'The reservation holders (réservataires) of the hub, by name, as a cursor connection.',
  })
  reservationHolders(
    @Arg('filter', () => ReservationHolderFilter, {
      nullable: true,
      description: 'Conditions the reservation holders must meet.',
    })
    filter: ReservationHolderFilter | undefined,
    @FirstArg('reservation holders') first: number | undefined,
    @AfterArg() after: string | undefined,
    @Ctx() ctx: OffersContext,
  ) {
    return ctx.reservationHolders.list(ctx.access, filter ?? {}, first, after ?? undefined);
  }
}

@Resolver(() => ReservationHolderConnection)
export class ReservationHolderConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of reservation holders matching the filter, over all pages.' })
  totalCount(@Root() page: Page<ReservationHolder>) {
    return page.count();
  }
}
