import { PageInfo } from '@passerelle/shared/pagination';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { BodyKind, BodyMemberRole, College } from './body.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A body of the local housing policy (CIL, coordination commission, a landlord's CAL, DALO commission, CCAPEX…): partners sit in it and it meets.",
})
export class Body {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the body across all subgraphs.' })
  id: string;

  @Field(() => BodyKind, { description: 'What kind of body it is.' })
  kind: BodyKind;

  @Field(() => String, { description: 'Name of the body (e.g. "CALEOL de Vilogia — Métropole lilloise").' })
  name: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Voting members who must be present for the body to decide (a meeting is not held without them); null when its rules set no quorum.',
  })
  quorum: number | null;

  /** Code of the territory the body acts on; resolved by `territory`. */
  territoryCode: string;

  /** For a CAL, the landlord's partner id; resolved by `landlord`. */
  landlordPartnerId: string | null;
}

@ObjectType({ description: "A partner's seat in a body." })
export class BodyMember {
  @Field(() => BodyMemberRole, { description: 'Whether the member votes or only gives an opinion.' })
  role: BodyMemberRole;

  @Field(() => Boolean, { description: 'True when the member chairs or co-chairs the body.' })
  chair: boolean;

  @Field(() => College, { nullable: true, description: 'In a CIL, the college the member sits in; null elsewhere.' })
  college: College | null;

  /** The member's partner id; resolved by `partner`. */
  partnerId: string;
}

@ObjectType({ description: 'One body in a page of bodies.' })
export class BodyEdge {
  @Field(() => String, { description: 'Opaque cursor of this body: pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => Body, { description: 'The body.' })
  node: Body;
}

@ObjectType({ description: 'A page of bodies, by name.' })
export class BodyConnection {
  @Field(() => [BodyEdge], { description: 'The bodies of this page.' })
  edges: BodyEdge[];

  @Field(() => PageInfo, { description: 'Whether more bodies follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
