import DataLoader from 'dataloader';
import type { DemandEventEntity } from '../demand-event/demand-event.entity';
import type { DemandEventRepository } from '../demand-event/demand-event.repository';
import type { DemandEntity } from './demand.entity';
import type { RegisterAccess } from './demand.policy';
import type { DemandRepository } from './demand.repository';

/**
 * Per-request batch loaders. Built in the context factory for one caller, so batches carry
 * that caller's territory filter and nothing is cached across callers.
 */
export interface DemandLoaders {
  /** A visible demand by id, or null when absent or hidden (indistinguishably). */
  demandById: DataLoader<string, DemandEntity | null>;
  /** The newest `first` events of a demand. */
  eventsOf(first: number): DataLoader<string, DemandEventEntity[]>;
}

export function createDemandLoaders(
  repositories: { demands: DemandRepository; events: DemandEventRepository },
  access: RegisterAccess | null,
): DemandLoaders {
  const demandById = new DataLoader<string, DemandEntity | null>(async (ids) => {
    if (!access) return ids.map(() => null);
    const rows = await repositories.demands.findVisible(ids, access.territories);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const eventLoaders = new Map<number, DataLoader<string, DemandEventEntity[]>>();
  const eventsOf = (first: number) => {
    let loader = eventLoaders.get(first);
    if (!loader) {
      loader = new DataLoader(async (demandIds) => {
        const rows = await repositories.events.newestOf(demandIds, first);
        const byDemand = new Map<string, DemandEventEntity[]>();
        for (const row of rows) byDemand.set(row.demandId, [...(byDemand.get(row.demandId) ?? []), row]);
        return demandIds.map((id) => byDemand.get(id) ?? []);
      });
      eventLoaders.set(first, loader);
    }
    return loader;
  };

  return { demandById, eventsOf };
}
