import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, ID, InputType } from 'type-graphql';
import { AgendaItemKind, AttendanceStatus, OccupancySituation } from '../agenda/agenda.enums';
import { MeetingMode } from './meeting.enums';

@InputType({ description: 'A meeting to plan.' })
export class PlanMeetingInput {
  @Field(() => ID, { description: 'The body that meets (you chair it).' })
  bodyId: string;

  @Field(() => LocalDateResolver, {
    description: 'Day of the meeting (for an asynchronous session, its last day); today or later.',
  })
  date: string;

  @Field(() => MeetingMode, { description: 'How it sits.' })
  mode: MeetingMode;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'For an asynchronous session only (required there): the first day of its window, on or before `date`.',
  })
  windowOpens?: string | null;
}

@InputType({
  description:
    'An item to add at the end of a planned meeting’s agenda. The demand, vacancy and dwelling are owned by other subgraphs: give their ids as you read them through the gateway, with the dwelling’s (or the demand’s) commune and QPV.',
})
export class AgendaItemInput {
  @Field(() => AgendaItemKind, { description: 'What the item is about.' })
  kind: AgendaItemKind;

  @Field(() => String, {
    description:
      'Title, 1 to 300 characters. Every partner reads the titles of policy, reporting and follow-up items; a case file names its dwelling or its subject, never the household (the household is `demandId`, whose reads are logged).',
  })
  title: string;

  @Field(() => ID, { nullable: true, description: 'CASE_REVIEW (required): the demand reviewed.' })
  demandId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'CASE_REVIEW in a CAL (required there): the vacancy the candidate is examined for.',
  })
  vacancyId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'CASE_REVIEW: the candidate is a DALO household designated by the State (default false).',
  })
  daloDesignatedByState?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'OCCUPANCY_REVIEW (required): the dwelling under review.' })
  dwellingId?: string | null;

  @Field(() => OccupancySituation, {
    nullable: true,
    description: 'OCCUPANCY_REVIEW (required): the situation examined.',
  })
  occupancySituation?: OccupancySituation | null;

  @Field(() => String, {
    nullable: true,
    description: 'CASE_REVIEW and OCCUPANCY_REVIEW (required): INSEE code of the dwelling’s (or the demand’s) commune.',
  })
  commune?: string | null;

  @Field(() => String, { nullable: true, description: 'The QPV code when the dwelling lies in one.' })
  qpv?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'RECOMMENDATION_FOLLOW_UP (required): a recommendation of this body.',
  })
  recommendationId?: string | null;
}

@InputType({ description: 'Whether a member partner attended.' })
export class AttendanceInput {
  @Field(() => String, { description: 'Slug of a member partner of the body (e.g. "vilogia").' })
  partner: string;

  @Field(() => AttendanceStatus, { description: 'Present, excused or absent.' })
  status: AttendanceStatus;
}
