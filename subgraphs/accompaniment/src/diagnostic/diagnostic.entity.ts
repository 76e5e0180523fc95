import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SchemeCode } from '../scheme/scheme.enums';
import type { ConsentPartnerKind, SocialWorkerProfession } from './diagnostic.enums';

/** A row of `diagnostic`: a social diagnostic on the shared grid (scores 1–4, optional comments). */
@Entity({ name: 'diagnostic' })
export class DiagnosticEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'measure_id' })
  measureId: string;

  @Column('uuid', { name: 'household_id' })
  householdId: string;

  /** The authoring operator. */
  @Column('uuid', { name: 'operator_id' })
  operatorId: string;

  @Column('text', { name: 'author_name' })
  authorName: string;

  @Column('text', { name: 'author_profession' })
  authorProfession: SocialWorkerProfession;

  @Column('date', { name: 'written_on' })
  writtenOn: string;

  @Column('smallint', { name: 'budget_score' })
  budgetScore: number;

  @Column('text', { name: 'budget_comment', nullable: true })
  budgetComment: string | null;

  @Column('smallint', { name: 'health_score' })
  healthScore: number;

  @Column('text', { name: 'health_comment', nullable: true })
  healthComment: string | null;

  @Column('smallint', { name: 'employment_score' })
  employmentScore: number;

  @Column('text', { name: 'employment_comment', nullable: true })
  employmentComment: string | null;

  @Column('smallint', { name: 'housing_skills_score' })
  housingSkillsScore: number;

  @Column('text', { name: 'housing_skills_comment', nullable: true })
  housingSkillsComment: string | null;

  @Column('smallint', { name: 'social_ties_score' })
  socialTiesScore: number;

  @Column('text', { name: 'social_ties_comment', nullable: true })
  socialTiesComment: string | null;

  @Column('smallint', { name: 'administrative_situation_score' })
  administrativeSituationScore: number;

  @Column('text', { name: 'administrative_situation_comment', nullable: true })
  administrativeSituationComment: string | null;

  @Column('text')
  conclusion: string;

  @Column('text', { name: 'recommended_scheme' })
  recommendedScheme: SchemeCode;

  /** Partner slug of who recorded it (the operator). */
  @Column('text', { name: 'recorded_by' })
  recordedBy: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}

/** A row of `consent` (append-only: only the withdrawal is set, once). */
@Entity({ name: 'consent' })
export class ConsentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'household_id' })
  householdId: string;

  @Column('date', { name: 'given_on' })
  givenOn: string;

  @Column('text', { array: true })
  scope: ConsentPartnerKind[];

  @Column('date', { name: 'withdrawn_on', nullable: true })
  withdrawnOn: string | null;

  @Column('text', { name: 'recorded_by' })
  recordedBy: string;

  @Column('text', { name: 'withdrawal_recorded_by', nullable: true })
  withdrawalRecordedBy: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
