import { pageSize } from '@passerelle/shared/pagination';
import { isUuid, requireCommuneCode, requireUuid } from '@passerelle/shared/validation';
import { anyText, decodeKeyCursor, toPage, type Page } from '@passerelle/shared/pagination';
import type { OffersLoaders } from '../loaders';
import { requireStockAccess, type OffersAccess } from '../policy';
import type { DwellingFilter } from './dwelling.inputs';
import { toDwelling } from './dwelling.mapper';
import type { DwellingListPosition, DwellingRepository } from './dwelling.repository';
import type { Dwelling } from './dwelling.type';

/** Reading the stock on behalf of a viewer; access rules live in `policy.ts`. */
export class DwellingService {
  constructor(private readonly dwellings: DwellingRepository) {}

  /** One dwelling by id, or null when there is none. */
  async get(access: OffersAccess, loaders: OffersLoaders, id: string): Promise<Dwelling | null> {
    requireStockAccess(access);
    return this.byId(access, loaders, requireUuid(id, 'id', 'a dwelling'));
  }

  /** A dwelling by id (for a parent's field or `_entities`): null when absent or not readable. */
  async byId(access: OffersAccess, loaders: OffersLoaders, id: string): Promise<Dwelling | null> {
    if (!access.readsStock || !isUuid(id)) return null;
    const row = await loaders.dwellingById.load(id.toLowerCase());
    return row && toDwelling(row);
  }

  /** The dwellings matching `filter`, by RPLS identifier, `first` at a time. */
  async list(
    access: OffersAccess,
    filter: DwellingFilter,
    first: number | undefined,
    after: string | undefined,
  ): Promise<Page<Dwelling>> {
    requireStockAccess(access);
    const checked = validateFilter(filter);
    const limit = pageSize(first);
    const position = decodeKeyCursor(after, [anyText]) as DwellingListPosition | undefined;
    const rows = await this.dwellings.page({ filter: checked, after: position, limit: limit + 1 });
    return toPage(
      rows,
      limit,
      (row) => [row.rplsId, row.id],
      toDwelling,
      () => this.dwellings.count(checked),
    );
  }
}

function validateFilter(filter: DwellingFilter): DwellingFilter {
  return {
    ...filter,
    landlord: filter.landlord ? requireUuid(filter.landlord, 'filter.landlord', 'a landlord') : undefined,
    commune: filter.commune ? requireCommuneCode(filter.commune, 'filter.commune') : undefined,
  };
}
