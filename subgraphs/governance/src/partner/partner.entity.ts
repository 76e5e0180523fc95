import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PartnerKind } from './partner.enums';

/** A row of the `partner` table. Not the public schema: `toPartner()` maps it to `Partner`. */
@Entity({ name: 'partner' })
export class PartnerEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  slug: string;

  @Column('text')
  kind: PartnerKind;

  @Column('text')
  name: string;

  /** Territory codes the partner acts for (its tokens' `territories` claim). */
  @Column('text', { name: 'territory_codes', array: true })
  territoryCodes: string[];
}
