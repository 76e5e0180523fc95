import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BodyKind } from './body.enums';

/** A row of the `body` table. Not the public schema: `toBody()` maps it to `Body`. */
@Entity({ name: 'body' })
export class BodyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: BodyKind;

  @Column('text')
  name: string;

  /** Code of the territory the body acts on (the CIL and CALs: the EPCI; the DALO commission: the département). */
  @Column('text', { name: 'territory_code' })
  territoryCode: string;

  /** For a CAL: the landlord whose commission it is; null for every other kind (a CHECK says so). */
  @Column('uuid', { name: 'landlord_partner_id', nullable: true })
  landlordPartnerId: string | null;

  /** Voting members who must be present for the body to decide; null when its rules set none. */
  @Column('smallint', { nullable: true })
  quorum?: number | null;
}
