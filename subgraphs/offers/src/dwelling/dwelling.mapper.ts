import type { DwellingEntity } from './dwelling.entity';
import type { Dwelling } from './dwelling.type';

/** The public shape of a stored dwelling. */
export const toDwelling = (row: DwellingEntity): Dwelling => ({
  id: row.id,
  rplsId: row.rplsId,
  landlordId: row.landlordId,
  address: row.address,
  commune: row.commune,
  qpv: row.qpv,
  inQpv: row.qpv !== null,
  typology: row.typology,
  surface: row.surface,
  floor: row.floor,
  lift: row.lift,
  accessible: row.accessible,
  constructionYear: row.constructionYear,
  financing: row.financing,
  rent: row.rent,
  charges: row.charges,
  internalNotes: row.internalNotes,
  version: row.version,
});
