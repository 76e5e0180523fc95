import { isCalendarDate } from '@passerelle/shared/dates';
import type { Viewer } from '@passerelle/shared/identity';
import { decodeKeyCursor, pageSize, toPage } from '@passerelle/shared/pagination';
import { isUuid, requireCommuneCode, requireUuid } from '@passerelle/shared/validation';
import { requireMeasureAccess } from '../policy';
import type { MeasureFilter } from './measure.inputs';
import type { MeasureLoaders } from './measure.loaders';
import { toMeasure } from './measure.mapper';
import type { MeasureListPosition, MeasureRepository } from './measure.repository';
import type { Measure, MeasureConnection } from './measure.type';

/** A page of measures, plus what `totalCount` needs to count the whole list on demand. */
export type MeasurePage = MeasureConnection & { count: () => Promise<number> };

/** Reading measures on behalf of a viewer; who reads what lives in `policy.ts`. */
export class MeasureService {
  constructor(private readonly measures: MeasureRepository) {}

  /** One measure, or null when it does not exist or the viewer may not see it (same answer). */
  async get(viewer: Viewer, loaders: MeasureLoaders, id: string): Promise<Measure | null> {
    requireMeasureAccess(viewer);
    const row = await loaders.measureById.load(requireUuid(id, 'id', 'a measure'));
    return row && toMeasure(row);
  }

  /** A measure for federation (`_entities`): null, never an error, when not readable. */
  async resolveReference(loaders: MeasureLoaders, id: string): Promise<Measure | null> {
    if (!isUuid(id)) return null;
    const row = await loaders.measureById.load(id.toLowerCase());
    return row && toMeasure(row);
  }

  /** The newest readable measures of a demand; empty for a viewer who reads none (no error: a contributed field). */
  async ofDemand(loaders: MeasureLoaders, demandId: string, first: number | undefined): Promise<Measure[]> {
    const size = pageSize(first);
    if (!isUuid(demandId)) return [];
    return (await loaders.measuresOfDemand(size).load(demandId.toLowerCase())).map(toMeasure);
  }

  /** The viewer's measures matching `filter`, newest prescription first, `first` at a time. */
  async list(
    viewer: Viewer,
    filter: MeasureFilter,
    first: number | undefined,
    after: string | undefined,
  ): Promise<MeasurePage> {
    const access = requireMeasureAccess(viewer);
    const checked = validateFilter(filter);
    const limit = pageSize(first);
    const position = decodeKeyCursor(after, [isCalendarDate]) as MeasureListPosition | undefined;
    const rows = await this.measures.page({ filter: checked, access, after: position, limit: limit + 1 });
    return toPage(
      rows,
      limit,
      (row) => [row.prescribedOn, row.id],
      toMeasure,
      () => this.measures.count(checked, access),
    );
  }
}

function validateFilter(filter: MeasureFilter): MeasureFilter {
  return {
    ...filter,
    operator: filter.operator == null ? undefined : requireUuid(filter.operator, 'filter.operator', 'an operator'),
    commune: filter.commune == null ? undefined : requireCommuneCode(filter.commune, 'filter.commune'),
  };
}
