import { LocalDateResolver } from '@passerelle/shared/scalars';
import { PageInfo } from '@passerelle/shared/pagination';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RecommendationScopeKind, RecommendationStatus } from './recommendation.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A recommendation (préconisation) issued by a body at a meeting — e.g. the coordination commission’s, which bind the CALs — with its owner, due date, status and follow-up.',
})
export class Recommendation {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the recommendation.' })
  id: string;

  @Field(() => String, { description: 'Short title.' })
  title: string;

  @Field(() => String, { description: 'What is recommended.' })
  text: string;

  @Field(() => RecommendationScopeKind, { description: 'What it applies to.' })
  scopeKind: RecommendationScopeKind;

  @Field(() => String, {
    description: 'Which residence, district (QPV code or name), commune (INSEE code) or public segment.',
  })
  scopeValue: string;

  @Field(() => Boolean, { description: 'Whether it binds those it addresses (e.g. the CALs), or only advises.' })
  binding: boolean;

  @Field(() => LocalDateResolver, { description: 'Day it was issued (the meeting’s date).' })
  issuedOn: string;

  @Field(() => LocalDateResolver, { description: 'When it is due.' })
  dueOn: string;

  @Field(() => RecommendationStatus, { description: 'Where it stands (its latest follow-up).' })
  status: RecommendationStatus;

  @Field(() => Boolean, { description: 'Still open and past its due date, today (Europe/Paris).' })
  overdue: boolean;

  /** Ids resolved by `body`, `issuedAt` and `owner`. */
  bodyId: string;
  issuedAtMeetingId: string;
  ownerPartnerId: string;
}

@ObjectType({ description: 'A recommendation’s status as reported at a later meeting.' })
export class RecommendationFollowUp {
  @Field(() => RecommendationStatus, { description: 'Status reported.' })
  status: RecommendationStatus;

  @Field(() => String, { description: 'What was reported.' })
  note: string;

  @Field(() => LocalDateResolver, { description: 'Day it was reported (the meeting’s date).' })
  recordedOn: string;

  @Field(() => String, { description: 'Slug of the partner that recorded it.' })
  recordedBy: string;

  /** Resolved by `meeting`. */
  meetingId: string;
}

@ObjectType({ description: 'One recommendation in a page.' })
export class RecommendationEdge {
  @Field(() => String, { description: 'Opaque cursor: pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => Recommendation, { description: 'The recommendation.' })
  node: Recommendation;
}

@ObjectType({ description: 'A page of recommendations, by due date (earliest first).' })
export class RecommendationConnection {
  @Field(() => [RecommendationEdge], { description: 'The recommendations of this page.' })
  edges: RecommendationEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
