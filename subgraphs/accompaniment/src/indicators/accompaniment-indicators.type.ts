import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from '@passerelle/shared/scalars';
import { SchemeCode } from '../scheme/scheme.enums';

@ObjectType({ description: 'How many measures of one scheme.' })
export class SchemeMeasureCount {
  @Field(() => SchemeCode, { description: 'The scheme.' })
  scheme: SchemeCode;

  @Field(() => Int, { description: 'Number of measures.' })
  count: number;
}

@ObjectType({
  description:
    'Accompaniment statistics of a territory, for measures of households whose commune lies in it (or who live in it, for a QPV). A measure is active on a day when it has started on or before that day and is not closed by then (status ACTIVE or RENEWED on that day). "This year" runs from 1 January of `asOf`\'s year to `asOf`, both included.',
})
export class AccompanimentIndicators {
  @Field(() => LocalDateResolver, { description: 'The reference day of these figures.' })
  asOf: string;

  @Field(() => Int, { description: 'Measures active on `asOf`.' })
  activeMeasures: number;

  @Field(() => [SchemeMeasureCount], {
    description:
      'Measures active on `asOf`, by scheme: one entry per scheme with at least one active measure, most first (then by code). A bounded list: at most one entry per `SchemeCode`.',
  })
  activeMeasuresByScheme: SchemeMeasureCount[];

  @Field(() => Int, { description: 'Measures whose accompaniment started this year.' })
  startedThisYear: number;

  @Field(() => Int, { description: 'Measures closed this year.' })
  closedThisYear: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean length of the measures closed this year that had started, from `startedOn` to `closedOn`, in months (days / 30.4375, rounded to one decimal); null when none.',
  })
  averageClosedDurationMonths: number | null;
}
