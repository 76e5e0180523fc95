import { PageInfo } from '@passerelle/shared/pagination';
import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { CalDecisionType } from '@passerelle/shared/housing';
import { DecisionMotiveCode } from './cal-decision.enums';

/** What the descriptions of a decision's nominative fields say (the field policy in `policy.ts`). */
export const NOMINATIVE =
  'Nominative (about the candidate household): null with FORBIDDEN for analysts and the auditor; each read is logged.';

@ObjectType({
  description: 'The suspensive condition of an attribution (CCH R441-3 c): the missing document and its deadline.',
})
export class CalDecisionCondition {
  @Field(() => String, {
    description: 'The missing supporting document, from the limitative list of CCH R441-2-4-1.',
  })
  document: string;

  @Field(() => LocalDateResolver, {
    description: 'Last day to supply it; the landlord signs the lease if it arrives by then and confirms eligibility.',
  })
  deadline: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A CAL decision (CCH R441-3): what a landlord's allocation commission decided for one candidate (a demand) to one dwelling (a vacancy) at one meeting. Nominative: it concerns a household.",
})
export class CalDecision {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the decision across all subgraphs.' })
  id: string;

  // Always recorded; nullable in the schema only so that a refused reader gets null with FORBIDDEN.
  @Field(() => CalDecisionType, {
    nullable: true,
    description: `Which of the five decisions of CCH R441-3 was taken. ${NOMINATIVE}`,
  })
  type: CalDecisionType;

  @Field(() => Int, {
    nullable: true,
    description: `Rank in the order of priority: 2, 3… for a ranked attribution, 1 for an attribution (plain or conditional); null for a non-attribution or ineligibility. ${NOMINATIVE}`,
  })
  rank: number | null;

  @Field(() => String, {
    nullable: true,
    description: `The motive stated by the commission: required for a non-attribution and for ineligibility (resources over the ceiling or irregular stay only); null when none was recorded. ${NOMINATIVE}`,
  })
  motive: string | null;

  @Field(() => DecisionMotiveCode, {
    nullable: true,
    description: `The coded motive of a non-attribution or ineligibility, from the documented list; null for attributions and for decisions recorded without one. ${NOMINATIVE}`,
  })
  motiveCode: DecisionMotiveCode | null;

  @Field(() => CalDecisionCondition, {
    nullable: true,
    description: `For an attribution under a suspensive condition: the missing document and its deadline; null otherwise. ${NOMINATIVE}`,
  })
  condition: CalDecisionCondition | null;

  @Field(() => LocalDateResolver, { description: 'Day the commission decided (the date of the meeting).' })
  decidedOn: string;

  /** Ids resolved by the `meeting`, `demand` and `vacancy` fields, and the dwelling's commune. */
  meetingId: string;
  demandId: string;
  vacancyId: string;
  communeCode: string;
}

@ObjectType({ description: 'One CAL decision in a page of decisions.' })
export class CalDecisionEdge {
  @Field(() => String, { description: 'Opaque cursor of this decision: pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => CalDecision, { description: 'The decision.' })
  node: CalDecision;
}

@ObjectType({ description: 'A page of CAL decisions, newest first.' })
export class CalDecisionConnection {
  @Field(() => [CalDecisionEdge], { description: 'The decisions of this page.' })
  edges: CalDecisionEdge[];

  @Field(() => PageInfo, { description: 'Whether more decisions follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
