import { pageSize } from '@passerelle/shared/pagination';
import type { OffersLoaders } from '../loaders';
import { isUuid } from '@passerelle/shared/validation';
import { anyText, decodeKeyCursor, toPage, type Page } from '@passerelle/shared/pagination';
import { requireStockAccess, type OffersAccess } from '../policy';
import { toLandlord } from './landlord.mapper';
import type { LandlordListPosition, LandlordRepository } from './landlord.repository';
import type { Landlord } from './landlord.type';

/** Reading landlords on behalf of a viewer; access rules live in `policy.ts`. */
export class LandlordService {
  constructor(private readonly landlords: LandlordRepository) {}

  /** Every landlord of the hub, by name, `first` at a time. */
  async list(access: OffersAccess, first: number | undefined, after: string | undefined): Promise<Page<Landlord>> {
    requireStockAccess(access);
    const limit = pageSize(first);
    const position = decodeKeyCursor(after, [anyText]) as LandlordListPosition | undefined;
    const rows = await this.landlords.page({ after: position, limit: limit + 1 });
    return toPage(
      rows,
      limit,
      (row) => [row.name, row.id],
      toLandlord,
      () => this.landlords.count(),
    );
  }

  /** A landlord by id (for a parent's field or `_entities`): null when absent or not readable. */
  async byId(access: OffersAccess, loaders: OffersLoaders, id: string): Promise<Landlord | null> {
    if (!access.readsStock || !isUuid(id)) return null;
    const row = await loaders.landlordById.load(id.toLowerCase());
    return row && toLandlord(row);
  }
}
