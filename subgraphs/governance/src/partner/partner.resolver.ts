import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Page } from '@passerelle/shared/pagination';
import type { GovernanceContext } from '../context';
import { Territory } from '../territory/territory.type';
import { PartnerFilter } from './partner.inputs';
import { Partner, PartnerConnection } from './partner.type';

@Resolver(() => Partner)
export class PartnerResolver {
  @Query(() => Partner, { nullable: true, description: 'One partner by id; null when there is none.' })
  partner(@Arg('id', () => ID, { description: 'The partner id (UUID).' }) id: string, @Ctx() ctx: GovernanceContext) {
    return ctx.partners.get(ctx.viewer, ctx.loaders, id);
  }

  @Query(() => PartnerConnection, {
    description: 'The partners of the housing policy, by name, as a cursor connection. Any partner may read it.',
  })
  partners(
    @Arg('filter', () => PartnerFilter, { nullable: true, description: 'Conditions the partners must meet.' })
    filter: PartnerFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
    first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
    })
    after: string | undefined,
    @Ctx() ctx: GovernanceContext,
  ) {
    return ctx.partners.list(ctx.viewer, filter ?? {}, first, after ?? undefined);
  }

  @FieldResolver(() => [Territory], { description: 'The territories the partner acts for.' })
  territories(@Root() partner: Partner, @Ctx() ctx: GovernanceContext) {
    return ctx.territories.many(partner.territoryCodes);
  }
}

@Resolver(() => PartnerConnection)
export class PartnerConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of partners matching the filter, over all pages.' })
  totalCount(@Root() page: Page<Partner>) {
    return page.count();
  }
}
