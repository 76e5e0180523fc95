import { Typology } from '@passerelle/shared/housing';
import { PageInfo } from '@passerelle/shared/pagination';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Financing } from './dwelling.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A social dwelling of a landlord's stock, as in the RPLS register (répertoire des logements locatifs des bailleurs sociaux).",
})
export class Dwelling {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the dwelling across all subgraphs.' })
  id: string;

  @Field(() => String, { description: 'Identifier of the dwelling in the RPLS register, unique.' })
  rplsId: string;

  /** Resolved by `DwellingResolver.landlord`. */
  landlordId: string;

  @Field(() => String, { description: 'Street address (number and street) within the commune.' })
  address: string;

  @Field(() => String, { description: 'INSEE code of the commune where the dwelling lies (e.g. "59350" for Lille).' })
  commune: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Code of the QPV (quartier prioritaire de la politique de la ville, a priority urban district) the dwelling lies in; null outside any QPV.',
  })
  qpv: string | null;

  @Field(() => Boolean, {
    description: 'True when the dwelling lies in a QPV: the legal attribution shares differ in and outside QPVs.',
  })
  inQpv: boolean;

  @Field(() => Typology, { description: 'Size of the dwelling by number of main rooms.' })
  typology: Typology;

  @Field(() => Float, { description: 'Living area (surface habitable), in square metres.' })
  surface: number;

  @Field(() => Int, { description: 'Floor the dwelling is on (0 for the ground floor).' })
  floor: number;

  @Field(() => Boolean, { description: 'True when the building has a lift serving the dwelling.' })
  lift: boolean;

  @Field(() => Boolean, { description: 'True when the dwelling is accessible to persons with reduced mobility.' })
  accessible: boolean;

  @Field(() => Int, { description: 'Year the building was completed.' })
  constructionYear: number;

  @Field(() => Financing, {
    description: 'Initial financing (PLAI, PLUS, PLS, PLI): it sets the resource ceilings of eligible households.',
  })
  financing: Financing;

  @Field(() => Int, {
    description:
      'Optimistic version, one more at each change: give it as `expectedVersion` to `updateDwelling`, which refuses with CONFLICT if someone changed the dwelling since you read it.',
  })
  version: number;

  // The landlord's details: who reads them is `OFFERS_FIELD_POLICY` (`policy.ts`).
  @Field(() => Float, {
    nullable: true,
    description:
      'Monthly rent excluding charges (loyer principal), in euros. For the owning landlord, and for the reservation holder a vacancy of the dwelling is now oriented to; others get null with a FORBIDDEN error here.',
  })
  rent: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Monthly service charges (provisions pour charges), in euros. Read as `rent` is; others get null with a FORBIDDEN error here.',
  })
  charges: number;

  @Field(() => String, {
    nullable: true,
    description:
      "The landlord's internal notes on the dwelling: for the owning landlord only (others get null with a FORBIDDEN error here); null when there are none.",
  })
  internalNotes: string | null;
}

@ObjectType({ description: 'One dwelling in a page of dwellings.' })
export class DwellingEdge {
  @Field(() => String, { description: 'Opaque cursor of this dwelling: pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => Dwelling, { description: 'The dwelling.' })
  node: Dwelling;
}

@ObjectType({ description: 'A page of dwellings, by RPLS identifier.' })
export class DwellingConnection {
  @Field(() => [DwellingEdge], { description: 'The dwellings of this page.' })
  edges: DwellingEdge[];

  @Field(() => PageInfo, { description: 'Whether more dwellings follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
