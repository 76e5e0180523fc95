import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SchemeCode } from '../scheme/scheme.enums';

const STARTED = 'Measures whose accompaniment started in the period (`startedOn` from `from` to `to`).';
const CLOSED =
  'Measures closed in the period (`closedOn` from `from` to `to`), including those closed at the diagnostic.';
const ACTIVE_AT_END =
  'Measures running on `to` (ACTIVE, RENEWED or SUSPENDED that day): started on or before `to` and not closed by then.';
const AVERAGE =
  'Mean length of the measures closed in the period that had started, from `startedOn` to `closedOn`, in months (days / 30.4375, rounded to one decimal); null when none.';

@ObjectType({ description: 'The accompaniment activity of one scheme over a period.' })
export class SchemeActivity {
  @Field(() => SchemeCode, { description: 'The scheme.' })
  scheme: SchemeCode;

  @Field(() => Int, { description: STARTED })
  started: number;

  @Field(() => Int, { description: CLOSED })
  closed: number;

  @Field(() => Int, { description: ACTIVE_AT_END })
  activeAtEnd: number;

  @Field(() => Float, { nullable: true, description: AVERAGE })
  averageClosedDurationMonths: number | null;
}

@ObjectType({ description: 'The accompaniment activity of one operator on a territory over a period.' })
export class OperatorActivity {
  /** The operator's id; `operator` is resolved through the request's loader. */
  operatorId: string;

  @Field(() => Int, { description: STARTED })
  started: number;

  @Field(() => Int, { description: CLOSED })
  closed: number;

  @Field(() => Int, { description: ACTIVE_AT_END })
  activeAtEnd: number;

  @Field(() => Float, { nullable: true, description: AVERAGE })
  averageClosedDurationMonths: number | null;
}

@ObjectType({
  description:
    'What the rehousing rate of accompanied households needs from this subgraph: rehousings among the measures closed in the period. Comparing it with applicants who were not accompanied needs the outcome of the demands (a signed lease), held by the demands subgraph: that comparison is to be combined through the gateway (a later step); this subgraph reads no other database.',
})
export class AccompanimentRehousing {
  @Field(() => Int, {
    description:
      'Measures closed in the period with closure motive REHOUSED (the household was rehoused during or at the end of its accompaniment).',
  })
  rehousedAfterAccompaniment: number;

  @Field(() => Int, { description: 'Measures closed in the period, whatever the motive: the denominator of the rate.' })
  closedMeasures: number;
}

@ObjectType({
  description:
    'Accompaniment statistics over a period (`from`..`to`, both included), for the measures of households whose commune lies in a territory (or who live in it, for a QPV), or for the measures of an operator. No nominative data.',
})
export class AccompanimentActivity {
  @Field(() => LocalDateResolver, { description: 'First day of the period, included.' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the period, included.' })
  to: string;

  @Field(() => [SchemeActivity], {
    description:
      'The activity by scheme: one entry per scheme code of the catalogue, in the catalogue order, zeros when a scheme had no measure. A bounded list: at most one entry per `SchemeCode`.',
  })
  byScheme: SchemeActivity[];

  @Field(() => [OperatorActivity], {
    nullable: true,
    description:
      "For a territory, the activity by operator: the operators with at least one measure started, closed or running in it over the period, by name. Null for an operator's own activity.",
  })
  byOperator: OperatorActivity[] | null;

  @Field(() => Int, {
    description:
      'The waiting list on `to`: measures PRESCRIBED or DIAGNOSTIC that day (prescribed on or before `to`, not yet started, cancelled or closed by then).',
  })
  waitingList: number;

  @Field(() => AccompanimentRehousing, {
    description:
      'Rehousings after accompaniment over the period. The rate compared with applicants who were not accompanied needs the demands subgraph (outcome of each demand), to be combined through the gateway: not computed here.',
  })
  rehousingRate: AccompanimentRehousing;
}
