import { byIdLoader } from '@passerelle/shared/loaders';
import type DataLoader from 'dataloader';
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
    partnerById: byIdLoader(async (ids) => (access ? partners.findByIds(ids) : [])),
  };
}
