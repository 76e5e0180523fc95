import { byIdLoader, groupBy, perSizeLoaders } from '@passerelle/shared/loaders';
import type DataLoader from 'dataloader';
import type { DemandEventEntity } from '../demand-event/demand-event.entity';
import type { DemandEventRepository } from '../demand-event/demand-event.repository';
import type { DemandEntity } from './demand.entity';
import type { RegisterAccess } from '../policy';
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
  /** The oldest `first` events of a demand, in order: the applicant's timeline. */
  timelineOf(first: number): DataLoader<string, DemandEventEntity[]>;
}

export function createDemandLoaders(
  repositories: { demands: DemandRepository; events: DemandEventRepository },
  access: RegisterAccess | null,
): DemandLoaders {
  return {
    // No statement at all for a caller who reads no demand.
    demandById: byIdLoader(async (ids) => (access ? repositories.demands.findVisible(ids, access) : [])),
    eventsOf: perSizeLoaders(async (demandIds, first) =>
      groupBy(await repositories.events.firstOf(demandIds, first, 'newest'), (row) => row.demandId),
    ),
    timelineOf: perSizeLoaders(async (demandIds, first) =>
      groupBy(await repositories.events.firstOf(demandIds, first, 'oldest'), (row) => row.demandId),
    ),
  };
}
