import DataLoader from 'dataloader';
import type { ObligationRepository, ObligationRequest, ScopeObligationCounts } from './obligations.repository';
import { NO_ATTRIBUTION } from './obligations.repository';

/**
 * Per-request batch loader of the legal shares' counts (STYLE.md principle 3): every scope and period
 * asked during a tick — several territories, landlords, holders — costs one statement.
 */
export interface ObligationLoaders {
  countsOf: DataLoader<ObligationRequest, ScopeObligationCounts, string>;
}

export function createObligationLoaders(repository: ObligationRepository): ObligationLoaders {
  return {
    countsOf: new DataLoader<ObligationRequest, ScopeObligationCounts, string>(
      async (requests) => {
        const counts = await repository.countsFor(requests);
        // A scope without attribution in its period has no row.
        return requests.map((request) => counts.get(request.key) ?? { ...NO_ATTRIBUTION, byHolder: [] });
      },
      { cacheKeyFn: (request) => request.key },
    ),
  };
}
