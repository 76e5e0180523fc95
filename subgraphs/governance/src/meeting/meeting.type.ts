import { PageInfo } from '@passerelle/shared/pagination';
import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { MeetingMode, MeetingStatus } from './meeting.enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A meeting (session) of a governance body on one date.' })
export class Meeting {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the meeting across all subgraphs.' })
  id: string;

  @Field(() => LocalDateResolver, { description: 'Day of the meeting (for an asynchronous session, its last day).' })
  date: string;

  @Field(() => MeetingMode, { description: 'How the meeting sits.' })
  mode: MeetingMode;

  @Field(() => MeetingStatus, { description: 'Whether the meeting is planned, was held or was cancelled.' })
  status: MeetingStatus;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'For an asynchronous session: the first day of its window (it closes on `date`); null otherwise.',
  })
  windowOpens: string | null;

  @Field(() => String, { nullable: true, description: 'Why the meeting was cancelled; null unless cancelled.' })
  cancellationReason: string | null;

  @Field(() => Int, {
    description:
      'Version of the meeting, incremented by every change of its status or minutes: pass it as `expectedVersion`.',
  })
  version: number;

  /** Read through the `minutes` field, which shows them to the body's members only. */
  minutes: string | null;

  /** The body's id; resolved by `body`. */
  bodyId: string;
}

@ObjectType({ description: 'One meeting in a page of meetings.' })
export class MeetingEdge {
  @Field(() => String, { description: 'Opaque cursor of this meeting: pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => Meeting, { description: 'The meeting.' })
  node: Meeting;
}

@ObjectType({ description: 'A page of meetings, newest first.' })
export class MeetingConnection {
  @Field(() => [MeetingEdge], { description: 'The meetings of this page.' })
  edges: MeetingEdge[];

  @Field(() => PageInfo, { description: 'Whether more meetings follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
