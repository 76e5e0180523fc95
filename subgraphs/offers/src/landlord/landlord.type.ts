import { PageInfo } from '@passerelle/shared/pagination';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A social landlord (bailleur social: OPH, SA or coopérative d’HLM) that owns dwellings, orients their vacancies to reservation holders and signs the leases.',
})
export class Landlord {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the landlord across all subgraphs.' })
  id: string;

  @Field(() => String, { description: 'Slug of the landlord as a partner of the hub (e.g. "vilogia").' })
  slug: string;

  @Field(() => String, { description: 'Name of the landlord.' })
  name: string;

  @Field(() => String, { description: 'SIREN number of the landlord (9 digits), unique.' })
  siren: string;
}

@ObjectType({ description: 'One landlord in a page of landlords.' })
export class LandlordEdge {
  @Field(() => String, { description: 'Opaque cursor of this landlord: pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => Landlord, { description: 'The landlord.' })
  node: Landlord;
}

@ObjectType({ description: 'A page of landlords, by name.' })
export class LandlordConnection {
  @Field(() => [LandlordEdge], { description: 'The landlords of this page.' })
  edges: LandlordEdge[];

  @Field(() => PageInfo, { description: 'Whether more landlords follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
