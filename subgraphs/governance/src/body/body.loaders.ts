import DataLoader from 'dataloader';
import { groupBy } from '../common/group';
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
  const bodyById = new DataLoader<string, BodyEntity | null>(async (ids) => {
    if (!access) return ids.map(() => null);
    const byId = new Map((await bodies.findByIds(ids)).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  // One loader per page size, so that `members(first: 5)` and `members(first: 50)` in one
  // request each batch across their bodies.
  const memberLoaders = new Map<number, DataLoader<string, BodyMemberEntity[]>>();
  const membersOf = (first: number) => {
    let loader = memberLoaders.get(first);
    if (!loader) {
      loader = new DataLoader(async (bodyIds) => {
        if (!access) return bodyIds.map(() => []);
        const byBody = groupBy(await bodies.membersOf(bodyIds, first), (row) => row.bodyId);
        return bodyIds.map((id) => byBody.get(id) ?? []);
      });
      memberLoaders.set(first, loader);
    }
    return loader;
  };

  return { bodyById, membersOf };
}
