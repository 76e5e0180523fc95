import { Typology } from '@passerelle/shared/housing';
import { Field, ID, InputType } from 'type-graphql';
import { Financing } from './dwelling.enums';

@InputType({ description: 'Narrows a list of dwellings; every condition given must hold.' })
export class DwellingFilter {
  @Field(() => ID, { nullable: true, description: 'Only the dwellings of this landlord (its id).' })
  landlord?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only dwellings in this commune (INSEE code, e.g. "59350" for Lille).',
  })
  commune?: string;

  @Field(() => Typology, { nullable: true, description: 'Only dwellings of this typology.' })
  typology?: Typology;

  @Field(() => Financing, { nullable: true, description: 'Only dwellings of this initial financing.' })
  financing?: Financing;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only dwellings in a QPV; false: only dwellings outside any QPV.',
  })
  inQpv?: boolean;
}
