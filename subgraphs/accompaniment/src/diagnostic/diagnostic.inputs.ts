import { LocalDateResolver } from '@passerelle/shared/scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SchemeCode } from '../scheme/scheme.enums';
import { ConsentPartnerKind, DiagnosticDimension, SocialWorkerProfession } from './diagnostic.enums';

@InputType('DiagnosticScoreInput', { description: 'The score of one dimension of the grid.' })
export class DiagnosticScoreInput {
  @Field(() => DiagnosticDimension, { description: 'The dimension scored (each one exactly once).' })
  dimension: DiagnosticDimension;

  @Field(() => Int, {
    description: 'The score, 1 to 4: 1 autonomous, 2 occasional difficulty, 3 difficulty needing support, 4 severe.',
  })
  score: number;

  @Field(() => String, { nullable: true, description: 'An optional comment, 1 to 1000 characters.' })
  comment?: string | null;
}

@InputType('RecordDiagnosticInput', { description: 'A social diagnostic, as written by the operator.' })
export class RecordDiagnosticInput {
  @Field(() => ID, { description: 'The measure (UUID), at DIAGNOSTIC or a later step, not CANCELLED.' })
  measure: string;

  @Field(() => String, { description: 'Name of the qualified social worker who wrote it (1 to 120 characters).' })
  authorName: string;

  @Field(() => SocialWorkerProfession, { description: "The social worker's profession." })
  authorProfession: SocialWorkerProfession;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Day it was written (default today); never in the future, never before the diagnostic step began.',
  })
  writtenOn?: string | null;

  @Field(() => [DiagnosticScoreInput], { description: 'The complete grid: each of the six dimensions exactly once.' })
  scores: DiagnosticScoreInput[];

  @Field(() => String, { description: 'The conclusion (1 to 4000 characters).' })
  conclusion: string;

  @Field(() => SchemeCode, { description: 'The scheme the social worker recommends.' })
  recommendedScheme: SchemeCode;
}

@InputType('RecordConsentInput', { description: 'A consent given by a household, as recorded by its operator.' })
export class RecordConsentInput {
  @Field(() => ID, { description: 'The household record (`AccompaniedHousehold.id`).' })
  household: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Day the consent was given (default today); never in the future.',
  })
  givenOn?: string | null;

  @Field(() => [ConsentPartnerKind], {
    description: 'Partner kinds that may read the content of its diagnostics (each once).',
  })
  scope: ConsentPartnerKind[];
}
