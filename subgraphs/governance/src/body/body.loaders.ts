import { byIdLoader, groupBy, perSizeLoaders } from '@passerelle/shared/loaders';
import type DataLoader from 'dataloader';
import type { Scope } from '../policy';
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

export function createBodyLoaders(bodies: BodyRepository, access: Scope | null): BodyLoaders {
  // No statement at all for a caller who may not read bodies.
  return {
    bodyById: byIdLoader(async (ids) => (access ? bodies.findByIds(ids) : [])),
    membersOf: perSizeLoaders(async (bodyIds, first) =>
      access ? groupBy(await bodies.membersOf(bodyIds, first), (row) => row.bodyId) : new Map(),
    ),
  };
}
