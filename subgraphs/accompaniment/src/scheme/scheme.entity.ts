import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SchemeCode, SchemeFunder, SchemePrescriberKind } from './scheme.enums';

/**
 * A row of the `scheme` table: the catalogue, loaded by migrations (reference data, present with
 * or without the demo). Not the public schema: `toScheme()` maps it to `Scheme`.
 */
@Entity({ name: 'scheme' })
export class SchemeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  code: SchemeCode;

  @Column('text')
  name: string;

  @Column('text')
  funder: SchemeFunder;

  @Column('text', { name: 'prescriber_kinds', array: true })
  prescriberKinds: SchemePrescriberKind[];

  @Column('smallint', { name: 'typical_duration_months' })
  typicalDurationMonths: number;

  @Column('smallint', { name: 'max_duration_months', nullable: true })
  maxDurationMonths: number | null;

  @Column('text')
  description: string;
}
