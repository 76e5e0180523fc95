import { byIdLoader, groupBy, perSizeLoaders } from '@passerelle/shared/loaders';
import type DataLoader from 'dataloader';
import type { MeasureAccess } from '../policy';
import type { MeasureEntity } from './measure.entity';
import type { MeasureRepository } from './measure.repository';

/**
 * Per-request batch loaders. Built in the context factory for one viewer, so batches carry that
 * viewer's access condition and nothing is cached across viewers.
 */
export interface MeasureLoaders {
  /** A readable measure by id, or null when absent or hidden (indistinguishably). */
  measureById: DataLoader<string, MeasureEntity | null>;
  /** The newest `first` readable measures of a demand (empty for a viewer who reads none). */
  measuresOfDemand(first: number): DataLoader<string, MeasureEntity[]>;
}

export function createMeasureLoaders(measures: MeasureRepository, access: MeasureAccess | null): MeasureLoaders {
  // No statement at all for a viewer who reads no measure.
  return {
    measureById: byIdLoader(async (ids) => (access ? measures.findVisible(ids, access) : [])),
    measuresOfDemand: perSizeLoaders(async (demandIds, first) =>
      access ? groupBy(await measures.newestOfDemands(demandIds, access, first), (row) => row.demandId!) : new Map(),
    ),
  };
}
