import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The offers subgraph's `Dwelling`, as governance cites it (an occupancy review's dwelling): its key only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Dwelling', {
  description: 'A social dwelling, owned by the offers subgraph; governance cites it in occupancy reviews.',
})
export class DwellingReference {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the dwelling across all subgraphs.' })
  id: string;
}
