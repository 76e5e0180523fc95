import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AttributionPriority } from '../attribution/attribution.enums';
import { VacancyOrigin } from '../flux/flux.enums';

@InputType({ description: 'A dwelling of your stock freed (or delivered) and to be let.' })
export class DeclareVacancyInput {
  @Field(() => ID, { description: 'The dwelling (its id); it must be yours and not already being let.' })
  dwelling: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day it was freed (default today); never in the future.',
  })
  vacatedOn?: string | null;

  @Field(() => VacancyOrigin, {
    description: 'How it comes to be let: whether it counts in your annual flux (décret 2020-145).',
  })
  origin: VacancyOrigin;
}

@InputType({
  description:
    'The household of a signed lease at signature, as you read it from the demand through the gateway (`Demand.household`, `Demand.resources`, `Demand.priorityLabels`): the legal shares of CCH L441-1 are computed from it. The offers subgraph never reads the demands database.',
})
export class AttributionHouseholdInput {
  @Field(() => [Int], {
    description:
      'The age in whole years, on the day of signature, of each person who will live in the dwelling, the applicant first (1 to 30 persons, ages 0 to 130). Consumption units follow: 1 for the first person, 0.5 per other person aged 14 or over, 0.3 per child under 14.',
  })
  memberAges: number[];

  @Field(() => Int, {
    description:
      'Annual resources of the household (revenu fiscal de référence of year N-2), in whole euros, 0 to 10 000 000.',
  })
  annualResources: number;

  @Field(() => AttributionPriority, { description: 'The household’s priority status at signature (DALO first).' })
  priority: AttributionPriority;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'True when the household is rehoused by an urban-renewal operation (default false).',
  })
  urbanRenewalRehousing?: boolean;
}

@InputType({ description: 'The lease signed by the candidate who accepted the offer.' })
export class SignLeaseInput {
  @Field(() => ID, { description: 'The proposal (candidacy) whose household signs; it must have ACCEPTED the offer.' })
  proposal: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day the lease was signed (default today); never in the future.',
  })
  leaseSignedOn?: string | null;

  @Field(() => AttributionHouseholdInput, { description: 'The household at signature.' })
  household: AttributionHouseholdInput;
}
