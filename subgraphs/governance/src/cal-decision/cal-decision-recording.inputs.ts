import { LocalDateResolver } from '@passerelle/shared/scalars';
import { CalDecisionType } from '@passerelle/shared/housing';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DecisionMotiveCode, OfferAnswer } from './cal-decision.enums';

@InputType({ description: 'The suspensive condition of an attribution: the missing document and its deadline.' })
export class CalDecisionConditionInput {
  @Field(() => String, { description: 'The missing document, from the limitative list of CCH R441-2-4-1.' })
  document: string;

  @Field(() => LocalDateResolver, { description: 'Last day to supply it, on or after the meeting.' })
  deadline: string;
}

@InputType({ description: 'What the CAL decided for the candidate of one case review (CCH R441-3).' })
export class CalDecisionInput {
  @Field(() => ID, { description: 'The case review (agenda item) of the candidate and the dwelling.' })
  agendaItemId: string;

  @Field(() => CalDecisionType, { description: 'Which of the five decisions.' })
  type: CalDecisionType;

  @Field(() => Int, {
    nullable: true,
    description: 'ATTRIBUTION_RANKED: the rank (2, 3…, each after the previous one); attributions are rank 1.',
  })
  rank?: number | null;

  @Field(() => DecisionMotiveCode, {
    nullable: true,
    description: 'NON_ATTRIBUTION and INELIGIBLE (required there): the coded motive from the documented list.',
  })
  motiveCode?: DecisionMotiveCode | null;

  @Field(() => String, { nullable: true, description: 'The motive in words (required with OTHER), ≤ 500 characters.' })
  motive?: string | null;

  @Field(() => CalDecisionConditionInput, {
    nullable: true,
    description: 'ATTRIBUTION_CONDITIONAL (required there): the missing document and its deadline.',
  })
  condition?: CalDecisionConditionInput | null;
}

@InputType({ description: 'The candidate’s answer to the offer, as the landlord records it.' })
export class OfferAnswerInput {
  @Field(() => ID, { description: 'The attribution answered.' })
  calDecisionId: string;

  @Field(() => OfferAnswer, { description: 'Accepted or refused (silence after 10 days is a refusal).' })
  answer: OfferAnswer;

  @Field(() => String, { nullable: true, description: 'REFUSED (required there): the motive given, ≤ 500 characters.' })
  motive?: string | null;

  @Field(() => LocalDateResolver, { description: 'Day of the answer: not before the decision, not in the future.' })
  answeredOn: string;
}
