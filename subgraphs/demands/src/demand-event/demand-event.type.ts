import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
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

  @Field(() => String, { nullable: true, description: 'Short free-text detail (e.g. a motive); null when none.' })
  detail: string | null;
}
