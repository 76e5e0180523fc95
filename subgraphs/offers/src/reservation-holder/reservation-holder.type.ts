import { PageInfo } from '@passerelle/shared/pagination';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ReservationHolderKind } from './reservation-holder.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A reservation holder (réservataire): a partner holding reservation rights on part of the landlords’ vacancies, to which a landlord orients a vacancy and which then designates candidates.',
})
export class ReservationHolder {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the reservation holder across all subgraphs.' })
  id: string;

  @Field(() => String, {
    description:
      'Slug of the reservation holder as a partner of the hub (e.g. "action-logement"); a landlord holding its own dwellings has its own slug.',
  })
  slug: string;

  @Field(() => String, { description: 'Name of the reservation holder.' })
  name: string;

  @Field(() => ReservationHolderKind, { description: 'What kind of reservation holder it is.' })
  kind: ReservationHolderKind;
}

@ObjectType({ description: 'One reservation holder in a page of reservation holders.' })
export class ReservationHolderEdge {
  @Field(() => String, {
    description: 'Opaque cursor of this reservation holder: pass it as `after` to continue after it.',
  })
  cursor: string;

  @Field(() => ReservationHolder, { description: 'The reservation holder.' })
  node: ReservationHolder;
}

@ObjectType({ description: 'A page of reservation holders, by name.' })
export class ReservationHolderConnection {
  @Field(() => [ReservationHolderEdge], { description: 'The reservation holders of this page.' })
  edges: ReservationHolderEdge[];

  @Field(() => PageInfo, { description: 'Whether more reservation holders follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
