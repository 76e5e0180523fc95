import { byIdLoader } from '@passerelle/shared/loaders';
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { HouseholdEntity } from './household.entity';

/**
 * Per-request loaders of household records. Reached only through a measure the viewer already
 * holds (read under the policy, or just written by it), so no second access condition here.
 */
export interface HouseholdLoaders {
  householdById: DataLoader<string, HouseholdEntity | null>;
}

export function createHouseholdLoaders(db: DataSource): HouseholdLoaders {
  return {
    householdById: byIdLoader((ids) =>
      db.getRepository(HouseholdEntity).createQueryBuilder('h').where('h.id = ANY(:ids)', { ids }).getMany(),
    ),
  };
}
