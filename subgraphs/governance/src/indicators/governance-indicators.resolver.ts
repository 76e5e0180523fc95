import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GovernanceContext } from '../context';
import { Territory } from '../territory/territory.type';
import { GovernanceIndicators } from './governance-indicators.type';

/** Governance's indicator field on `Territory`. */
@Resolver(() => Territory)
export class GovernanceIndicatorsResolver {
  @FieldResolver(() => GovernanceIndicators, {
    description:
      'Governance statistics of the territory for the year up to `asOf`: meetings held, CAL decisions by type. Any partner may read them; not anonymous callers.',
  })
  governanceIndicators(
    @Root() territory: Territory,
    @Ctx() ctx: GovernanceContext,
    @Arg('asOf', () => LocalDateResolver, {
      nullable: true,
      description: 'Reference day: the period runs from 1 January of its year to it (default: today in Paris).',
    })
    asOf?: string,
  ) {
    return ctx.indicators.of(ctx.viewer, ctx.loaders, territory, asOf ?? undefined);
  }
}
