import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { DemandsContext } from '../context';
import { DemandEvent } from '../demand-event/demand-event.type';
import { PriorityLabel, RadiationMotive } from '../demand/demand.enums';
import { Demand } from '../demand/demand.type';
import { DemandContentInput, DemandEventInput, PriorityInput } from './lifecycle.inputs';

const idArg = { description: 'The demand id (UUID).' };
const versionArg = {
  description:
    'The `version` of the demand you read: if someone changed it since, nothing is changed and a CONFLICT says so.',
};

/** The register's mutations: thin adapters over `DemandLifecycleService`. */
@Resolver(() => Demand)
export class DemandLifecycleResolver {
  @Mutation(() => Demand, {
    description:
      'Registers a demand (registration desks: State, EPCI, landlords, reservation holders, on their territories) and delivers its numéro unique (NUR).',
  })
  async registerDemand(
    @Arg('content', () => DemandContentInput, { description: 'The content of the CERFA 14069 form.' })
    content: DemandContentInput,
    @Arg('filingDate', () => LocalDateResolver, {
      nullable: true,
      description: 'Date the demand was filed (default today); at most one month back.',
    })
    filingDate: string | undefined,
    @Ctx() ctx: DemandsContext,
  ) {
    return ctx.present(await ctx.lifecycle.register(ctx.viewer, content, filingDate ?? undefined));
  }

  @Mutation(() => Demand, {
    description:
      'Replaces the content of an active demand with the corrected form (registration desks); the timeline records which rubrics changed.',
  })
  async modifyDemand(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('content', () => DemandContentInput, { description: 'The whole corrected content.' })
    content: DemandContentInput,
    @Ctx() ctx: DemandsContext,
  ) {
    return ctx.present(await ctx.lifecycle.modify(ctx.viewer, id, expectedVersion, content));
  }

  @Mutation(() => Demand, {
    description:
      'Renews the demand for one year from today (CCH R441-2-7), keeping its NUR and filing date; open from one month before validity ends.',
  })
  async renewDemand(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Ctx() ctx: DemandsContext,
  ) {
    return ctx.present(await ctx.lifecycle.renew(ctx.viewer, id, expectedVersion));
  }

  @Mutation(() => Demand, {
    description:
      'Radiates the demand today for one of the legal motives, each under its condition: NON_RENEWAL from 13 months after filing or renewal; NO_ANSWER 2 months after an ANSWER_REQUESTED event; INELIGIBILITY one month after a CAL_DECISION INELIGIBLE event; LEASE_SIGNED after a LEASE_SIGNED event; RENUNCIATION at any time.',
  })
  async radiateDemand(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('motive', () => RadiationMotive, { description: 'Why the demand leaves the register.' })
    motive: RadiationMotive,
    @Ctx() ctx: DemandsContext,
  ) {
    return ctx.present(await ctx.lifecycle.radiate(ctx.viewer, id, expectedVersion, motive));
  }

  @Mutation(() => Demand, {
    description:
      'Reactivates a demand radiated for non-renewal (until 18 months after filing or renewal) or no answer (for 5 months), keeping its NUR and seniority.',
  })
  async reactivateDemand(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Ctx() ctx: DemandsContext,
  ) {
    return ctx.present(await ctx.lifecycle.reactivate(ctx.viewer, id, expectedVersion));
  }

  @Mutation(() => Demand, {
    description:
      'Recognises a priority for the household (only the partner kinds entitled to the label); DALO sets the préfet’s offer deadline.',
  })
  async recognisePriority(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('priority', () => PriorityInput, { description: 'The priority and its decision.' }) priority: PriorityInput,
    @Ctx() ctx: DemandsContext,
  ) {
    return ctx.present(await ctx.lifecycle.recognisePriority(ctx.viewer, id, expectedVersion, priority));
  }

  @Mutation(() => Demand, {
    description: 'Withdraws a recognised priority (the partner kinds entitled to the label); the timeline keeps both.',
  })
  async withdrawPriority(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('label', () => PriorityLabel, { description: 'The priority to withdraw.' }) label: PriorityLabel,
    @Ctx() ctx: DemandsContext,
  ) {
    return ctx.present(await ctx.lifecycle.withdrawPriority(ctx.viewer, id, expectedVersion, label));
  }

  @Mutation(() => DemandEvent, {
    description:
      'Adds a processing event to a demand’s timeline (CCH R441-2-15), attributed to your partner. Idempotent through `idempotencyKey`: a retry returns the event first recorded.',
  })
  recordDemandEvent(
    @Arg('input', () => DemandEventInput, { description: 'The event.' }) input: DemandEventInput,
    @Ctx() ctx: DemandsContext,
  ) {
    return ctx.lifecycle.recordEvent(ctx.viewer, input);
  }
}
