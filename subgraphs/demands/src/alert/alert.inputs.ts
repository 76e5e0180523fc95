import { Field, InputType } from 'type-graphql';
import { DemandAlertKind } from './alert.enums';

@InputType({ description: 'Narrows the alerts; every condition given must hold.' })
export class DemandAlertFilter {
  @Field(() => [DemandAlertKind], { nullable: true, description: 'Only these kinds of alert (default: all).' })
  kinds?: DemandAlertKind[];

  @Field(() => String, {
    nullable: true,
    description:
      'Only demands concerning this territory: a commune (INSEE code), EPCI (SIREN), département or QPV code; within your own.',
  })
  territory?: string;
}
