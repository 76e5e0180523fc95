import 'reflect-metadata';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { PageInfo } from '../pagination';
import { DateTimeResolver } from '../scalars';

@Directive('@shareable')
@ObjectType({
  description:
    'One record whose nominative or sensitive fields a person read, as logged by the subgraph that owns the record (append-only). For the auditor.',
})
export class NominativeRead {
  @Field(() => ID, { description: 'Position in the log of the owning subgraph (increasing).' })
  id: string;

  @Field(() => DateTimeResolver, { description: 'When the record was read (ISO 8601 instant).' })
  readAt: Date;

  @Field(() => String, { description: 'The person who read it: the `sub` of their token.' })
  person: string;

  @Field(() => String, { description: 'Slug of the partner the person acted for.' })
  partner: string;

  @Field(() => String, { description: 'Kind of that partner (STATE, EPCI, LANDLORD…).' })
  partnerKind: string;

  @Field(() => String, { nullable: true, description: "The client's operation name, when it gave one." })
  operationName: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The purpose the client declared in the `x-passerelle-purpose` header, when it gave one.',
  })
  purpose: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The gateway's id of the client request: reads of several records and subgraphs by one request share it.",
  })
  requestId: string | null;

  @Field(() => String, { description: 'GraphQL type of the record read (e.g. `Demand`).' })
  recordType: string;

  @Field(() => ID, { description: 'Id of the record read.' })
  recordId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The demand the record concerns (its household), when the record is not the demand itself (a CAL decision, a proposal, a measure); null otherwise. `filter.recordId` matches it too.',
  })
  subjectId: string | null;

  @Field(() => [String], { description: 'The nominative or sensitive fields read, as `Type.field`.' })
  fields: string[];
}

@Directive('@shareable')
@ObjectType({ description: 'One entry in a page of the log of nominative reads.' })
export class NominativeReadEdge {
  @Field(() => String, { description: 'Cursor of this entry, for `after`.' })
  cursor: string;

  @Field(() => NominativeRead, { description: 'The logged read.' })
  node: NominativeRead;
}

@Directive('@shareable')
@ObjectType({ description: 'A page of the log of nominative reads, newest first.' })
export class NominativeReadConnection {
  @Field(() => [NominativeReadEdge], { description: 'The reads of this page.' })
  edges: NominativeReadEdge[];

  @Field(() => PageInfo, { description: 'Whether more reads follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}

@InputType({ description: 'Which logged reads to list; every part is optional and they combine.' })
export class NominativeReadFilterInput {
  @Field(() => String, { nullable: true, description: 'Only reads by this partner (slug).' })
  partner?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only reads of this record (its id) — or, for a demand id, of every record concerning that household.',
  })
  recordId?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Only reads at or after this instant.' })
  from?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Only reads before this instant.' })
  to?: Date | null;
}
