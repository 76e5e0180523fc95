import type { ReservationHolderEntity } from './reservation-holder.entity';
import type { ReservationHolder } from './reservation-holder.type';

/** The public shape of a stored reservation holder. */
export const toReservationHolder = (row: ReservationHolderEntity): ReservationHolder => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  kind: row.kind,
});
