import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DecisionMotiveCode } from '../cal-decision/cal-decision.enums';

/**
 * The activity of a body, or of the bodies of a territory, over a period. Only the period and the
 * loaders' key are held here: each figure is a field resolver (`GovernanceActivityResolver`) that
 * loads its own group, batched across every territory and body of the request.
 */
@ObjectType({
  description:
    'Activity statistics of a governance body, or of the bodies acting on a territory, over a period: meetings held and cancelled, attendance, CAL decisions and their motives, refusals of offers, and the follow-up of recommendations (préconisations). No nominative data.',
})
export class GovernanceActivity {
  @Field(() => LocalDateResolver, { description: 'First day of the period, included.' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the period, included.' })
  to: string;

  /** The loaders' key of this scope and period (`scopeKey|from|to`). */
  key: string;
}

@ObjectType({
  description:
    'How often a partner attended the meetings held over the period where an attendance was recorded for it (its présence).',
})
export class PartnerAttendance {
  /** The partner's id; resolved by `partner`. */
  partnerId: string;

  /** The partner's name, by which the list is sorted. */
  partnerName: string;

  @Field(() => Int, { description: 'Held meetings of the period where the partner was present.' })
  present: number;

  @Field(() => Int, {
    description:
      'Held meetings of the period where an attendance was recorded for the partner (present, excused or absent).',
  })
  expected: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share of the expected meetings where the partner was present (`present / expected`, 0 to 1); null when `expected` is 0.',
  })
  rate: number | null;
}

@ObjectType({
  description:
    "How many CAL decisions the landlord's CAL (commission d'attribution des logements) took over the period.",
})
export class CalDecisionCountByLandlord {
  /** The landlord's partner id; resolved by `landlord`. */
  landlordPartnerId: string;

  /** The landlord's name, by which the list is sorted. */
  landlordName: string;

  @Field(() => Int, { description: 'Decisions taken over the period by the CAL of this landlord.' })
  count: number;
}

@ObjectType({
  description:
    'How many refusals by the CAL (non-attribution, R441-3 d, or ineligibility — irrecevabilité —, R441-3 e) gave one coded motive over the period.',
})
export class MotiveCount {
  @Field(() => DecisionMotiveCode, { description: 'The coded motive.' })
  motive: DecisionMotiveCode;

  @Field(() => Int, { description: 'Non-attributions and ineligibility decisions of the period with this motive.' })
  count: number;
}

@ObjectType({
  description:
    'How many candidates refused the offer that followed their attribution with one motive (free text, as the landlord recorded it) over the period.',
})
export class RefusalMotiveCount {
  @Field(() => String, { description: 'The motive of the refusal, as recorded.' })
  motive: string;

  @Field(() => Int, { description: 'Offers refused over the period with this motive.' })
  count: number;
}

@ObjectType({
  description:
    'Where the recommendations (préconisations) issued by the bodies up to the end of the period stand today.',
})
export class RecommendationCounts {
  @Field(() => Int, { description: 'Recommendations still open (OPEN or IN_PROGRESS).' })
  open: number;

  @Field(() => Int, { description: 'Recommendations carried out (DONE).' })
  done: number;

  @Field(() => Int, { description: 'Recommendations abandoned (DROPPED).' })
  dropped: number;

  @Field(() => Int, {
    description: 'Open recommendations whose due date is before the last day of the period (overdue on that day).',
  })
  overdue: number;
}
