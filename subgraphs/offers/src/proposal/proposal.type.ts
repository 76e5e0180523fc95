import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DemandReference } from '../references/demand.type';
import { ProposalOutcome } from './proposal.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A proposal: a vacancy a demand was designated for as a candidate, with its outcome so far. It links a household to a dwelling, so only the State, the EPCI, landlords and reservation holders acting for the dwelling’s commune read it.',
})
export class Proposal {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the proposal (the candidacy).' })
  id: string;

  /** Resolved by `ProposalResolver.vacancy` and `ProposalResolver.designatedBy`. */
  vacancyId: string;
  designatedById: string;

  @Field(() => DemandReference, {
    nullable: true,
    description:
      'The demand designated, resolved by the demands subgraph: null when its register does not let you read that demand (another territory).',
  })
  demand: DemandReference | null;

  @Field(() => LocalDateResolver, { description: 'The day the candidate was designated.' })
  designatedOn: string;

  @Field(() => ProposalOutcome, { description: 'How far the candidacy went so far.' })
  outcome: ProposalOutcome;

  @Field(() => LocalDateResolver, { description: 'The day the current outcome was reached.' })
  outcomeOn: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why the applicant refused the offer (as recorded by the landlord); null unless REFUSED.',
  })
  refusalMotive: string | null;
}
