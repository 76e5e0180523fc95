import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType({
  description:
    'A flux agreement of your landlord (décret 2020-145): the share of your annual flux on a territory reserved to a reservation holder for a year. Recording it again for the same holder, territory and year replaces the share.',
})
export class RecordFluxAgreementInput {
  @Field(() => ID, {
    description:
      'The reservation holder (réservataire) the share is reserved to; not a holder of kind LANDLORD (your non-reserved part needs no agreement).',
  })
  reservationHolder: string;

  @Field(() => String, {
    description:
      'The territory of the official geography the share applies to: a département code ("59"), an EPCI SIREN or an INSEE commune code.',
  })
  territory: string;

  @Field(() => Int, { description: 'The calendar year the share applies to, 2020 to 2999.' })
  year: number;

  @Field(() => Float, {
    description:
      'The share in percent, more than 0 and at most 100, with at most two decimals (12.5 for 12.5 %). Your shares on one territory and year sum to at most 100 %; the State’s (préfet’s) is at most 30 % (CCH R441-5).',
  })
  sharePercent: number;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day the agreement was signed, not after today (default: today in Paris).',
  })
  signedOn?: string | null;
}
