import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GovernanceContext } from '../context';
import { Territory } from './territory.type';

@Resolver(() => Territory)
export class TerritoryResolver {
  @Query(() => Territory, {
    nullable: true,
    description:
      'One territory of the official geography by code; null when the code is well formed but unknown. Public: no token needed.',
  })
  territory(
    @Arg('code', () => String, {
      description: 'INSEE commune code, EPCI SIREN, département code or QPV code (e.g. "59350", "200093201", "59").',
    })
    code: string,
    @Ctx() ctx: GovernanceContext,
  ) {
    return ctx.territories.find(code);
  }

  @FieldResolver(() => Territory, {
    nullable: true,
    description:
      "The territory directly above: a commune's EPCI, an EPCI's département; null for a département and for a QPV (it may span communes).",
  })
  parent(@Root() territory: Territory, @Ctx() ctx: GovernanceContext) {
    return territory.parentCode ? ctx.territories.resolve(territory.parentCode) : null;
  }
}
