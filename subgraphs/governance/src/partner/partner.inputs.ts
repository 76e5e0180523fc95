import { Field, InputType } from 'type-graphql';
import { PartnerKind } from './partner.enums';

@InputType({ description: 'Narrows a list of partners; every condition given must hold.' })
export class PartnerFilter {
  @Field(() => PartnerKind, { nullable: true, description: 'Only partners of this kind.' })
  kind?: PartnerKind;

  @Field(() => String, {
    nullable: true,
    description:
      'Only partners acting for this territory: one of their territories is this code or contains it (for "59350": partners of Lille, of the MEL and of the Nord).',
  })
  actingFor?: string;
}
