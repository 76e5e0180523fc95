import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SchemeCode, SchemeFunder } from '../scheme/scheme.enums';
import type { MeasureClosureMotive, MeasureStatus } from './measure.enums';

/** A row of the `measure` table. Not the public schema: `toMeasure()` maps it to `Measure`. */
@Entity({ name: 'measure' })
export class MeasureEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'scheme_code' })
  schemeCode: SchemeCode;

  @Column('uuid', { name: 'operator_id' })
  operatorId: string;

  @Column('text')
  status: MeasureStatus;

  @Column('text', { name: 'prescribed_by' })
  prescribedBy: string;

  @Column('date', { name: 'prescribed_on' })
  prescribedOn: string;

  @Column('date', { name: 'started_on', nullable: true })
  startedOn: string | null;

  @Column('date', { name: 'planned_end_on', nullable: true })
  plannedEndOn: string | null;

  @Column('date', { name: 'closed_on', nullable: true })
  closedOn: string | null;

  @Column('text', { name: 'closure_motive', nullable: true })
  closureMotive: MeasureClosureMotive | null;

  /** INSEE code of the household's commune. */
  @Column('text')
  commune: string;

  /** QPV the household lives in, when it lives in one. */
  @Column('text', { nullable: true })
  qpv: string | null;

  /**
   * Every territory the measure lies in: the commune, its EPCI and département, and its QPV. Both
   * the access rule (a partner acting for one of them) and the territory indicators are then one
   * GIN-indexed condition. Derived from the official geography when the row is written.
   */
  @Column('text', { name: 'territory_codes', array: true })
  territoryCodes: string[];

  /** The household's demand in the demands subgraph, when it has one (no foreign key: another database). */
  @Column('uuid', { name: 'demand_id', nullable: true })
  demandId: string | null;

  /** The household accompanied (owned here). */
  @Column('uuid', { name: 'household_id' })
  householdId: string;

  /** Optimistic version: every change increments it; a change sent with an older one is refused. */
  @Column('integer')
  version: number;

  @Column('text', { name: 'funding_source' })
  fundingSource: SchemeFunder;

  /** The operator's social worker following the household (a name, set when the measure starts). */
  @Column('text', { nullable: true })
  referent: string | null;

  @Column('date', { name: 'diagnostic_on', nullable: true })
  diagnosticOn: string | null;

  @Column('smallint', { name: 'renewal_count' })
  renewalCount: number;

  @Column('date', { name: 'renewed_on', nullable: true })
  renewedOn: string | null;

  @Column('date', { name: 'suspended_on', nullable: true })
  suspendedOn: string | null;

  /** The status a suspended measure had, and returns to when resumed. */
  @Column('text', { name: 'suspended_from', nullable: true })
  suspendedFrom: MeasureStatus | null;

  @Column('date', { name: 'cancelled_on', nullable: true })
  cancelledOn: string | null;

  @Column('text', { name: 'cancellation_reason', nullable: true })
  cancellationReason: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
