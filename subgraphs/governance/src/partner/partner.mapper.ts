import type { PartnerEntity } from './partner.entity';
import type { Partner } from './partner.type';

/** The public shape of a stored partner. */
export function toPartner(row: PartnerEntity): Partner {
  return { id: row.id, slug: row.slug, kind: row.kind, name: row.name, territoryCodes: row.territoryCodes };
}
