import { addDays, addMonths, isCalendarDate, startOfYear, type CalendarDate } from '@passerelle/shared/dates';
import { BadUserInputError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import type { Viewer } from '@passerelle/shared/identity';
import { decodeKeyCursor, encodeCursor, pageSize, toPage } from '@passerelle/shared/pagination';
import DataLoader from 'dataloader';
import type { MeasureLoaders } from '../measure/measure.loaders';
import { toMeasure } from '../measure/measure.mapper';
import { requireMeasureAccess } from '../policy';
import { MeasureAlertKind } from './watch.enums';
import type { MeasureAlertFilter, WaitingListFilter } from './watch.inputs';
import type { CapacityRow, WatchRepository } from './watch.repository';
import type { MeasureAlertConnection, MeasureWaitingList, OperatorCapacity } from './watch.type';

/** Days a prescription may wait for its diagnostic before an alert, unless the request says otherwise. */
export const DEFAULT_DIAGNOSTIC_WAIT_DAYS = 15;
/** ENDING_SOON: planned end within this many days of today. */
export const ENDING_SOON_DAYS = 30;

/** Per-request loader of operator capacities (one statement for every operator of a request). */
export interface WatchLoaders {
  capacityOf: DataLoader<string, CapacityRow | null>;
}

export function createWatchLoaders(watch: WatchRepository, today: CalendarDate): WatchLoaders {
  return {
    capacityOf: new DataLoader(async (ids) => {
      const byId = new Map((await watch.capacities(ids, today, startOfYear(today))).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

/** The waiting list, the alerts and operator capacities, on today's date. */
export class WatchService {
  constructor(private readonly watch: WatchRepository) {}

  /** Prescribed measures not yet started, oldest prescription first; readable as measures are. */
  async waitingList(
    viewer: Viewer,
    filter: WaitingListFilter,
    first: number | undefined,
    after: string | undefined,
  ): Promise<MeasureWaitingList> {
    const access = requireMeasureAccess(viewer);
    const limit = pageSize(first);
    const position = decodeKeyCursor(after, [isCalendarDate]) as [string, string] | undefined;
    const rows = await this.watch.waitingList({
      access,
      scheme: filter.scheme,
      territory: checkTerritory(filter.territory, 'filter.territory'),
      after: position,
      limit: limit + 1,
    });
    const { edges, pageInfo } = toPage(
      rows,
      limit,
      (row) => [row.prescribedOn, row.id],
      toMeasure,
      async () => 0,
    );
    return { edges, pageInfo };
  }

  /** Alerts on the measures the viewer reads, most urgent first. */
  async alerts(
    viewer: Viewer,
    loaders: MeasureLoaders,
    input: {
      filter: MeasureAlertFilter;
      diagnosticWaitDays: number;
      first: number | undefined;
      after: string | undefined;
      today: CalendarDate;
    },
  ): Promise<MeasureAlertConnection> {
    const access = requireMeasureAccess(viewer);
    const limit = pageSize(input.first);
    const wait = input.diagnosticWaitDays;
    if (!Number.isInteger(wait) || wait < 1 || wait > 365) {
      throw new BadUserInputError('"diagnosticWaitDays" is a number of days from 1 to 365.', 'diagnosticWaitDays');
    }
    const kinds = input.filter.kinds?.length ? input.filter.kinds : Object.values(MeasureAlertKind);
    const position = decodeKeyCursor(input.after, [isCalendarDate, (kind) => kind in MeasureAlertKind]) as
      [string, string, string] | undefined;
    const rows = await this.watch.alerts({
      access,
      kinds,
      territory: checkTerritory(input.filter.territory, 'filter.territory'),
      today: input.today,
      soon: addDays(input.today, ENDING_SOON_DAYS),
      yearAgo: addMonths(input.today, -12),
      diagnosticWaitDays: wait,
      after: position,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    // The measures come through the viewer's loader: one batched, access-filtered statement.
    const measures = await Promise.all(page.map((row) => loaders.measureById.load(row.measureId)));
    const edges = page.map((row, n) => ({
      cursor: encodeCursor([row.dueOn, row.kind, row.measureId]),
      node: { kind: row.kind, dueOn: row.dueOn, measure: toMeasure(measures[n]!) },
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** An operator's capacity (statistics: who reads them is the field policy's, `policy.ts`). */
  async capacity(loaders: WatchLoaders, operatorId: string): Promise<OperatorCapacity | null> {
    const row = await loaders.capacityOf.load(operatorId);
    if (!row) return null;
    return { ...row, remainingThisYear: Math.max(0, row.annualCapacity - row.startedThisYear) };
  }
}

function checkTerritory(code: string | null | undefined, field: string): string | undefined {
  if (code == null) return undefined;
  if (!officialGeography.find(code)) {
    throw new BadUserInputError(
      `"territory" must be a commune, EPCI, département or QPV code of the official geography (got "${code}").`,
      field,
    );
  }
  return code;
}
