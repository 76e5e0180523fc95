import { pageSize } from '@passerelle/shared/pagination';
import { isUuid } from '@passerelle/shared/validation';
import { anyText, decodeKeyCursor, toPage, type Page } from '@passerelle/shared/pagination';
import type { OffersLoaders } from '../loaders';
import { requireStockAccess, type OffersAccess } from '../policy';
import type { ReservationHolderFilter } from './reservation-holder.inputs';
import { toReservationHolder } from './reservation-holder.mapper';
import type { ReservationHolderListPosition, ReservationHolderRepository } from './reservation-holder.repository';
import type { ReservationHolder } from './reservation-holder.type';

/** Reading reservation holders on behalf of a viewer; access rules live in `policy.ts`. */
export class ReservationHolderService {
  constructor(private readonly holders: ReservationHolderRepository) {}

  /** The reservation holders matching `filter`, by name, `first` at a time. */
  async list(
    access: OffersAccess,
    filter: ReservationHolderFilter,
    first: number | undefined,
    after: string | undefined,
  ): Promise<Page<ReservationHolder>> {
    requireStockAccess(access);
    const limit = pageSize(first);
    const position = decodeKeyCursor(after, [anyText]) as ReservationHolderListPosition | undefined;
    const rows = await this.holders.page({ filter, after: position, limit: limit + 1 });
    return toPage(
      rows,
      limit,
      (row) => [row.name, row.id],
      toReservationHolder,
      () => this.holders.count(filter),
    );
  }

  /** A reservation holder by id (for a parent's field or `_entities`): null when absent or not readable. */
  async byId(access: OffersAccess, loaders: OffersLoaders, id: string | null): Promise<ReservationHolder | null> {
    if (!access.readsStock || id === null || !isUuid(id)) return null;
    const row = await loaders.reservationHolderById.load(id.toLowerCase());
    return row && toReservationHolder(row);
  }
}
