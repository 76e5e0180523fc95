import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AccompanimentContext } from '../context';
import { Measure } from '../measure/measure.type';
import { Operator } from '../operator/operator.type';
import { DemandReference } from '../references/demand.reference';
import { SchemeCode } from '../scheme/scheme.enums';
import { SocialWorkerProfession } from './diagnostic.enums';
import { gridOf } from './diagnostic.grid';
import { RecordConsentInput, RecordDiagnosticInput } from './diagnostic.inputs';
import { Diagnostic, DiagnosticScore, HouseholdConsent } from './diagnostic.type';

const CONTENT =
  "Sensitive (social appraisal content; every read is logged): null with a FORBIDDEN error unless your token carries the `read:sensitive` scope and you are the authoring operator, or the household's consent covering your partner kind is in force today. Never read by analysts and auditors.";

/**
 * `Diagnostic`'s fields, and the diagnostic and consent mutations (thin adapters over `DiagnosticService`).
 * The content fields only read the row: who may read them (scope and consent) is the field policy's
 * (`ACCOMPANIMENT_FIELD_POLICY` in `policy.ts`), applied before these resolvers run.
 */
@Resolver(() => Diagnostic)
export class DiagnosticResolver {
  @FieldResolver(() => Operator, { description: 'The authoring operator (an association).' })
  operator(@Root() diagnostic: Diagnostic, @Ctx() ctx: AccompanimentContext) {
    return ctx.operators.byId(ctx.loaders, diagnostic.row.operatorId);
  }

  @FieldResolver(() => String, { nullable: true, description: `Name of the social worker who wrote it. ${CONTENT}` })
  authorName(@Root() diagnostic: Diagnostic): string {
    return diagnostic.row.authorName;
  }

  @FieldResolver(() => SocialWorkerProfession, {
    nullable: true,
    description: `Profession of the social worker who wrote it. ${CONTENT}`,
  })
  authorProfession(@Root() diagnostic: Diagnostic): SocialWorkerProfession {
    return diagnostic.row.authorProfession;
  }

  @FieldResolver(() => [DiagnosticScore], {
    nullable: true,
    description: `The evaluation grid, one score per dimension (with its comment). ${CONTENT}`,
  })
  scores(@Root() diagnostic: Diagnostic): DiagnosticScore[] {
    return gridOf(diagnostic.row).map((line) => ({
      dimension: line.dimension,
      score: line.score,
      comment: line.comment ?? null,
    }));
  }

  @FieldResolver(() => String, { nullable: true, description: `The conclusion. ${CONTENT}` })
  conclusion(@Root() diagnostic: Diagnostic): string {
    return diagnostic.row.conclusion;
  }

  @FieldResolver(() => SchemeCode, { nullable: true, description: `The scheme recommended. ${CONTENT}` })
  recommendedScheme(@Root() diagnostic: Diagnostic): SchemeCode {
    return diagnostic.row.recommendedScheme;
  }

  @Mutation(() => Diagnostic, {
    description:
      'Records a social diagnostic of a measure at DIAGNOSTIC or a later step (CONFLICT when PRESCRIBED or CANCELLED). By the operating association only (FORBIDDEN for others who read the measure; NOT_FOUND for a measure you do not read, as for an absent one).',
  })
  recordDiagnostic(
    @Arg('input', () => RecordDiagnosticInput, { description: 'The diagnostic.' }) input: RecordDiagnosticInput,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return ctx.diagnostics.record(ctx.viewer, input);
  }

  @Mutation(() => HouseholdConsent, {
    description:
      "Records the consent a household gave to share the content of its diagnostics with partner kinds. By the association operating one of the household's measures (not cancelled) only.",
  })
  recordConsent(
    @Arg('input', () => RecordConsentInput, { description: 'The consent.' }) input: RecordConsentInput,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return ctx.diagnostics.recordConsent(ctx.viewer, input);
  }

  @Mutation(() => HouseholdConsent, {
    description:
      "Records that the household withdrew a consent: from that day on (that day included) it no longer applies. Once only (CONFLICT when already withdrawn). By the association operating one of the household's measures only.",
  })
  withdrawConsent(
    @Arg('id', () => ID, { description: 'The consent id (UUID).' }) id: string,
    @Arg('withdrawnOn', () => LocalDateResolver, {
      nullable: true,
      description: 'Day of the withdrawal (default today); never in the future, never before the consent was given.',
    })
    withdrawnOn: string | undefined,
    @Ctx() ctx: AccompanimentContext,
  ) {
    return ctx.diagnostics.withdrawConsent(ctx.viewer, id, withdrawnOn ?? undefined);
  }
}

/** Contributes `Measure.diagnostics`. */
@Resolver(() => Measure)
export class MeasureDiagnosticsResolver {
  @FieldResolver(() => [Diagnostic], {
    description:
      'Social diagnostics of the measure, newest first (a handful per measure): their existence, with the measure. Nominative (logged when read). Their content follows the consent rule (see `Diagnostic`).',
  })
  diagnostics(@Root() measure: Measure, @Ctx() ctx: AccompanimentContext) {
    return ctx.diagnostics.ofMeasure(ctx.loaders, measure.id);
  }
}

/** Contributes `Demand.isAccompanied` and `Demand.diagnostics`, batched across the parent demands. */
@Resolver(() => DemandReference)
export class DemandDiagnosticsResolver {
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Whether the demand's household is accompanied now (a measure ACTIVE, RENEWED or SUSPENDED). Nominative (logged when read): told to the partners allowed to read the demand's allocation data — the State, the EPCI, landlords and reservation holders, for measures on their territories — and to the operating association (for the measures it operates); null with a FORBIDDEN error for analysts, auditors, anonymous callers and a State or EPCI acting for no territory.",
  })
  isAccompanied(@Root() demand: DemandReference, @Ctx() ctx: AccompanimentContext) {
    return ctx.diagnostics.isAccompanied(ctx.loaders, demand.id);
  }

  @FieldResolver(() => [Diagnostic], {
    description:
      "Social diagnostics of the demand's household, newest first. Nominative (logged when read): their existence is shown to the same partners as `isAccompanied`, filtered to the measures each may learn of (empty for the others). Their content follows the consent rule (see `Diagnostic`).",
  })
  diagnostics(
    @Root() demand: DemandReference,
    @Ctx() ctx: AccompanimentContext,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 20,
      description: 'How many diagnostics, 1 to 100 (default 20).',
    })
    first?: number,
  ) {
    return ctx.diagnostics.ofDemand(ctx.loaders, demand.id, first);
  }
}
