import { PageInfo } from '@passerelle/shared/pagination';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PartnerKind } from './partner.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A legal person taking part in the housing policy of a territory (the State, the EPCI, a landlord, a reservation holder, an association…): the partners sit in bodies and sign what they record.',
})
export class Partner {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the partner across all subgraphs.' })
  id: string;

  @Field(() => String, {
    description: 'Short unique name of the partner (e.g. "mel"), as in its tokens\' `partner` claim.',
  })
  slug: string;

  @Field(() => PartnerKind, { description: "The partner's legal role, which decides what it may read." })
  kind: PartnerKind;

  @Field(() => String, { description: 'Name of the partner (e.g. "Métropole Européenne de Lille").' })
  name: string;

  /** Codes of the territories the partner acts for; resolved by `territories`. */
  territoryCodes: string[];
}

@ObjectType({ description: 'One partner in a page of partners.' })
export class PartnerEdge {
  @Field(() => String, { description: 'Opaque cursor of this partner: pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => Partner, { description: 'The partner.' })
  node: Partner;
}

@ObjectType({ description: 'A page of partners, by name.' })
export class PartnerConnection {
  @Field(() => [PartnerEdge], { description: 'The partners of this page.' })
  edges: PartnerEdge[];

  @Field(() => PageInfo, { description: 'Whether more partners follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
