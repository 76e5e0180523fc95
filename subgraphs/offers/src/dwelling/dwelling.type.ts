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

  /** Resolved by `DwellingResolver.rent`, `.charges` and `.internalNotes` (the landlord's details, `policy.ts`). */
  rent: number;
  charges: number;
  internalNotes: string | null;

  @Field(() => Int, {
    description:
      'Optimistic version, one more at each change: give it as `expectedVersion` to `updateDwelling`, which refuses with CONFLICT if someone changed the dwelling since you read it.',
  })
  version: number;
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
