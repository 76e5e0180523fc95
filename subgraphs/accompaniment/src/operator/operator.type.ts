import { PageInfo } from '@passerelle/shared/pagination';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { SchemeCode } from '../scheme/scheme.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'An accompaniment operator: an association (SIAO, SOLIHA, AIVS, CLLAJ…) delivering schemes on territories. Public reference data.',
})
export class Operator {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the operator across all subgraphs.' })
  id: string;

  @Field(() => String, {
    description:
      'The operator’s partner slug (e.g. "soliha-metropole-nord"): an association’s token carries it, and it sees the measures its slug operates.',
  })
  slug: string;

  @Field(() => String, { description: 'Name of the operator.' })
  name: string;

  @Field(() => [String], {
    description: 'Codes of the territories the operator works on: communes (INSEE), EPCIs (SIREN) or départements.',
  })
  territories: string[];

  @Field(() => Int, { description: 'How many measures the operator can take on per year, all schemes together.' })
  annualCapacity: number;

  /** Resolved into `schemes` by a field resolver (the catalogue rows). */
  schemeCodes: SchemeCode[];
}

@ObjectType({ description: 'One operator in a page of operators.' })
export class OperatorEdge {
  @Field(() => String, { description: 'Opaque cursor of this operator: pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => Operator, { description: 'The operator.' })
  node: Operator;
}

@ObjectType({ description: 'A page of operators, by name.' })
export class OperatorConnection {
  @Field(() => [OperatorEdge], { description: 'The operators of this page.' })
  edges: OperatorEdge[];

  @Field(() => PageInfo, { description: 'Whether more operators follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
