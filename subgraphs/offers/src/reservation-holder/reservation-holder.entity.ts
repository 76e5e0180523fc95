import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReservationHolderKind } from './reservation-holder.enums';

/** A row of the `reservation_holder` table; `toReservationHolder()` maps it to the public type. */
@Entity({ name: 'reservation_holder' })
export class ReservationHolderEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: ReservationHolderKind;
}
