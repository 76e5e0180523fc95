import { LocalDateResolver } from '@passerelle/shared/scalars';
import { PageInfo } from '@passerelle/shared/pagination';
import { Field, ObjectType } from 'type-graphql';
import { Demand } from '../demand/demand.type';
import { DemandAlertKind } from './alert.enums';

@ObjectType({ description: 'A demand needing follow-up, and why.' })
export class DemandAlert {
  @Field(() => DemandAlertKind, { description: 'What needs doing.' })
  kind: DemandAlertKind;

  @Field(() => LocalDateResolver, {
    description: 'When it fell or falls due (the deadline, DAL date, alert date or end of validity).',
  })
  dueOn: string;

  @Field(() => Demand, { description: 'The demand.' })
  demand: Demand;
}

@ObjectType({ description: 'One alert in a page of alerts.' })
export class DemandAlertEdge {
  @Field(() => String, { description: 'Opaque cursor of this alert: pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => DemandAlert, { description: 'The alert.' })
  node: DemandAlert;
}

@ObjectType({ description: 'A page of alerts, most urgent first: earliest due date, then the more serious kind.' })
export class DemandAlertConnection {
  @Field(() => [DemandAlertEdge], { description: 'The alerts of this page.' })
  edges: DemandAlertEdge[];

  @Field(() => PageInfo, { description: 'Whether more alerts follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
