import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A flux agreement (convention de réservation en flux, décret 2020-145, CCH R441-5): the share of a landlord’s annual flux of vacancies on a territory reserved, for one year, to one reservation holder.',
})
export class FluxAgreement {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the agreement.' })
  id: string;

  /** Resolved by `FluxAgreementResolver.landlord` and `.reservationHolder`. */
  landlordId: string;
  reservationHolderId: string;

  @Field(() => String, {
    description:
      'The territory the share applies to: a département code (e.g. "59"), an EPCI SIREN or an INSEE commune code. The landlord’s dwellings in its communes make the flux.',
  })
  territory: string;

  @Field(() => Int, { description: 'The calendar year the share applies to.' })
  year: number;

  @Field(() => Float, {
    description: 'The reserved share of the flux, in percent with at most two decimals (25 for 25 %).',
  })
  sharePercent: number;

  @Field(() => LocalDateResolver, { description: 'The day the agreement was signed.' })
  signedOn: string;
}

@ObjectType({
  description:
    'Where one reservation holder stands against its objective for the year on one territory: its share of the landlord’s annual flux, the dwellings oriented to it and the leases signed with its candidates (décret 2020-145, CCH R441-5).',
})
export class FluxObjective {
  /** Resolved by `FluxObjectiveResolver.reservationHolder`. */
  reservationHolderId: string;

  @Field(() => Float, { description: 'The holder’s share of the flux under its agreement, in percent (25 for 25 %).' })
  sharePercent: number;

  @Field(() => Int, {
    description: 'Dwellings due to the holder for the year: annual flux × share, rounded half up to a whole dwelling.',
  })
  objective: number;

  @Field(() => Int, {
    description:
      'Vacancies of the territory the landlord oriented to the holder during the year (distinct vacancies with an ORIENTED step to it dated in the year).',
  })
  oriented: number;

  @Field(() => Int, {
    description:
      'Attributions achieved: leases signed during the year on the territory and charged to the holder’s contingent.',
  })
  achieved: number;

  @Field(() => Int, {
    description:
      'achieved − objective: negative while the landlord still owes dwellings to the holder, positive when ahead.',
  })
  balance: number;

  @Field(() => Float, {
    nullable: true,
    description: 'achieved / objective, rounded to 4 decimals (1 = objective reached); null when the objective is 0.',
  })
  rate: number | null;
}

@ObjectType({
  description:
    'A landlord’s annual flux on one territory (décret 2020-145, CCH R441-5): the dwellings freed and let in the year plus first lettings, minus the dwellings withdrawn from the flux, and each reservation holder’s objective and balance on it.',
})
export class LandlordAnnualFlux {
  @Field(() => String, {
    description: 'The territory of the agreements (département code, EPCI SIREN or INSEE commune code).',
  })
  territory: string;

  @Field(() => Int, { description: 'The calendar year.' })
  year: number;

  @Field(() => Int, {
    description:
      'Dwellings of the landlord on the territory vacated in the year and to be let again (gross: withdrawn dwellings included), first lettings excluded.',
  })
  freed: number;

  @Field(() => Int, {
    description: 'Dwellings of new programmes of the landlord on the territory let for the first time in the year.',
  })
  firstLettings: number;

  @Field(() => Int, {
    description:
      'Dwellings withdrawn from the flux: internal transfers (mutations internes), urban-renewal (ANRU) and other legal rehousing.',
  })
  withdrawn: number;

  @Field(() => Int, { description: 'The annual flux: freed + firstLettings − withdrawn, never below 0.' })
  flux: number;

  @Field(() => [FluxObjective], {
    description: 'One line per flux agreement of the landlord on this territory and year, by reservation holder name.',
  })
  objectives: FluxObjective[];
}

@ObjectType({
  description:
    'A reservation holder’s objective and balance under one flux agreement, seen from the holder’s side: which landlord, which territory, the landlord’s flux there and where the holder stands (décret 2020-145).',
})
export class LandlordFluxObjective {
  /** Resolved by `LandlordFluxObjectiveResolver.landlord`. */
  landlordId: string;

  @Field(() => String, {
    description: 'The territory of the agreement (département code, EPCI SIREN or INSEE commune code).',
  })
  territory: string;

  @Field(() => Int, { description: 'The calendar year.' })
  year: number;

  @Field(() => Int, {
    description:
      'The landlord’s annual flux on that territory (see `LandlordAnnualFlux.flux`), the base of the objective.',
  })
  flux: number;

  @Field(() => Float, { description: 'The holder’s share of that flux under the agreement, in percent (25 for 25 %).' })
  sharePercent: number;

  @Field(() => Int, {
    description: 'Dwellings due to the holder for the year: annual flux × share, rounded half up to a whole dwelling.',
  })
  objective: number;

  @Field(() => Int, {
    description:
      'Vacancies of the landlord on the territory oriented to the holder during the year (distinct vacancies with an ORIENTED step to it dated in the year).',
  })
  oriented: number;

  @Field(() => Int, {
    description:
      'Attributions achieved: leases signed during the year on the territory with the landlord and charged to the holder’s contingent.',
  })
  achieved: number;

  @Field(() => Int, {
    description:
      'achieved − objective: negative while the landlord still owes dwellings to the holder, positive when ahead.',
  })
  balance: number;

  @Field(() => Float, {
    nullable: true,
    description: 'achieved / objective, rounded to 4 decimals (1 = objective reached); null when the objective is 0.',
  })
  rate: number | null;
}
