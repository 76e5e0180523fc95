import type { Typology } from '@passerelle/shared/housing';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from '../common/numeric';
import type { Financing } from '../dwelling/dwelling.enums';
import type { AttributionPriority } from './attribution.enums';

/**
 * A row of `attribution`: a signed lease, with the dwelling's and the household's situation at
 * signature (snapshots: later changes of either do not rewrite the year's shares).
 */
@Entity({ name: 'attribution' })
export class AttributionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'vacancy_id' })
  vacancyId: string;

  @Column('uuid', { name: 'proposal_id', nullable: true })
  proposalId: string | null;

  /** A key of the demands subgraph. */
  @Column('uuid', { name: 'demand_id' })
  demandId: string;

  @Column('uuid', { name: 'landlord_id' })
  landlordId: string;

  /** The reservation holder whose contingent the lease is charged to. */
  @Column('uuid', { name: 'reservation_holder_id' })
  reservationHolderId: string;

  @Column('date', { name: 'lease_signed_on' })
  leaseSignedOn: string;

  @Column('text')
  commune: string;

  @Column('text', { nullable: true })
  epci: string | null;

  @Column('boolean', { name: 'in_qpv' })
  inQpv: boolean;

  @Column('text')
  typology: Typology;

  @Column('text')
  financing: Financing;

  @Column('smallint', { name: 'construction_year' })
  constructionYear: number;

  @Column('smallint', { name: 'member_count', nullable: true })
  memberCount: number | null;

  @Column('numeric', { name: 'consumption_units', precision: 4, scale: 1, nullable: true, transformer: numericColumn })
  consumptionUnits: number | null;

  @Column('integer', { name: 'annual_resources', nullable: true })
  annualResources: number | null;

  @Column('numeric', {
    name: 'resources_per_unit',
    precision: 10,
    scale: 2,
    nullable: true,
    transformer: numericColumn,
  })
  resourcesPerUnit: number | null;

  @Column('numeric', {
    name: 'quartile_threshold',
    precision: 8,
    scale: 2,
    nullable: true,
    transformer: numericColumn,
  })
  quartileThreshold: number | null;

  /** Null when no threshold was set for the EPCI and year (or before this was recorded). */
  @Column('boolean', { name: 'first_quartile', nullable: true })
  firstQuartile: boolean | null;

  @Column('text', { nullable: true })
  priority: AttributionPriority | null;

  @Column('boolean', { name: 'urban_renewal_rehousing' })
  urbanRenewalRehousing: boolean;

  @Column('text', { name: 'recorded_by', nullable: true })
  recordedBy: string | null;
}
