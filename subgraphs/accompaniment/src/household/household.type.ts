import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'The minimal record of an accompanied household, owned by the accompaniment subgraph (many accompanied households have no demand yet). Nominative: readable with its measures only; its label, composition and demand are logged when read and never shown to analysts and auditors.',
})
export class AccompaniedHousehold {
  @Field(() => ID, { description: 'Opaque identifier (UUID) of the household record.' })
  id: string;

  @Field(() => String, {
    nullable: true,
    description: `The label the operator uses for the household (e.g. "Famille D., Roubaix"); never a NIR. Nominative (logged when read): null with a FORBIDDEN error for analysts and auditors.`,
  })
  label: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Number of adults; null when not recorded (older records). Nominative (logged when read): null with a FORBIDDEN error for analysts and auditors.',
  })
  adults: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Number of children; null when not recorded (older records). Nominative (logged when read): null with a FORBIDDEN error for analysts and auditors.',
  })
  children: number | null;

  @Field(() => String, { description: "INSEE code of the household's commune." })
  commune: string;

  @Field(() => String, { nullable: true, description: 'Code of the QPV the household lives in; null outside any.' })
  qpv: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Id of the household's demand for social housing in the demands subgraph; null when it has none. Nominative (logged when read): null with a FORBIDDEN error for analysts and auditors.",
  })
  demandId: string | null;
}
