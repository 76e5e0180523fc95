import { BadUserInputError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import type { CalendarDate } from '@passerelle/shared/dates';
import { indicatorKey, type IndicatorLoaders } from './accompaniment-indicators.loaders';
import type { AccompanimentIndicators } from './accompaniment-indicators.type';

/** Territory indicators: statistics for any partner (the field policy, `policy.ts`), computed in SQL. */
export class IndicatorService {
  /** `today`: the subgraph's clock, in Paris (the default reference day). */
  constructor(private readonly today: () => CalendarDate) {}

  /**
   * The indicators of territory `code` on `asOf` (default: today in Paris). An unknown code is an
   * input error, as in the other subgraphs (not zeros, which would look like a real territory).
   */
  async of(loaders: IndicatorLoaders, code: string, asOf?: string): Promise<AccompanimentIndicators> {
    if (!officialGeography.find(code)) throw new BadUserInputError(`Unknown territory code "${code}".`, 'code');
    const day = asOf ?? this.today();
    const figures = await loaders.indicators.load(indicatorKey(code, day));
    return {
      asOf: day,
      activeMeasures: figures.activeMeasures,
      activeMeasuresByScheme: figures.activeByScheme,
      startedThisYear: figures.startedThisYear,
      closedThisYear: figures.closedThisYear,
      averageClosedDurationMonths: figures.averageClosedDurationMonths,
    };
  }
}
