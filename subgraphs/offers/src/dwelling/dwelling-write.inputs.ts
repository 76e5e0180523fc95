import { Typology } from '@passerelle/shared/housing';
import { Field, Float, InputType, Int } from 'type-graphql';
import { Financing } from './dwelling.enums';

/** The fields of a dwelling a landlord sets; shared by registration (all required) and changes (all optional). */
@InputType({ description: 'A dwelling of your stock, as in the RPLS register.' })
export class RegisterDwellingInput {
  @Field(() => String, {
    description: 'Identifier in the RPLS register: 1 to 20 capital letters and digits, unique across the hub.',
  })
  rplsId: string;

  @Field(() => String, { description: 'Street address (number and street), 1 to 200 characters.' })
  address: string;

  @Field(() => String, { description: 'INSEE code of the commune, one of the official geography.' })
  commune: string;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the QPV the dwelling lies in (one of the commune’s); omit outside any QPV.',
  })
  qpv?: string | null;

  @Field(() => Typology, { description: 'Number of main rooms.' })
  typology: Typology;

  @Field(() => Float, { description: 'Living area in square metres, 5 to 500.' })
  surface: number;

  @Field(() => Int, { description: 'Floor, -1 to 60 (0 for the ground floor).' })
  floor: number;

  @Field(() => Boolean, { description: 'True when a lift serves the dwelling.' })
  lift: boolean;

  @Field(() => Boolean, { description: 'True when accessible to persons with reduced mobility.' })
  accessible: boolean;

  @Field(() => Int, { description: 'Year the building was completed, 1800 to five years from now.' })
  constructionYear: number;

  @Field(() => Financing, { description: 'Initial financing.' })
  financing: Financing;

  @Field(() => Float, { description: 'Monthly rent excluding charges, in euros (0 to 10 000, cents at most).' })
  rent: number;

  @Field(() => Float, { description: 'Monthly charges, in euros (0 to 5 000, cents at most).' })
  charges: number;

  @Field(() => String, {
    nullable: true,
    description: 'Your internal notes (at most 2 000 characters), read by you only.',
  })
  internalNotes?: string | null;
}

@InputType({
  description: 'Changes to a dwelling of your stock: only the fields given change (the RPLS identifier never does).',
})
export class UpdateDwellingInput {
  @Field(() => String, { nullable: true, description: 'Street address, 1 to 200 characters.' })
  address?: string;

  @Field(() => Typology, { nullable: true, description: 'Number of main rooms (after works).' })
  typology?: Typology;

  @Field(() => Float, { nullable: true, description: 'Living area in square metres, 5 to 500.' })
  surface?: number;

  @Field(() => Boolean, { nullable: true, description: 'True when a lift serves the dwelling.' })
  lift?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'True when accessible to persons with reduced mobility.' })
  accessible?: boolean;

  @Field(() => Float, { nullable: true, description: 'Monthly rent excluding charges, in euros (0 to 10 000).' })
  rent?: number;

  @Field(() => Float, { nullable: true, description: 'Monthly charges, in euros (0 to 5 000).' })
  charges?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Your internal notes (at most 2 000 characters); an empty string clears them.',
  })
  internalNotes?: string | null;
}
