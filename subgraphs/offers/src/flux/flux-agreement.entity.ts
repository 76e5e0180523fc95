import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `flux_agreement`: a landlord's share of its annual flux reserved to one holder, on one territory, for one year. */
@Entity({ name: 'flux_agreement' })
export class FluxAgreementEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'landlord_id' })
  landlordId: string;

  @Column('uuid', { name: 'reservation_holder_id' })
  reservationHolderId: string;

  /** Département code, or the holder's own territory (commune INSEE code, EPCI SIREN). */
  @Column('text')
  territory: string;

  @Column('smallint')
  year: number;

  /** The share in basis points (30 % = 3000): integers, so sums are exact. */
  @Column('integer', { name: 'share_basis_points' })
  shareBasisPoints: number;

  @Column('date', { name: 'signed_on' })
  signedOn: string;

  @Column('text', { name: 'recorded_by' })
  recordedBy: string;
}
