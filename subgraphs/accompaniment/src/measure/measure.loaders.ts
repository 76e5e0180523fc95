import DataLoader from 'dataloader';
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
  const measureById = new DataLoader<string, MeasureEntity | null>(async (ids) => {
    if (!access) return ids.map(() => null);
    const byId = new Map((await measures.findVisible(ids, access)).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const byFirst = new Map<number, DataLoader<string, MeasureEntity[]>>();
  const measuresOfDemand = (first: number) => {
    let loader = byFirst.get(first);
    if (!loader) {
      loader = new DataLoader(async (demandIds) => {
        if (!access) return demandIds.map(() => []);
        const byDemand = new Map<string, MeasureEntity[]>();
        for (const row of await measures.newestOfDemands(demandIds, access, first)) {
          byDemand.set(row.demandId!, [...(byDemand.get(row.demandId!) ?? []), row]);
        }
        return demandIds.map((id) => byDemand.get(id) ?? []);
      });
      byFirst.set(first, loader);
    }
    return loader;
  };

  return { measureById, measuresOfDemand };
}
