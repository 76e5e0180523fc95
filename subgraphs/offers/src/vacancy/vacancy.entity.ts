import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { VacancyOrigin } from '../flux/flux.enums';
import type { VacancyStatus } from './vacancy.enums';

/** A row of the `vacancy` table. Not the public schema: `toVacancy()` maps it to `Vacancy`. */
@Entity({ name: 'vacancy' })
export class VacancyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'dwelling_id' })
  dwellingId: string;

  /** The latest of the vacancy's transitions (kept here so that lists filter on an index). */
  @Column('text')
  status: VacancyStatus;

  @Column('date', { name: 'vacated_on' })
  vacatedOn: string;

  @Column('uuid', { name: 'reservation_holder_id', nullable: true })
  reservationHolderId: string | null;

  /** The demand whose household signed the lease (a key of the demands subgraph), when LEASE_SIGNED. */
  @Column('uuid', { name: 'tenant_demand_id', nullable: true })
  tenantDemandId: string | null;

  @Column('date', { name: 'lease_signed_on', nullable: true })
  leaseSignedOn: string | null;

  /** Which part of the annual flux the vacancy is (décret 2020-145). */
  @Column('text')
  origin: VacancyOrigin;

  /** Optimistic version: each step adds one. */
  @Column('integer')
  version: number;
}
