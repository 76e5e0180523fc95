import { byIdLoader, groupBy } from '@passerelle/shared/loaders';
import DataLoader from 'dataloader';
import type { Scope } from '../policy';
import type { CalDecisionEntity } from './cal-decision.entity';
import type { CalDecisionParent, CalDecisionRepository } from './cal-decision.repository';

/**
 * Per-request CAL decision loaders, built for one caller: every batch carries the caller's
 * territories, and a caller who reads no decision gets nulls and empty lists without SQL.
 */
export interface CalDecisionLoaders {
  /** A decision by id, or null when absent or outside the caller's territories (indistinguishably). */
  calDecisionById: DataLoader<string, CalDecisionEntity | null>;
  /** The newest `first` decisions visible to the caller about a demand, a vacancy or at a meeting. */
  calDecisionsOf(parent: CalDecisionParent, first: number): DataLoader<string, CalDecisionEntity[]>;
}

export function createCalDecisionLoaders(decisions: CalDecisionRepository, scope: Scope | null): CalDecisionLoaders {
  const calDecisionById = byIdLoader(async (ids) => (scope ? decisions.findVisible(ids, scope) : []));

  // One loader per (parent, page size), so that each contributed list batches across its parents.
  const listLoaders = new Map<string, DataLoader<string, CalDecisionEntity[]>>();
  const calDecisionsOf = (parent: CalDecisionParent, first: number) => {
    const key = `${parent}:${first}`;
    let loader = listLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (parentIds) => {
        if (!scope) return parentIds.map(() => []);
        const rows = await decisions.newestOf(parent, parentIds, first, scope);
        const byParent = groupBy(rows, (row) =>
          parent === 'demand' ? row.demandId : parent === 'vacancy' ? row.vacancyId : row.meetingId,
        );
        return parentIds.map((id) => byParent.get(id) ?? []);
      });
      listLoaders.set(key, loader);
    }
    return loader;
  };

  return { calDecisionById, calDecisionsOf };
}
