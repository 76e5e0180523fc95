import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SchemeCode, SchemeFunder, SchemePrescriberKind } from './scheme.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'An accompaniment scheme (dispositif) of the catalogue: what it offers, who funds it, who may prescribe it and how long it usually lasts. Public reference data.',
})
export class Scheme {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the scheme across all subgraphs.' })
  id: string;

  @Field(() => SchemeCode, { description: 'The scheme’s code: one catalogue entry per code.' })
  code: SchemeCode;

  @Field(() => String, { description: 'Name as partners know it (French, with its acronym).' })
  name: string;

  @Field(() => SchemeFunder, { description: 'Who mainly finances the scheme.' })
  funder: SchemeFunder;

  @Field(() => [SchemePrescriberKind], {
    description:
      'Kinds of partner that may prescribe the scheme (e.g. AVDL is prescribed only by bodies, never on a household’s own request).',
  })
  prescriberKinds: SchemePrescriberKind[];

  @Field(() => Int, { description: 'Usual length of one measure, in months (e.g. 6 for AVDL).' })
  typicalDurationMonths: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Longest a measure may last with its renewals, in months (e.g. 12 for AVDL); null when the scheme has no set end (housing first, pensions de famille).',
  })
  maxDurationMonths: number | null;

  @Field(() => String, { description: 'What the scheme offers, to whom, and how it is reached.' })
  description: string;
}
