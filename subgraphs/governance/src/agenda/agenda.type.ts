import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AgendaItemKind, AttendanceStatus, OccupancySituation } from './agenda.enums';

/** What the descriptions of an occupancy review's sensitive fields say (the field policy in `policy.ts`). */
const SENSITIVE =
  'Sensitive (a tenant household’s situation, which may be an occupant’s loss of autonomy or disability): null with FORBIDDEN unless the token carries the `read:sensitive` scope, and for analysts and the auditor; each read is logged.';

@ObjectType({
  description:
    'An item of a meeting’s agenda. Case reviews and occupancy reviews are case files: only the members of the body read them (need to know); other partners see the policy and reporting items.',
})
export class AgendaItem {
  @Field(() => ID, { description: 'Opaque identifier (UUID) of the item.' })
  id: string;

  @Field(() => Int, { description: 'Position on the agenda, from 1.' })
  position: number;

  @Field(() => AgendaItemKind, { description: 'What the item is about.' })
  kind: AgendaItemKind;

  @Field(() => String, { description: 'Title of the item.' })
  title: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'For a case review: the candidate is a DALO household designated by the State (CCH L441-2-3), which the CAL may examine without two other candidates; null for other items. Nominative (about the household): null with FORBIDDEN for analysts and the auditor; each read is logged.',
  })
  daloDesignatedByState: boolean | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of the dwelling’s (or the demand’s) commune.' })
  commune: string | null;

  @Field(() => OccupancySituation, {
    nullable: true,
    description: `For an occupancy review: the situation examined. ${SENSITIVE}`,
  })
  occupancySituation: OccupancySituation | null;

  @Field(() => String, {
    nullable: true,
    description: `For an occupancy review: the CALEOL’s opinion, once given. ${SENSITIVE}`,
  })
  opinion: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'For an occupancy review: when the tenancy is next due for review (three years on, CCH L442-5-2).',
  })
  nextOccupancyReview: string | null;

  /** Ids resolved by the `meeting`, `demand`, `vacancy`, `dwelling`, `recommendation` and `decision` fields. */
  meetingId: string;
  demandId: string | null;
  vacancyId: string | null;
  dwellingId: string | null;
  recommendationId: string | null;
}

@ObjectType({ description: 'Whether a member partner attended a meeting.' })
export class Attendance {
  @Field(() => AttendanceStatus, { description: 'Present, excused or absent.' })
  status: AttendanceStatus;

  /** Resolved by `partner`. */
  partnerId: string;
}
