import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AccompanimentContext } from '../context';
import { TerritoryReference } from '../references/territory.reference';
import { AccompanimentIndicators } from './accompaniment-indicators.type';

/** Contributes `Territory.accompanimentIndicators`, batched across the territories of a request. */
@Resolver(() => TerritoryReference)
export class TerritoryIndicatorsResolver {
  @FieldResolver(() => AccompanimentIndicators, {
    nullable: true,
    description:
      'Accompaniment measures of the territory: active by scheme, started and closed this year, average length. Statistics: any partner may read them; null with a FORBIDDEN error without a token; BAD_USER_INPUT for a code outside the official geography.',
  })
  accompanimentIndicators(
    @Root() territory: TerritoryReference,
    @Ctx() ctx: AccompanimentContext,
    @Arg('asOf', () => LocalDateResolver, {
      nullable: true,
      description: 'Reference day of the figures (default: today in Paris).',
    })
    asOf?: string,
  ) {
    return ctx.indicators.of(ctx.loaders, territory.code, asOf ?? undefined);
  }
}
