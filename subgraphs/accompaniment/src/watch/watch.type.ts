import { PageInfo } from '@passerelle/shared/pagination';
import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Measure, MeasureEdge } from '../measure/measure.type';
import { MeasureAlertKind } from './watch.enums';

@ObjectType({
  description: 'A page of the waiting list: prescribed measures not started yet, oldest prescription first.',
})
export class MeasureWaitingList {
  @Field(() => [MeasureEdge], { description: 'The measures of this page.' })
  edges: MeasureEdge[];

  @Field(() => PageInfo, { description: 'Whether more measures follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}

@ObjectType({ description: 'An alert on an accompaniment measure.' })
export class MeasureAlert {
  @Field(() => MeasureAlertKind, { description: 'What the alert warns about.' })
  kind: MeasureAlertKind;

  @Field(() => LocalDateResolver, {
    description: 'The day the alert is about (see each kind); the earliest is the most urgent.',
  })
  dueOn: string;

  @Field(() => Measure, { description: 'The measure concerned.' })
  measure: Measure;
}

@ObjectType({ description: 'One alert in a page of alerts.' })
export class MeasureAlertEdge {
  @Field(() => String, { description: 'Opaque cursor of this alert: pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => MeasureAlert, { description: 'The alert.' })
  node: MeasureAlert;
}

@ObjectType({ description: 'A page of measure alerts, most urgent (earliest `dueOn`) first.' })
export class MeasureAlertConnection {
  @Field(() => [MeasureAlertEdge], { description: 'The alerts of this page.' })
  edges: MeasureAlertEdge[];

  @Field(() => PageInfo, { description: 'Whether more alerts follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}

@ObjectType({ description: "An operator's capacity against its measures, on today's date." })
export class OperatorCapacity {
  @Field(() => Int, { description: 'How many measures the operator can take on per year, all schemes together.' })
  annualCapacity: number;

  @Field(() => Int, { description: 'Measures running now: ACTIVE, RENEWED or SUSPENDED.' })
  activeMeasures: number;

  @Field(() => Int, { description: 'Measures started from 1 January of this year to today.' })
  startedThisYear: number;

  @Field(() => Int, {
    description: 'Measures the operator can still start this year: annual capacity minus started, at least 0.',
  })
  remainingThisYear: number;
}
