import { isCalendarDate, type CalendarDate } from '@passerelle/shared/dates';
import { BadUserInputError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import type { Viewer } from '@passerelle/shared/identity';
import { decodeKeyCursor, pageSize, toPage, type Page } from '@passerelle/shared/pagination';
import type { DemandLoaders } from '../demand/demand.loaders';
import { requireAlertAccess } from '../policy';
import type { Demand } from '../demand/demand.type';
import { ALERT_KINDS } from './alert.enums';
import type { DemandAlertFilter } from './alert.inputs';
import type { AlertPosition, AlertRepository, AlertRow } from './alert.repository';
import type { DemandAlert } from './alert.type';

/** The follow-up alerts of the register, for the partners who read the demands concerned. */
export class AlertService {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly present: (row: NonNullable<Awaited<ReturnType<DemandLoaders['demandById']['load']>>>) => Demand,
  ) {}

  async list(
    viewer: Viewer,
    loaders: DemandLoaders,
    filter: DemandAlertFilter,
    asOf: CalendarDate,
    first: number | undefined,
    after: string | undefined,
  ): Promise<Page<DemandAlert>> {
    const access = requireAlertAccess(viewer);
    const limit = pageSize(first);
    const query = {
      kinds: filter.kinds?.length ? [...new Set(filter.kinds)] : ALERT_KINDS,
      access,
      territoryMatches: filter.territory ? matchesOf(filter.territory) : null,
      asOf,
    };
    const position = decodeKeyCursor(after, [isCalendarDate, isAlertKind]) as AlertPosition | undefined;
    const rows = await this.alerts.page(query, position, limit + 1);
    // The demands of the page, in one batched statement, with the caller's own access again.
    const demands = await loaders.demandById.loadMany(rows.slice(0, limit).map((row) => row.demandId));
    const byId = new Map(
      demands.flatMap((demand) => (demand && !(demand instanceof Error) ? [[demand.id, demand] as const] : [])),
    );
    return toPage(
      rows.filter((row, index) => index >= limit || byId.has(row.demandId)),
      limit,
      (row: AlertRow) => [row.dueOn, row.kind, row.demandId],
      (row) => ({ kind: row.kind, dueOn: row.dueOn, demand: this.present(byId.get(row.demandId)!) }),
      () => this.alerts.count(query),
    );
  }
}

const isAlertKind = (value: string) => (ALERT_KINDS as readonly string[]).includes(value);

/** The territory codes a demand must concern to match the filter; a QPV stands for its communes. */
function matchesOf(code: string): string[] {
  const territory = officialGeography.find(code);
  if (!territory) throw new BadUserInputError(`Unknown territory code "${code}".`, 'filter.territory');
  if (territory.level === 'QPV') return territory.communes;
  return [code];
}
