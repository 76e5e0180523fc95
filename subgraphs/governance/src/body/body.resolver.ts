import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Page } from '@passerelle/shared/pagination';
import type { GovernanceContext } from '../context';
import { Partner } from '../partner/partner.type';
import { Territory } from '../territory/territory.type';
import { BodyFilter } from './body.inputs';
import { Body, BodyConnection, BodyMember } from './body.type';

@Resolver(() => Body)
export class BodyResolver {
  @Query(() => Body, { nullable: true, description: 'One governance body by id; null when there is none.' })
  body(@Arg('id', () => ID, { description: 'The body id (UUID).' }) id: string, @Ctx() ctx: GovernanceContext) {
    return ctx.bodies.get(ctx.viewer, ctx.loaders, id);
  }

  @Query(() => BodyConnection, {
    description: 'The governance bodies, by name, as a cursor connection. Any partner may read it.',
  })
  bodies(
    @Arg('filter', () => BodyFilter, { nullable: true, description: 'Conditions the bodies must meet.' })
    filter: BodyFilter | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
    first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
    })
    after: string | undefined,
    @Ctx() ctx: GovernanceContext,
  ) {
    return ctx.bodies.list(ctx.viewer, filter ?? {}, first, after ?? undefined);
  }

  @FieldResolver(() => Territory, {
    nullable: true,
    description:
      'The territory the body acts on (the CIL and the CALs: the EPCI; the DALO commission: the département).',
  })
  territory(@Root() body: Body, @Ctx() ctx: GovernanceContext) {
    return ctx.territories.resolve(body.territoryCode);
  }

  @FieldResolver(() => Partner, {
    nullable: true,
    description: 'For a CAL: the landlord whose allocation commission it is; null for other bodies.',
  })
  landlord(@Root() body: Body, @Ctx() ctx: GovernanceContext) {
    return body.landlordPartnerId ? ctx.partners.resolve(ctx.loaders, body.landlordPartnerId) : null;
  }

  @FieldResolver(() => [BodyMember], {
    description: 'The partners sitting in the body: chairs first, then voting, then consultative members.',
  })
  members(
    @Root() body: Body,
    @Ctx() ctx: GovernanceContext,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description: 'How many members, 1 to 100 (default 20).',
    })
    first?: number,
  ) {
    return ctx.bodies.members(ctx.loaders, body, first);
  }
}

@Resolver(() => BodyMember)
export class BodyMemberResolver {
  @FieldResolver(() => Partner, { description: 'The partner holding the seat.' })
  async partner(@Root() member: BodyMember, @Ctx() ctx: GovernanceContext) {
    return ctx.partners.resolve(ctx.loaders, member.partnerId);
  }
}

@Resolver(() => BodyConnection)
export class BodyConnectionResolver {
  @FieldResolver(() => Int, { description: 'Number of bodies matching the filter, over all pages.' })
  totalCount(@Root() page: Page<Body>) {
    return page.count();
  }
}
