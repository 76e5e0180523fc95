import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { GovernanceContext } from '../context';
import { OfferAnswer, OfferStatus } from './cal-decision.enums';
import { CalDecision, NOMINATIVE } from './cal-decision.type';

@ObjectType({ description: 'The candidate’s answer to the offer that followed an attribution.' })
export class OfferAnswerRecord {
  @Field(() => OfferAnswer, { description: 'Accepted or refused.' })
  answer: OfferAnswer;

  @Field(() => String, { nullable: true, description: 'The motive of a refusal.' })
  motive: string | null;

  @Field(() => LocalDateResolver, { description: 'Day of the answer.' })
  answeredOn: string;
}

@Resolver(() => CalDecision)
export class CalDecisionOfferResolver {
  @FieldResolver(() => OfferStatus, {
    nullable: true,
    description: `For an attribution: where the offer of the dwelling stands for this candidate (a ranked candidate gets it when those before refuse); null for a refusal. ${NOMINATIVE}`,
  })
  offerStatus(@Root() decision: CalDecision, @Ctx() ctx: GovernanceContext) {
    return ctx.loaders.offerStatusOf.load(decision.id);
  }

  @FieldResolver(() => OfferAnswerRecord, {
    nullable: true,
    description: `The candidate’s answer to the offer, once the landlord recorded it (a refusal’s motive is in the household’s own words). ${NOMINATIVE}`,
  })
  offerAnswer(@Root() decision: CalDecision, @Ctx() ctx: GovernanceContext) {
    return ctx.loaders.offerAnswerOf.load(decision.id);
  }
}
