import { Field, InputType } from 'type-graphql';
import { ReservationHolderKind } from './reservation-holder.enums';

@InputType({ description: 'Narrows a list of reservation holders; every condition given must hold.' })
export class ReservationHolderFilter {
  @Field(() => ReservationHolderKind, { nullable: true, description: 'Only reservation holders of this kind.' })
  kind?: ReservationHolderKind;
}
