import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OffersContext } from '../context';
import { TerritoryReference } from '../references/territory.type';
import { OfferIndicators } from './offer-indicators.type';

@Resolver(() => TerritoryReference)
export class OfferIndicatorsResolver {
  @FieldResolver(() => OfferIndicators, {
    description:
      'Offer indicators of the territory (vacancies by status, attributions this year, share outside QPVs). Statistics: open to every partner of the hub.',
  })
  offerIndicators(
    @Root() territory: TerritoryReference,
    @Arg('asOf', () => LocalDateResolver, {
      nullable: true,
      description: 'Reference day (default: today in Paris); "this year" runs from 1 January of its year to it.',
    })
    asOf: string | undefined,
    @Ctx() ctx: OffersContext,
  ) {
    return ctx.offerIndicators.of(ctx.access, ctx.loaders, territory.code, asOf ?? undefined);
  }
}
