import { pageSize } from '@passerelle/shared/pagination';
import { ForbiddenError } from '@passerelle/shared/errors';
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

  /**
   * Refuses a landlord's detail of the dwelling (`policy.ts`): rent and charges to others than the
   * owning landlord and the reservation holder a vacancy of it is now oriented to; internal notes
   * to others than the owning landlord.
   */
  async requireDetail(access: OffersAccess, loaders: OffersLoaders, dwelling: Dwelling, detail: 'RENT' | 'NOTES') {
    if (access.partner === null) throw new ForbiddenError(DETAIL_REFUSAL[detail]);
    if (access.isLandlord) {
      const landlord = await loaders.landlordById.load(dwelling.landlordId);
      if (landlord?.slug === access.partner) return;
    }
    if (detail === 'RENT' && (await loaders.dwellingOrientedToCaller.load(dwelling.id))) return;
    throw new ForbiddenError(DETAIL_REFUSAL[detail]);
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

const DETAIL_REFUSAL = {
  RENT: 'The rent and charges of a dwelling are read by its landlord, and by the reservation holder one of its vacancies is now oriented to.',
  NOTES: "A dwelling's internal notes are read by its landlord only.",
};

function validateFilter(filter: DwellingFilter): DwellingFilter {
  return {
    ...filter,
    landlord: filter.landlord ? requireUuid(filter.landlord, 'filter.landlord', 'a landlord') : undefined,
    commune: filter.commune ? requireCommuneCode(filter.commune, 'filter.commune') : undefined,
  };
}
