import { monthsBetween, startOfMonth, startOfYear, type CalendarDate } from '@passerelle/shared/dates';
import { BadUserInputError, ForbiddenError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import { isAuthenticated, type Viewer } from '@passerelle/shared/identity';
import DataLoader from 'dataloader';
import type { DemandIndicatorRow, TerritoryIndicatorRepository, TerritoryScope } from './territory.repository';
import type { DemandIndicators } from './territory.type';

/** Demand indicators by territory. Statistics: any authenticated partner reads them. */
export class TerritoryIndicatorService {
  /** `today`: the subgraph's clock, in Paris (the default reference day). */
  constructor(
    private readonly repository: TerritoryIndicatorRepository,
    private readonly today: () => CalendarDate,
  ) {}

  /** A per-request loader keyed by `code|asOf`: one statement per distinct `asOf`, whatever the number of territories. */
  createLoader(): DataLoader<string, DemandIndicators> {
    return new DataLoader(async (keys) => {
      const byAsOf = new Map<string, string[]>();
      for (const key of keys) {
        const [code, asOf] = key.split('|') as [string, string];
        byAsOf.set(asOf, [...(byAsOf.get(asOf) ?? []), code]);
      }
      const results = new Map<string, DemandIndicators>();
      for (const [asOf, codes] of byAsOf) {
        const rows = await this.repository.demandIndicators(
          [...new Set(codes)].map(scopeOf),
          asOf,
          startOfMonth(asOf),
          startOfYear(asOf),
        );
        for (const row of rows) results.set(`${row.code}|${asOf}`, toIndicators(row, asOf));
      }
      return keys.map((key) => results.get(key)!);
    });
  }

  indicators(viewer: Viewer, loader: DataLoader<string, DemandIndicators>, code: string, asOf: string | undefined) {
    if (!isAuthenticated(viewer)) throw new ForbiddenError('Indicators are for partners: send a partner token.');
    return loader.load(`${code}|${asOf ?? this.today()}`);
  }
}

/** The territory codes whose demands count for `code`; a QPV counts the demands wishing its communes. */
function scopeOf(code: string): TerritoryScope {
  const territory = officialGeography.find(code);
  if (!territory) throw new BadUserInputError(`Unknown territory code "${code}".`, 'code');
  return { code, matches: territory.level === 'QPV' ? territory.communes : [code] };
}

function toIndicators(row: DemandIndicatorRow, asOf: string): DemandIndicators {
  return {
    pending: row.pending,
    newThisMonth: row.newThisMonth,
    newThisYear: row.newThisYear,
    // The median wait is the wait of the median filing date (waiting time falls as filing dates rise).
    medianWaitMonths: row.medianFilingDate ? monthsBetween(row.medianFilingDate, asOf) : null,
    pastDal: row.pendingWithDal > 0 ? row.pastDal : null,
  };
}
