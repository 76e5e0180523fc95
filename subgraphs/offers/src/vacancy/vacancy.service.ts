import { isCalendarDate } from '@passerelle/shared/dates';
import { ForbiddenError } from '@passerelle/shared/errors';
import { pageSize } from '@passerelle/shared/pagination';
import { isUuid, requireCommuneCode, requireUuid } from '@passerelle/shared/validation';
import { decodeKeyCursor, toPage, type Page } from '@passerelle/shared/pagination';
import type { OffersLoaders } from '../loaders';
import { requireStockAccess, type OffersAccess } from '../policy';
import type { VacancyFilter } from './vacancy.inputs';
import { toAttribution, toAttributionHousehold, toVacancy, toVacancyTransition } from './vacancy.mapper';
import { VacancyStatus } from './vacancy.enums';
import type { VacancyListPosition, VacancyRepository } from './vacancy.repository';
import type { Attribution, AttributionHousehold, Vacancy, VacancyTransition } from './vacancy.type';

/** Reading vacancies on behalf of a viewer; access rules live in `policy.ts`. */
export class VacancyService {
  constructor(private readonly vacancies: VacancyRepository) {}

  /** One vacancy by id, or null when there is none. */
  async get(access: OffersAccess, loaders: OffersLoaders, id: string): Promise<Vacancy | null> {
    requireStockAccess(access);
    return this.byId(access, loaders, requireUuid(id, 'id', 'a vacancy'));
  }

  /** A vacancy by id (for a parent's field or `_entities`): null when absent or not readable. */
  async byId(access: OffersAccess, loaders: OffersLoaders, id: string): Promise<Vacancy | null> {
    if (!access.readsStock || !isUuid(id)) return null;
    const row = await loaders.vacancyById.load(id.toLowerCase());
    return row && toVacancy(row);
  }

  /** The vacancies matching `filter`, most recently vacated first, `first` at a time. */
  async list(
    access: OffersAccess,
    filter: VacancyFilter,
    first: number | undefined,
    after: string | undefined,
  ): Promise<Page<Vacancy>> {
    requireStockAccess(access);
    const checked = validateFilter(filter);
    const limit = pageSize(first);
    const position = decodeKeyCursor(after, [isCalendarDate]) as VacancyListPosition | undefined;
    const rows = await this.vacancies.page({
      filter: checked,
      scope: access.vacancies,
      after: position,
      limit: limit + 1,
    });
    return toPage(
      rows,
      limit,
      (row) => [row.vacatedOn, row.id],
      toVacancy,
      () => this.vacancies.count(checked, access.vacancies),
    );
  }

  /** The vacancy's dated lifecycle, oldest first. */
  async transitions(loaders: OffersLoaders, vacancy: Vacancy): Promise<VacancyTransition[]> {
    return (await loaders.transitionsOf.load(vacancy.id)).map(toVacancyTransition);
  }

  /** Whether the caller is the landlord of the vacancy's dwelling or the holder it is oriented to (free-text notes). */
  async readsNotes(access: OffersAccess, loaders: OffersLoaders, vacancyId: string): Promise<boolean> {
    if (access.partner === null) return false;
    const vacancy = await loaders.vacancyById.load(vacancyId);
    if (!vacancy) return false;
    if (vacancy.reservationHolderId) {
      const holder = await loaders.reservationHolderById.load(vacancy.reservationHolderId);
      if (holder?.slug === access.partner) return true;
    }
    const dwelling = await loaders.dwellingById.load(vacancy.dwellingId);
    const landlord = dwelling && (await loaders.landlordById.load(dwelling.landlordId));
    return access.isLandlord && landlord?.slug === access.partner;
  }

  /** The signed lease; its tenant's demand only for callers who read the household link (`policy.ts`). */
  async attribution(loaders: OffersLoaders, vacancy: Vacancy): Promise<Attribution | null> {
    if (vacancy.status !== VacancyStatus.LEASE_SIGNED) return null;
    const row = await loaders.attributionOfVacancy.load(vacancy.id);
    return row && toAttribution(row, await loaders.householdOfVacancyVisible.load(vacancy.id));
  }

  /** The household of a signed lease at signature: FORBIDDEN for callers who do not read that household link. */
  async attributionHousehold(loaders: OffersLoaders, attribution: Attribution): Promise<AttributionHousehold | null> {
    if (!(await loaders.householdOfVacancyVisible.load(attribution.vacancyId))) {
      throw new ForbiddenError(
        'The household of a lease is read by the State and the EPCI on their territory, the landlord of the dwelling and the reservation holder charged.',
      );
    }
    const row = await loaders.attributionOfVacancy.load(attribution.vacancyId);
    return row && toAttributionHousehold(row);
  }
}

function validateFilter(filter: VacancyFilter): VacancyFilter {
  return {
    ...filter,
    landlord: filter.landlord ? requireUuid(filter.landlord, 'filter.landlord', 'a landlord') : undefined,
    reservationHolder: filter.reservationHolder
      ? requireUuid(filter.reservationHolder, 'filter.reservationHolder', 'a reservation holder')
      : undefined,
    commune: filter.commune ? requireCommuneCode(filter.commune, 'filter.commune') : undefined,
  };
}
