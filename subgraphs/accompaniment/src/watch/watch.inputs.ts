import { Field, InputType } from 'type-graphql';
import { SchemeCode } from '../scheme/scheme.enums';
import { MeasureAlertKind } from './watch.enums';

@InputType({ description: 'Narrows the waiting list; every condition given must hold.' })
export class WaitingListFilter {
  @Field(() => SchemeCode, { nullable: true, description: 'Only measures of this scheme.' })
  scheme?: SchemeCode;

  @Field(() => String, {
    nullable: true,
    description:
      'Only measures of households lying in this territory: a commune (INSEE code), an EPCI (SIREN), a département or a QPV code.',
  })
  territory?: string;
}

@InputType({ description: 'Narrows the measure alerts; every condition given must hold.' })
export class MeasureAlertFilter {
  @Field(() => [MeasureAlertKind], { nullable: true, description: 'Only alerts of these kinds (default: all).' })
  kinds?: MeasureAlertKind[];

  @Field(() => String, {
    nullable: true,
    description:
      'Only alerts on measures of households lying in this territory: a commune (INSEE code), an EPCI (SIREN), a département or a QPV code.',
  })
  territory?: string;
}
