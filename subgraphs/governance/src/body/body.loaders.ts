import { byIdLoader, groupBy, perSizeLoaders } from '@passerelle/shared/loaders';
import type DataLoader from 'dataloader';
import type { BodyMemberEntity } from './body-member.entity';
import type { BodyEntity } from './body.entity';
import type { BodyRepository } from './body.repository';

/** Per-request body loaders (built in the context factory for one caller). */
export interface BodyLoaders {
  /** A body by id, or null when absent or when the caller may not read bodies. */
  bodyById: DataLoader<string, BodyEntity | null>;
  /** The first `first` members of a body. */
  membersOf(first: number): DataLoader<string, BodyMemberEntity[]>;
}

/**
 * `readsAll`: the policy opens these records to the caller without territory limits. These loaders
 * do not filter by territory, so any narrower grant gets nothing (fail closed), never everything.
 */
export function createBodyLoaders(bodies: BodyRepository, readsAll: boolean): BodyLoaders {
  // No statement at all for a caller who may not read bodies.
  return {
    bodyById: byIdLoader(async (ids) => (readsAll ? bodies.findByIds(ids) : [])),
    membersOf: perSizeLoaders(async (bodyIds, first) =>
      readsAll ? groupBy(await bodies.membersOf(bodyIds, first), (row) => row.bodyId) : new Map(),
    ),
  };
}
