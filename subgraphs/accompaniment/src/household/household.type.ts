import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'The minimal record of an accompanied household, owned by the accompaniment subgraph (many accompanied households have no demand yet). Nominative: readable with its measures only.',
})
export class AccompaniedHousehold {
  @Field(() => ID, { description: 'Opaque identifier (UUID) of the household record.' })
  id: string;

  @Field(() => String, {
    description: 'The label the operator uses for the household (e.g. "Famille D., Roubaix"); never a NIR.',
  })
  label: string;

  @Field(() => Int, { nullable: true, description: 'Number of adults; null when not recorded (older records).' })
  adults: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of children; null when not recorded (older records).' })
  children: number | null;

  @Field(() => String, { description: "INSEE code of the household's commune." })
  commune: string;

  @Field(() => String, { nullable: true, description: 'Code of the QPV the household lives in; null outside any.' })
  qpv: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Id of the household's demand for social housing in the demands subgraph; null when it has none.",
  })
  demandId: string | null;
}
