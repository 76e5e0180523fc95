import { isCalendarDate } from '@passerelle/shared/dates';
import { pageSize } from '@passerelle/shared/pagination';
import { isUuid, requireCommuneCode, requireUuid } from '@passerelle/shared/validation';
import { decodeKeyCursor, toPage, type Page } from '@passerelle/shared/pagination';
import type { OffersLoaders } from '../loaders';
import { requireStockAccess, type OffersAccess } from '../policy';
import type { VacancyFilter } from './vacancy.inputs';
import { toAttribution, toVacancy, toVacancyTransition } from './vacancy.mapper';
import { VacancyStatus } from './vacancy.enums';
import type { VacancyListPosition, VacancyRepository } from './vacancy.repository';
import type { Attribution, Vacancy, VacancyTransition } from './vacancy.type';

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

  /**
   * The signed lease, for whoever reads the vacancy; its tenant and household are guarded field by
   * field (`OFFERS_FIELD_POLICY`).
   */
  async attribution(loaders: OffersLoaders, vacancy: Vacancy): Promise<Attribution | null> {
    if (vacancy.status !== VacancyStatus.LEASE_SIGNED) return null;
    const row = await loaders.attributionOfVacancy.load(vacancy.id);
    return row && toAttribution(row);
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
