import { startOfYear } from '@passerelle/shared/dates';
import DataLoader from 'dataloader';
import { coverageOf, territoriesWithin } from '../territory/territory.codes';
import { assembleIndicators } from './governance-indicators.compute';
import type { GovernanceIndicatorsRepository, GroupCount, IndicatorRequest } from './governance-indicators.repository';
import type { GovernanceIndicators } from './governance-indicators.type';

/** Per-request indicator loader: one key per territory and reference day (`code|asOf`). */
export interface GovernanceIndicatorLoaders {
  indicators: DataLoader<string, GovernanceIndicators>;
}

/** The cache key of a territory's indicators on a reference day. */
export const indicatorKey = (code: string, asOf: string) => `${code}|${asOf}`;

/**
 * Indicators of every territory asked in one request are computed together: two statements
 * (meetings, decisions) whatever the number of territories.
 */
export function createGovernanceIndicatorLoaders(
  repository: GovernanceIndicatorsRepository,
): GovernanceIndicatorLoaders {
  return {
    indicators: new DataLoader(async (keys) => {
      const requests: IndicatorRequest[] = keys.map((compound, key) => {
        const [code, asOf] = compound.split('|') as [string, string];
        // "This year": 1 January of the reference day's year up to the day itself, both included.
        return {
          key,
          from: startOfYear(asOf),
          to: asOf,
          bodyTerritories: territoriesWithin(code),
          coverage: coverageOf(code),
        };
      });
      const [meetings, decisions] = await Promise.all([
        repository.meetingsHeldByBodyKind(requests),
        repository.decisionsByType(requests),
      ]);
      const countsOf = (rows: GroupCount[], key: number) =>
        new Map(rows.filter((row) => row.key === key).map((row) => [row.group, row.count]));
      return requests.map((request) =>
        assembleIndicators(request, countsOf(meetings, request.key), countsOf(decisions, request.key)),
      );
    }),
  };
}
