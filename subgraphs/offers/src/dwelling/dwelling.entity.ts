import type { Typology } from '@passerelle/shared/housing';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from '../common/numeric';
import type { Financing } from './dwelling.enums';

/** A row of the `dwelling` table (the RPLS-like stock). `toDwelling()` maps it to `Dwelling`. */
@Entity({ name: 'dwelling' })
export class DwellingEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'rpls_id' })
  rplsId: string;

  @Column('uuid', { name: 'landlord_id' })
  landlordId: string;

  @Column('text')
  address: string;

  @Column('text')
  commune: string;

  @Column('text', { nullable: true })
  qpv: string | null;

  @Column('text')
  typology: Typology;

  @Column('numeric', { precision: 6, scale: 2, transformer: numericColumn })
  surface: number;

  @Column('smallint')
  floor: number;

  @Column('boolean')
  lift: boolean;

  @Column('boolean')
  accessible: boolean;

  @Column('smallint', { name: 'construction_year' })
  constructionYear: number;

  @Column('text')
  financing: Financing;

  @Column('numeric', { precision: 8, scale: 2, transformer: numericColumn })
  rent: number;

  @Column('numeric', { precision: 8, scale: 2, transformer: numericColumn })
  charges: number;

  /** The landlord's own notes on the dwelling: read by that landlord only. */
  @Column('text', { name: 'internal_notes', nullable: true })
  internalNotes: string | null;

  /** Optimistic version: each change adds one. */
  @Column('integer')
  version: number;
}
