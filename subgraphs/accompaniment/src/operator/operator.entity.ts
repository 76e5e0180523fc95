import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SchemeCode } from '../scheme/scheme.enums';

/** A row of the `operator` table. Not the public schema: `toOperator()` maps it to `Operator`. */
@Entity({ name: 'operator' })
export class OperatorEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** The operator's partner slug: an association's measures are those whose operator has its slug. */
  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'scheme_codes', array: true })
  schemeCodes: SchemeCode[];

  /** Territory codes (commune, EPCI, département) the operator works on. */
  @Column('text', { array: true })
  territories: string[];

  @Column('integer', { name: 'annual_capacity' })
  annualCapacity: number;
}
