import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { AccompanimentContext } from '../context';
import { MeasureClosureMotive } from './measure.enums';
import { toMeasure } from './measure.mapper';
import { Measure } from './measure.type';
import type { MeasureAction } from './measure.transitions';
import { PrescribeMeasureInput } from './measure-lifecycle.inputs';

const idArg = { description: 'The measure id (UUID).' };
const versionArg = {
  description:
    'The `version` of the measure you read: if someone changed it since, nothing is changed and a CONFLICT says so.',
};
const dayArg = (what: string) => ({
  nullable: true,
  description: `Day ${what} (default today); never in the future, never before the previous step.`,
});

/**
 * The measures' mutations: thin adapters over `MeasureLifecycleService`. A measure you may not
 * read (and did not prescribe) and a measure that does not exist give the same NOT_FOUND.
 */
@Resolver(() => Measure)
export class MeasureLifecycleResolver {
  @Mutation(() => Measure, {
    description:
      "Prescribes a measure (status PRESCRIBED): only partner kinds among the scheme's `prescriberKinds` (FORBIDDEN otherwise), to an operator delivering the scheme and working on the household's commune (BAD_USER_INPUT otherwise). Records you as the prescriber.",
  })
  async prescribeMeasure(
    @Arg('input', () => PrescribeMeasureInput, { description: 'The prescription.' }) input: PrescribeMeasureInput,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return toMeasure(await ctx.lifecycle.prescribe(ctx.viewer, input));
  }

  @Mutation(() => Measure, {
    description: 'PRESCRIBED → DIAGNOSTIC: the operator meets the household. By the operating association only.',
  })
  startDiagnostic(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('on', () => LocalDateResolver, dayArg('the diagnostic began')) on: string | undefined,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return this.change(ctx, id, expectedVersion, { type: 'START_DIAGNOSTIC', on: on ?? undefined });
  }

  @Mutation(() => Measure, {
    description:
      "DIAGNOSTIC → ACTIVE: the accompaniment starts, with its referent and planned end (default: start + the scheme's typical duration; at most its maximum). By the operating association only.",
  })
  activateMeasure(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('referent', () => String, {
      description: "Name of the operator's social worker following the household (1 to 120 characters).",
    })
    referent: string,
    @Arg('startedOn', () => LocalDateResolver, dayArg('the accompaniment started')) startedOn: string | undefined,
    @Arg('plannedEndOn', () => LocalDateResolver, {
      nullable: true,
      description: "Planned end of the first period (default: start + the scheme's typical duration).",
    })
    plannedEndOn: string | undefined,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return this.change(ctx, id, expectedVersion, {
      type: 'ACTIVATE',
      referent,
      startedOn: startedOn ?? undefined,
      plannedEndOn: plannedEndOn ?? undefined,
    });
  }

  @Mutation(() => Measure, {
    description:
      "ACTIVE or RENEWED → RENEWED: extends the planned end by the scheme's typical duration; CONFLICT when the measure would then run beyond the scheme's maximum duration from its start. By the operating association only.",
  })
  renewMeasure(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return this.change(ctx, id, expectedVersion, { type: 'RENEW' });
  }

  @Mutation(() => Measure, {
    description: 'ACTIVE or RENEWED → SUSPENDED (hospitalisation, absence…). By the operating association only.',
  })
  suspendMeasure(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('on', () => LocalDateResolver, dayArg('the suspension began')) on: string | undefined,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return this.change(ctx, id, expectedVersion, { type: 'SUSPEND', on: on ?? undefined });
  }

  @Mutation(() => Measure, {
    description: 'SUSPENDED → the status it had (ACTIVE or RENEWED). By the operating association only.',
  })
  resumeMeasure(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('on', () => LocalDateResolver, dayArg('the accompaniment resumed')) on: string | undefined,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return this.change(ctx, id, expectedVersion, { type: 'RESUME', on: on ?? undefined });
  }

  @Mutation(() => Measure, {
    description: 'ACTIVE, RENEWED or SUSPENDED → CLOSED, with a motive. By the operating association only.',
  })
  closeMeasure(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('motive', () => MeasureClosureMotive, { description: 'Why the measure ends.' }) motive: MeasureClosureMotive,
    @Arg('closedOn', () => LocalDateResolver, dayArg('the measure ended')) closedOn: string | undefined,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return this.change(ctx, id, expectedVersion, { type: 'CLOSE', motive, closedOn: closedOn ?? undefined });
  }

  @Mutation(() => Measure, {
    description:
      'PRESCRIBED or DIAGNOSTIC → CANCELLED, with a reason: the measure will not start. By the prescriber or the operating association.',
  })
  cancelMeasure(
    @Arg('id', () => ID, idArg) id: string,
    @Arg('expectedVersion', () => Int, versionArg) expectedVersion: number,
    @Arg('reason', () => String, { description: 'Why the measure is cancelled (1 to 500 characters).' }) reason: string,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return this.change(ctx, id, expectedVersion, { type: 'CANCEL', reason });
  }

  private async change(ctx: AccompanimentContext, id: string, expectedVersion: number, action: MeasureAction) {
    return toMeasure(await ctx.lifecycle.change(ctx.viewer, id, expectedVersion, action));
  }
}
