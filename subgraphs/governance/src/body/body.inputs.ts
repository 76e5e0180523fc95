import { Field, InputType } from 'type-graphql';
import { BodyKind } from './body.enums';

@InputType({ description: 'Narrows a list of bodies; every condition given must hold.' })
export class BodyFilter {
  @Field(() => BodyKind, { nullable: true, description: 'Only bodies of this kind.' })
  kind?: BodyKind;

  @Field(() => String, {
    nullable: true,
    description:
      'Only bodies acting on this territory or on a territory within it (for "59": the département\'s bodies and those of the MEL).',
  })
  territory?: string;
}
