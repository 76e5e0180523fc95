import { byIdLoader } from '@passerelle/shared/loaders';
import type DataLoader from 'dataloader';
import type { PartnerEntity } from './partner.entity';
import type { PartnerRepository } from './partner.repository';

/** Per-request partner loader (built in the context factory for one caller). */
export interface PartnerLoaders {
  /** A partner by id, or null when absent or when the caller may not read the directory. */
  partnerById: DataLoader<string, PartnerEntity | null>;
}

/**
 * `readsAll`: the policy opens these records to the caller without territory limits. These loaders
 * do not filter by territory, so any narrower grant gets nothing (fail closed), never everything.
 */
export function createPartnerLoaders(partners: PartnerRepository, readsAll: boolean): PartnerLoaders {
  return {
    partnerById: byIdLoader(async (ids) => (readsAll ? partners.findByIds(ids) : [])),
  };
}
