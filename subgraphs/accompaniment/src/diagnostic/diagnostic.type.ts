import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConsentPartnerKind, DiagnosticDimension } from './diagnostic.enums';
import type { DiagnosticEntity } from './diagnostic.entity';

@ObjectType('DiagnosticScore', { description: 'One dimension of the shared evaluation grid, as scored.' })
export class DiagnosticScore {
  @Field(() => DiagnosticDimension, { description: 'The dimension scored.' })
  dimension: DiagnosticDimension;

  @Field(() => Int, {
    description: 'The score: 1 autonomous, 2 occasional difficulty, 3 difficulty needing support, 4 severe difficulty.',
  })
  score: number;

  @Field(() => String, { nullable: true, description: "The social worker's comment on this dimension, if any." })
  comment: string | null;
}

@ObjectType('Diagnostic', {
  description:
    "A social diagnostic (diagnostic social) of an accompanied household, written by a qualified social worker of the operator on the shared evaluation grid. Its existence (`id`, `writtenOn`, `operator`) is visible to whoever may see the measure; its content (author, grid, conclusion, recommended scheme) is sensitive: it needs the `read:sensitive` token scope, and is read only by the authoring operator, and by other partners while the household's consent covering their kind is in force: otherwise each content field is null with a FORBIDDEN error at its path. Every read of the content is logged.",
})
export class Diagnostic {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the diagnostic.' })
  id: string;

  @Field(() => LocalDateResolver, { description: 'Day the diagnostic was written.' })
  writtenOn: string;

  /** The row, for the content resolvers (never exposed as such). */
  row: DiagnosticEntity;
}

@ObjectType('HouseholdConsent', {
  description:
    "A household's consent to share the content of its social diagnostics with partner kinds, as recorded by the operator accompanying it. Append-only: a withdrawal dates the consent once, effective from that day.",
})
export class HouseholdConsent {
  @Field(() => ID, { description: 'Opaque, stable identifier (UUID) of the consent.' })
  id: string;

  @Field(() => ID, { description: 'The household record (`AccompaniedHousehold.id`) the consent is about.' })
  household: string;

  @Field(() => LocalDateResolver, { description: 'Day the household gave its consent.' })
  givenOn: string;

  @Field(() => [ConsentPartnerKind], {
    description: 'Partner kinds that may read the diagnostics while it is in force.',
  })
  scope: ConsentPartnerKind[];

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Day the household withdrew its consent (no longer in force from that day); null while not withdrawn.',
  })
  withdrawnOn: string | null;
}
