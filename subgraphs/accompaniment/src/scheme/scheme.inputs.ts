import { Field, InputType } from 'type-graphql';
import { SchemeFunder, SchemePrescriberKind } from './scheme.enums';

@InputType({ description: 'Narrows the scheme catalogue; every condition given must hold.' })
export class SchemeFilter {
  @Field(() => SchemeFunder, { nullable: true, description: 'Only schemes mainly financed by this funder.' })
  funder?: SchemeFunder;

  @Field(() => SchemePrescriberKind, {
    nullable: true,
    description: 'Only schemes this kind of partner may prescribe.',
  })
  prescriberKind?: SchemePrescriberKind;
}
