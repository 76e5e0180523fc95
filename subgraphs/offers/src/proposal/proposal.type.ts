import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DemandReference } from '../references/demand.type';
import { OfferRefusalMotive, ProposalOutcome } from './proposal.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A proposal: a vacancy a demand was designated for as a candidate, with its outcome so far. It links a household to a dwelling, so only the State and the EPCI acting for the dwelling’s commune, the dwelling’s landlord and the reservation holder that designated the candidate read it (never another holder’s candidates, even on a vacancy re-oriented to it).',
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
      'The demand designated, resolved by the demands subgraph (null there when its register does not let you read that demand). Nominative, each read logged: read by whoever reads the proposal (analysts and the auditor read none).',
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
    description:
      'The refusal in the words recorded by the landlord; null when none were given or unless REFUSED. Nominative free text, each read logged: read by whoever reads the proposal.',
  })
  refusalMotive: string | null;

  @Field(() => OfferRefusalMotive, {
    nullable: true,
    description:
      'Why the applicant refused the offer (NO_ANSWER: silence within the 10 days); null unless REFUSED. Nominative, each read logged: read by whoever reads the proposal.',
  })
  refusalMotiveCode: OfferRefusalMotive | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True for a DALO household designated alone by the State (préfet), outside the three-candidate rule. Nominative (the household’s priority status), each read logged: read by whoever reads the proposal.',
  })
  dalo: boolean;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day the offer was notified to the applicant, while it awaits an answer; null otherwise.',
  })
  notifiedOn: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      'The last day to answer the offer: 10 days after the notice (CCH R441-10); after it, silence is a refusal. Null unless an offer awaits an answer.',
  })
  answerDueOn: string | null;
}
