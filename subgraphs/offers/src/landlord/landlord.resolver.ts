import { Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { AfterArg, FirstArg } from '../common/args';
import type { Page } from '@passerelle/shared/pagination';
import type { OffersContext } from '../context';
import { Landlord, LandlordConnection } from './landlord.type';

@Resolver(() => Landlord)
export class LandlordResolver {
  @Query(() => LandlordConnection, { description: 'The social landlords of the hub, by name, as a cursor connection.' })
  landlords(
    @FirstArg('landlords') first: number | undefined,
    @AfterArg() after: string | undefined,
    @Ctx() ctx: OffersContext,
  ) {
    return ctx.landlords.list(ctx.access, first, after ?? undefined);
  }
}

@Resolver(() => LandlordConnection)
export class LandlordConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of landlords over all pages.' })
  totalCount(@Root() page: Page<Landlord>) {
    return page.count();
  }
}
