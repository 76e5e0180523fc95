import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, ID, InputType } from 'type-graphql';
import { CalDecisionType } from '@passerelle/shared/housing';

@InputType({ description: 'Narrows a list of CAL decisions; every condition given must hold.' })
export class CalDecisionFilter {
  @Field(() => ID, { nullable: true, description: 'Only decisions taken at this meeting (its id).' })
  meeting?: string;

  @Field(() => CalDecisionType, { nullable: true, description: 'Only decisions of this type.' })
  type?: CalDecisionType;

  @Field(() => String, {
    nullable: true,
    description: 'Only decisions about dwellings in this commune (INSEE code, e.g. "59350" for Lille).',
  })
  commune?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Only decisions taken on or after this day.' })
  decidedFrom?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Only decisions taken on or before this day.' })
  decidedTo?: string;
}
