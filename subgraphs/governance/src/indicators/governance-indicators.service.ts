import type { Viewer } from '@passerelle/shared/identity';
import { requireAccessTo } from '../policy';
import type { Territory } from '../territory/territory.type';
import { indicatorKey, type GovernanceIndicatorLoaders } from './governance-indicators.loaders';
import type { GovernanceIndicators } from './governance-indicators.type';

/** Governance statistics of a territory: any authenticated partner reads them (policy.ts). */
export class GovernanceIndicatorsService {
  /** `today`: the subgraph's clock, in Paris (the default reference day). */
  constructor(private readonly today: () => string) {}

  /** The indicators of `territory` for the year up to `asOf` (default: today in Paris). */
  of(
    viewer: Viewer,
    loaders: GovernanceIndicatorLoaders,
    territory: Territory,
    asOf: string | undefined,
  ): Promise<GovernanceIndicators> {
    requireAccessTo(viewer, 'INDICATORS');
    return loaders.indicators.load(indicatorKey(territory.code, asOf ?? this.today()));
  }
}
