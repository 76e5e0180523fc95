import { Field, ID, InputType } from 'type-graphql';
import { SchemeCode } from '../scheme/scheme.enums';
import { MeasureStatus } from './measure.enums';

@InputType({ description: 'Narrows a list of measures; every condition given must hold.' })
export class MeasureFilter {
  @Field(() => SchemeCode, { nullable: true, description: 'Only measures of this scheme.' })
  scheme?: SchemeCode;

  @Field(() => ID, { nullable: true, description: 'Only measures delivered by this operator (its id).' })
  operator?: string;

  @Field(() => MeasureStatus, { nullable: true, description: 'Only measures in this status.' })
  status?: MeasureStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Only measures of households living in this commune (INSEE code, e.g. "59350" for Lille).',
  })
  commune?: string;
}
