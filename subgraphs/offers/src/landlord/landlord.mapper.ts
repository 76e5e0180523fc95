import type { LandlordEntity } from './landlord.entity';
import type { Landlord } from './landlord.type';

/** The public shape of a stored landlord. */
export const toLandlord = (row: LandlordEntity): Landlord => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  siren: row.siren,
});
