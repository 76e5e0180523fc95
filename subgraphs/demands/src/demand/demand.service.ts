import { isCalendarDate, type CalendarDate } from '@passerelle/shared/dates';
import { BadUserInputError } from '@passerelle/shared/errors';
import type { Viewer } from '@passerelle/shared/identity';
import { decodeKeyCursor, pageSize, toPage } from '@passerelle/shared/pagination';
import { isCommuneCode, isUuid } from '@passerelle/shared/validation';
import type { DemandFilter } from './demand.inputs';
import type { DemandEntity } from './demand.entity';
import type { DemandLoaders } from './demand.loaders';
import { toDemand } from './demand.mapper';
import { requireRegisterAccess, requireSensitiveFilterAccess } from '../policy';
import type { DemandListPosition, DemandRepository } from './demand.repository';
import type { Demand, DemandConnection } from './demand.type';

/** A page of demands, plus what `totalCount` needs to count the whole list on demand. */
export type DemandPage = DemandConnection & { count: () => Promise<number> };

/** Reading the register on behalf of a viewer; access rules live in `demand.policy.ts`. */
export class DemandService {
  constructor(
    private readonly demands: DemandRepository,
    private readonly today: () => CalendarDate,
  ) {}

  /** The public shape of a stored demand, today. */
  present(row: DemandEntity): Demand {
    return toDemand(row, this.today());
  }

  /** One demand, or null when it does not exist or the viewer may not see it (same answer). */
  async get(viewer: Viewer, loaders: DemandLoaders, id: string): Promise<Demand | null> {
    requireRegisterAccess(viewer);
    if (!isUuid(id)) throw new BadUserInputError(`"${id}" is not a demand id (a UUID).`, 'id');
    const row = await loaders.demandById.load(id.toLowerCase());
    return row && this.present(row);
  }

  /** A demand for federation (`_entities`): null, never an error, when not visible. */
  async resolveReference(loaders: DemandLoaders, id: string): Promise<Demand | null> {
    if (!isUuid(id)) return null;
    const row = await loaders.demandById.load(id.toLowerCase());
    return row && this.present(row);
  }

  /** The viewer's demands matching `filter`, newest filing first, `first` at a time. */
  async list(
    viewer: Viewer,
    filter: DemandFilter,
    first: number | undefined,
    after: string | undefined,
  ): Promise<DemandPage> {
    const access = requireRegisterAccess(viewer);
    validateFilter(filter);
    requireSensitiveFilterAccess(viewer, filter);
    const limit = pageSize(first);
    const position = decodeKeyCursor(after, [isCalendarDate]) as DemandListPosition | undefined;
    const rows = await this.demands.page({ filter, access, after: position, limit: limit + 1 });
    return toPage(
      rows,
      limit,
      (row) => [row.filingDate, row.id],
      (row) => this.present(row),
      () => this.demands.count(filter, access),
    );
  }
}

function validateFilter(filter: DemandFilter) {
  if (filter.wishedCommune !== undefined && filter.wishedCommune !== null && !isCommuneCode(filter.wishedCommune)) {
    throw new BadUserInputError(
      `"wishedCommune" must be an INSEE commune code such as "59350" (got "${filter.wishedCommune}").`,
      'filter.wishedCommune',
    );
  }
  if (filter.filedFrom && filter.filedTo && filter.filedFrom > filter.filedTo) {
    throw new BadUserInputError('"filedFrom" must not be after "filedTo".', 'filter.filedFrom');
  }
}
