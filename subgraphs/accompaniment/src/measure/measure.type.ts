import { PageInfo } from '@passerelle/shared/pagination';
import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SchemeFunder, type SchemeCode } from '../scheme/scheme.enums';
import { MeasureClosureMotive, MeasureStatus } from './measure.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'An accompaniment measure: one scheme delivered by one operator to one household, from prescription to closure. Nominative (it says who is accompanied): readable by the State and the EPCI on their territories, and by the association operating it. Its link to the household and the demand, and its free text, are logged when read and never shown to analysts and auditors.',
})
export class Measure {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the measure across all subgraphs.' })
  id: string;

  @Field(() => MeasureStatus, { description: 'Where the measure stands in its lifecycle.' })
  status: MeasureStatus;

  @Field(() => String, {
    description: 'Slug of the partner that prescribed the measure (e.g. "prefecture-nord" for the DALO commission).',
  })
  prescribedBy: string;

  @Field(() => LocalDateResolver, { description: 'Day the measure was prescribed.' })
  prescribedOn: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      'Day the accompaniment started, after the diagnostic; null while prescribed or in diagnostic, and for a measure closed before it started.',
  })
  startedOn: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Day the current period is planned to end (the renewed end once renewed); null before the start.',
  })
  plannedEndOn: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Day the measure was closed; null while open.' })
  closedOn: string | null;

  @Field(() => MeasureClosureMotive, { nullable: true, description: 'Why the measure was closed; null while open.' })
  closureMotive: MeasureClosureMotive | null;

  @Field(() => String, { description: 'INSEE code of the household\'s commune (e.g. "59512" for Roubaix).' })
  commune: string;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the QPV (priority urban district) the household lives in; null when it lives outside any.',
  })
  qpv: string | null;

  @Field(() => Int, {
    description:
      'Optimistic version, incremented by every change: send it back as `expectedVersion` when you change the measure.',
  })
  version: number;

  @Field(() => SchemeFunder, { description: 'Who funds the measure.' })
  fundingSource: SchemeFunder;

  @Field(() => String, {
    nullable: true,
    description: `Name of the operator's social worker following the household; null before the start. Nominative (logged when read): null with a FORBIDDEN error for analysts and auditors.`,
  })
  referent: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Day the diagnostic began; null before it, and for measures recorded without that date.',
  })
  diagnosticOn: string | null;

  @Field(() => Int, { description: 'How many times the measure was renewed.' })
  renewalCount: number;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Day of the last renewal; null when never renewed.' })
  renewedOn: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Day the suspension began; null unless SUSPENDED.' })
  suspendedOn: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Day the measure was cancelled; null unless CANCELLED.',
  })
  cancelledOn: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the measure was cancelled (free text); null unless CANCELLED. Nominative (logged when read): null with a FORBIDDEN error for analysts and auditors.',
  })
  cancellationReason: string | null;

  /** Resolved into `scheme`, `operator`, `household` and `demand` by field resolvers. */
  householdId: string;
  schemeCode: SchemeCode;
  operatorId: string;
  demandId: string | null;
}

@ObjectType({ description: 'One measure in a page of measures.' })
export class MeasureEdge {
  @Field(() => String, { description: 'Opaque cursor of this measure: pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => Measure, { description: 'The measure.' })
  node: Measure;
}

@ObjectType({ description: 'A page of measures, newest prescription first.' })
export class MeasureConnection {
  @Field(() => [MeasureEdge], { description: 'The measures of this page.' })
  edges: MeasureEdge[];

  @Field(() => PageInfo, { description: 'Whether more measures follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
