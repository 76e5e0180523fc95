import DataLoader from 'dataloader';
import type { IndicatorFigures, IndicatorRepository } from './accompaniment-indicators.repository';

/** Per-request loader of indicators, keyed by `code|asOf`: one statement for all territories of a request. */
export interface IndicatorLoaders {
  indicators: DataLoader<string, IndicatorFigures>;
}

export const indicatorKey = (code: string, asOf: string) => `${code}|${asOf}`;

export function createIndicatorLoaders(indicators: IndicatorRepository): IndicatorLoaders {
  return {
    indicators: new DataLoader((keys) =>
      indicators.figures(
        keys.map((key) => {
          const separator = key.lastIndexOf('|');
          return { code: key.slice(0, separator), asOf: key.slice(separator + 1) };
        }),
      ),
    ),
  };
}
