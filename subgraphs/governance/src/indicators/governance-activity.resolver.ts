import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Body } from '../body/body.type';
import type { GovernanceContext } from '../context';
import { Partner } from '../partner/partner.type';
import { Territory } from '../territory/territory.type';
import type { GovernanceActivityLoaders } from './governance-activity.loaders';
import {
  CalDecisionCountByLandlord,
  GovernanceActivity,
  MotiveCount,
  PartnerAttendance,
  RecommendationCounts,
  RefusalMotiveCount,
} from './governance-activity.type';
import { CalDecisionCountByType } from './governance-indicators.type';

/** The context, with the activity loaders that `createGovernanceActivityLoaders` adds to it. */
type ActivityContext = GovernanceContext & { loaders: GovernanceActivityLoaders };

const FROM = {
  nullable: true,
  description: 'First day of the period, included (default: 1 January of the current year in Paris).',
} as const;
const TO = {
  nullable: true,
  description: 'Last day of the period, included (default: today in Paris). Must not be before `from`.',
} as const;

/** Governance's activity field on `Territory`. */
@Resolver(() => Territory)
export class TerritoryGovernanceActivityResolver {
  @FieldResolver(() => GovernanceActivity, {
    description:
      'Activity of the bodies acting on the territory or on a territory within it (the CIL and the CALs act on the EPCI, the DALO commission on the département) over a period, and the CAL decisions about dwellings in the territory (a commune, its EPCI or département; for a QPV, the decisions in that QPV). Any partner may read it; not anonymous callers.',
  })
  governanceActivity(
    @Root() territory: Territory,
    @Ctx() ctx: ActivityContext,
    @Arg('from', () => LocalDateResolver, FROM) from?: string,
    @Arg('to', () => LocalDateResolver, TO) to?: string,
  ): GovernanceActivity {
    return ctx.activity.of(ctx.viewer, { territory: territory.code }, from ?? undefined, to ?? undefined);
  }
}

/** Governance's activity field on `Body`. */
@Resolver(() => Body)
export class BodyActivityResolver {
  @FieldResolver(() => GovernanceActivity, {
    description:
      'Activity of the body over a period: its meetings, the attendance of its members, the CAL decisions taken at its meetings and its recommendations (préconisations). Any partner may read it; not anonymous callers.',
  })
  activity(
    @Root() body: Body,
    @Ctx() ctx: ActivityContext,
    @Arg('from', () => LocalDateResolver, FROM) from?: string,
    @Arg('to', () => LocalDateResolver, TO) to?: string,
  ): GovernanceActivity {
    return ctx.activity.of(ctx.viewer, { body: body.id }, from ?? undefined, to ?? undefined);
  }
}

/** The figures of an activity, each loaded with those of every other scope of the request. */
@Resolver(() => GovernanceActivity)
export class GovernanceActivityResolver {
  @FieldResolver(() => Int, { description: 'Meetings held (status HELD) dated within the period.' })
  async meetingsHeld(@Root() root: GovernanceActivity, @Ctx() ctx: ActivityContext) {
    return (await ctx.loaders.governanceActivity.meetings.load(root.key)).held;
  }

  @FieldResolver(() => Int, { description: 'Meetings cancelled (status CANCELLED) that were dated within the period.' })
  async meetingsCancelled(@Root() root: GovernanceActivity, @Ctx() ctx: ActivityContext) {
    return (await ctx.loaders.governanceActivity.meetings.load(root.key)).cancelled;
  }

  @FieldResolver(() => [PartnerAttendance], {
    description:
      'For the meetings held within the period, each partner with a recorded attendance: how often it was present. By partner name.',
  })
  attendance(@Root() root: GovernanceActivity, @Ctx() ctx: ActivityContext) {
    return ctx.loaders.governanceActivity.attendance.load(root.key);
  }

  @FieldResolver(() => [CalDecisionCountByType], {
    description:
      'CAL decisions taken (decided_on) within the period, by type: all five types of CCH R441-3, zero included.',
  })
  decisionsByType(@Root() root: GovernanceActivity, @Ctx() ctx: ActivityContext) {
    return ctx.loaders.governanceActivity.decisionsByType.load(root.key);
  }

  @FieldResolver(() => [CalDecisionCountByLandlord], {
    description:
      'The same decisions by the landlord whose CAL took them; landlords without any decision are left out. By landlord name.',
  })
  decisionsByLandlord(@Root() root: GovernanceActivity, @Ctx() ctx: ActivityContext) {
    return ctx.loaders.governanceActivity.decisionsByLandlord.load(root.key);
  }

  @FieldResolver(() => [MotiveCount], {
    description:
      'Non-attributions (R441-3 d) and ineligibility decisions (irrecevabilité, R441-3 e) taken within the period, by coded motive: every motive, zero included, in the order of `DecisionMotiveCode`.',
  })
  async nonAttributionMotives(@Root() root: GovernanceActivity, @Ctx() ctx: ActivityContext) {
    return (await ctx.loaders.governanceActivity.refusalMotives.load(root.key)).byMotive;
  }

  @FieldResolver(() => Int, {
    description:
      'Non-attributions and ineligibility decisions of the period recorded without a coded motive (only the stated text): with `nonAttributionMotives`, they add up to all of them.',
  })
  async refusalsWithoutMotiveCode(@Root() root: GovernanceActivity, @Ctx() ctx: ActivityContext) {
    return (await ctx.loaders.governanceActivity.refusalMotives.load(root.key)).uncoded;
  }

  @FieldResolver(() => [RefusalMotiveCount], {
    nullable: true,
    description:
      'Offers refused by the candidate (or left unanswered, CCH R441-10) with the answer recorded within the period, after decisions in scope, by stated motive: most frequent first. The motives are the households’ own words: only partners who read CAL decisions get them (null with FORBIDDEN for the others).',
  })
  offerRefusalMotives(@Root() root: GovernanceActivity, @Ctx() ctx: ActivityContext) {
    // Who reads them (the readers of CAL decisions) is the field policy's rule (`policy.ts`).
    return ctx.loaders.governanceActivity.offerRefusalMotives.load(root.key);
  }

  @FieldResolver(() => RecommendationCounts, {
    description:
      'Recommendations (préconisations) issued by the bodies in scope on or before the last day of the period, by where they stand now.',
  })
  recommendations(@Root() root: GovernanceActivity, @Ctx() ctx: ActivityContext) {
    return ctx.loaders.governanceActivity.recommendations.load(root.key);
  }
}

@Resolver(() => PartnerAttendance)
export class PartnerAttendanceResolver {
  @FieldResolver(() => Partner, { nullable: true, description: 'The partner whose attendance this is.' })
  partner(@Root() attendance: PartnerAttendance, @Ctx() ctx: GovernanceContext) {
    return ctx.partners.resolve(ctx.loaders, attendance.partnerId);
  }
}

@Resolver(() => CalDecisionCountByLandlord)
export class CalDecisionCountByLandlordResolver {
  @FieldResolver(() => Partner, {
    nullable: true,
    description: 'The landlord (bailleur) whose CAL took the decisions.',
  })
  landlord(@Root() entry: CalDecisionCountByLandlord, @Ctx() ctx: GovernanceContext) {
    return ctx.partners.resolve(ctx.loaders, entry.landlordPartnerId);
  }
}
