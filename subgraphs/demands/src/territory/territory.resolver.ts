import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { DemandsContext } from '../context';
import { DemandIndicators, TerritoryReference } from './territory.type';

@Resolver(() => TerritoryReference)
export class TerritoryIndicatorResolver {
  @FieldResolver(() => DemandIndicators, {
    description: 'Demand indicators of this territory (demands wishing one of its communes).',
  })
  demandIndicators(
    @Root() territory: TerritoryReference,
    @Ctx() ctx: DemandsContext,
    @Arg('asOf', () => LocalDateResolver, {
      nullable: true,
      description: 'Reference day for "this month", "this year" and waits (default: today in Paris).',
    })
    asOf: string | undefined,
  ) {
    return ctx.territories.indicators(ctx.viewer, ctx.loaders.demandIndicators, territory.code, asOf ?? undefined);
  }
}

/** Territory representations from the gateway carry only the code. */
export const resolveTerritoryReference = (reference: { code: string }): TerritoryReference => ({
  code: reference.code,
});
