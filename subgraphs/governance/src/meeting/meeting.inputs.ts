import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, ID, InputType } from 'type-graphql';
import { BodyKind } from '../body/body.enums';
import { MeetingStatus } from './meeting.enums';

@InputType({ description: 'Narrows a list of meetings; every condition given must hold.' })
export class MeetingFilter {
  @Field(() => ID, { nullable: true, description: 'Only meetings of this body (its id).' })
  body?: string;

  @Field(() => BodyKind, { nullable: true, description: 'Only meetings of bodies of this kind.' })
  bodyKind?: BodyKind;

  @Field(() => MeetingStatus, { nullable: true, description: 'Only meetings in this status.' })
  status?: MeetingStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Only meetings on or after this day.' })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Only meetings on or before this day.' })
  to?: string;
}
