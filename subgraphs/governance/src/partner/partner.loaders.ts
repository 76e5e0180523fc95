import DataLoader from 'dataloader';
import type { Scope } from '../policy';
import type { PartnerEntity } from './partner.entity';
import type { PartnerRepository } from './partner.repository';

/** Per-request partner loader (built in the context factory for one caller). */
export interface PartnerLoaders {
  /** A partner by id, or null when absent or when the caller may not read the directory. */
  partnerById: DataLoader<string, PartnerEntity | null>;
}

export function createPartnerLoaders(partners: PartnerRepository, access: Scope | null): PartnerLoaders {
  return {
    partnerById: new DataLoader(async (ids) => {
      if (!access) return ids.map(() => null);
      const byId = new Map((await partners.findByIds(ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
