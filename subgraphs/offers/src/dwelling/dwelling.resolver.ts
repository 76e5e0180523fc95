import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AfterArg, FirstArg } from '../common/args';
import type { Page } from '@passerelle/shared/pagination';
import type { OffersContext } from '../context';
import { Landlord } from '../landlord/landlord.type';
import { DwellingFilter } from './dwelling.inputs';
import { Dwelling, DwellingConnection } from './dwelling.type';

@Resolver(() => Dwelling)
export class DwellingResolver {
  @Query(() => Dwelling, { nullable: true, description: 'One dwelling by id; null when there is none.' })
  dwelling(@Arg('id', () => ID, { description: 'The dwelling id (UUID).' }) id: string, @Ctx() ctx: OffersContext) {
    return ctx.dwellings.get(ctx.access, ctx.loaders, id);
  }

  @Query(() => DwellingConnection, {
    description: 'The social dwellings of the hub, by RPLS identifier, as a cursor connection.',
  })
  dwellings(
    @Arg('filter', () => DwellingFilter, { nullable: true, description: 'Conditions the dwellings must meet.' })
    filter: DwellingFilter | undefined,
    @FirstArg('dwellings') first: number | undefined,
    @AfterArg() after: string | undefined,
    @Ctx() ctx: OffersContext,
  ) {
    return ctx.dwellings.list(ctx.access, filter ?? {}, first, after ?? undefined);
  }

  @FieldResolver(() => Landlord, { description: 'The landlord that owns and lets the dwelling.' })
  async landlord(@Root() dwelling: Dwelling, @Ctx() ctx: OffersContext) {
    return ctx.landlords.byId(ctx.access, ctx.loaders, dwelling.landlordId);
  }
}

@Resolver(() => DwellingConnection)
export class DwellingConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of dwellings matching the filter, over all pages.' })
  totalCount(@Root() page: Page<Dwelling>) {
    return page.count();
  }
}
