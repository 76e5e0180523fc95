import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { BodyKind } from '../body/body.enums';
import { CalDecisionType } from '@passerelle/shared/housing';

@ObjectType({ description: 'How many meetings bodies of one kind held over the period.' })
export class MeetingCountByBodyKind {
  @Field(() => BodyKind, { description: 'The kind of body.' })
  kind: BodyKind;

  @Field(() => Int, { description: 'Meetings held (status HELD) over the period.' })
  count: number;
}

@ObjectType({ description: 'How many CAL decisions of one type were taken over the period.' })
export class CalDecisionCountByType {
  @Field(() => CalDecisionType, { description: 'The type of decision (CCH R441-3).' })
  type: CalDecisionType;

  @Field(() => Int, { description: 'Decisions of this type taken over the period.' })
  count: number;
}

@ObjectType({
  description:
    "Governance statistics of a territory from 1 January of the reference day's year up to that day: meetings held and CAL decisions by type. No nominative data.",
})
export class GovernanceIndicators {
  @Field(() => LocalDateResolver, { description: 'First day of the period: 1 January of the year of `asOf`.' })
  periodStart: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the period: the reference day.' })
  asOf: string;

  @Field(() => Int, {
    description:
      'Meetings held over the period by bodies acting on the territory or on a territory within it (the CIL and the CALs act on the EPCI, the DALO commission on the département).',
  })
  meetingsHeldThisYear: number;

  @Field(() => [MeetingCountByBodyKind], {
    description: 'The same meetings by kind of body, every kind listed (zero included), in the order of `BodyKind`.',
  })
  meetingsByBodyKind: MeetingCountByBodyKind[];

  @Field(() => [CalDecisionCountByType], {
    description:
      'CAL decisions taken over the period about dwellings in the territory (its communes, or the QPV itself), by type: all five types, zero included.',
  })
  decisionsByType: CalDecisionCountByType[];
}
