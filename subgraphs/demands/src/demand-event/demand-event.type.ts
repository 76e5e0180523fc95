import { DateTimeResolver } from '@passerelle/shared/scalars';
import { CalDecisionType } from '@passerelle/shared/housing';
import { Field, ID, ObjectType } from 'type-graphql';
import { IneligibilityGround } from '../demand/demand.enums';
import { DemandEventType } from './demand-event.enums';

@ObjectType({
  description:
    "A dated processing event in a demand's history (CCH R441-2-15). Events are never edited: a correction is a new event.",
})
export class DemandEvent {
  @Field(() => ID, { description: 'Opaque identifier of the event.' })
  id: string;

  @Field(() => DemandEventType, { description: 'What happened.' })
  type: DemandEventType;

  @Field(() => DateTimeResolver, { description: 'When it happened (ISO 8601 instant).' })
  occurredAt: Date;

  @Field(() => String, { description: 'Slug of the partner (legal person) that recorded the event.' })
  recordedBy: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Short free-text detail (e.g. a motive); null when none. Nominative: null with FORBIDDEN for analysts.',
  })
  detail: string | null;

  @Field(() => CalDecisionType, {
    nullable: true,
    description: 'For CAL_DECISION: which of the five decisions. Nominative: null with FORBIDDEN for analysts.',
  })
  calDecision?: CalDecisionType | null;

  @Field(() => IneligibilityGround, {
    nullable: true,
    description: 'For a CAL_DECISION INELIGIBLE: its ground. Nominative: null with FORBIDDEN for analysts.',
  })
  ineligibilityGround?: IneligibilityGround | null;
}
