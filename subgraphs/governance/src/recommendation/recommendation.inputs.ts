import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, ID, InputType } from 'type-graphql';
import { RecommendationScopeKind, RecommendationStatus } from './recommendation.enums';

@InputType({ description: 'A recommendation to issue at a held meeting of a body you chair.' })
export class IssueRecommendationInput {
  @Field(() => ID, { description: 'The held meeting that issues it.' })
  meetingId: string;

  @Field(() => String, { description: 'Short title, 1 to 300 characters.' })
  title: string;

  @Field(() => String, { description: 'What is recommended, 1 to 5000 characters.' })
  text: string;

  @Field(() => RecommendationScopeKind, { description: 'What it applies to.' })
  scopeKind: RecommendationScopeKind;

  @Field(() => String, {
    description:
      'Which one: a residence’s name, a district (QPV code or name), an INSEE commune code, a public segment.',
  })
  scopeValue: string;

  @Field(() => Boolean, { description: 'Whether it binds those it addresses (e.g. the CALs).' })
  binding: boolean;

  @Field(() => String, { description: 'Slug of the partner in charge of it (e.g. "vilogia").' })
  owner: string;

  @Field(() => LocalDateResolver, { description: 'When it is due, on or after the meeting.' })
  dueOn: string;
}

@InputType({ description: 'A recommendation’s status as reported at a later held meeting of its body.' })
export class RecommendationFollowUpInput {
  @Field(() => ID, { description: 'The recommendation.' })
  recommendationId: string;

  @Field(() => ID, { description: 'The held meeting of the same body where it is reported.' })
  meetingId: string;

  @Field(() => RecommendationStatus, { description: 'Its status now.' })
  status: RecommendationStatus;

  @Field(() => String, { description: 'What was reported, 1 to 2000 characters.' })
  note: string;
}

@InputType({ description: 'Narrows a list of recommendations; every condition given must hold.' })
export class RecommendationFilter {
  @Field(() => ID, { nullable: true, description: 'Only those of this body.' })
  bodyId?: string;

  @Field(() => RecommendationStatus, { nullable: true, description: 'Only those with this status.' })
  status?: RecommendationStatus;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Only those overdue on this day: still open and due before it.',
  })
  overdueOn?: string;
}
