import { startOfYear } from '@passerelle/shared/dates';
import { byIdLoader, groupBy, perSizeLoaders } from '@passerelle/shared/loaders';
import DataLoader from 'dataloader';
import type { DwellingEntity } from './dwelling/dwelling.entity';
import type { DwellingRepository } from './dwelling/dwelling.repository';
import type { LandlordEntity } from './landlord/landlord.entity';
import type { LandlordRepository } from './landlord/landlord.repository';
import type { AttributionEntity } from './attribution/attribution.entity';
import type { AttributionRepository } from './attribution/attribution.repository';
import { readsHouseholdLinks, type OffersAccess } from './policy';
import type { ProposalEntity } from './proposal/proposal.entity';
import type { ProposalRepository } from './proposal/proposal.repository';
import type { ReservationHolderEntity } from './reservation-holder/reservation-holder.entity';
import type { ReservationHolderRepository } from './reservation-holder/reservation-holder.repository';
import type { OfferIndicatorCounts } from './territory/offer-indicators';
import type { OfferIndicatorRepository } from './territory/offer-indicators.repository';
import { parseIndicatorKey } from './territory/offer-indicators.service';
import { territoryScope } from './territory/territory-scope';
import type { VacancyTransitionEntity } from './vacancy/vacancy-transition.entity';
import type { VacancyTransitionRepository } from './vacancy/vacancy-transition.repository';
import type { VacancyEntity } from './vacancy/vacancy.entity';
import type { VacancyRepository } from './vacancy/vacancy.repository';

export interface OffersRepositories {
  landlords: LandlordRepository;
  reservationHolders: ReservationHolderRepository;
  dwellings: DwellingRepository;
  vacancies: VacancyRepository;
  transitions: VacancyTransitionRepository;
  proposals: ProposalRepository;
  offerIndicators: OfferIndicatorRepository;
  attributions: AttributionRepository;
}

/**
 * Per-request batch loaders. Built in the context factory for one caller, so batches carry that
 * caller's household-link filter and nothing is cached across callers.
 */
export interface OffersLoaders {
  landlordById: DataLoader<string, LandlordEntity | null>;
  reservationHolderById: DataLoader<string, ReservationHolderEntity | null>;
  dwellingById: DataLoader<string, DwellingEntity | null>;
  vacancyById: DataLoader<string, VacancyEntity | null>;
  /** Every transition of a vacancy, oldest first. */
  transitionsOf: DataLoader<string, VacancyTransitionEntity[]>;
  /** A proposal the caller may read, or null when absent or hidden (indistinguishably). */
  proposalById: DataLoader<string, ProposalEntity | null>;
  /** The newest `first` proposals of a demand the caller may read. */
  proposalsOfDemand(first: number): DataLoader<string, ProposalEntity[]>;
  /** The newest `first` proposals of a vacancy the caller may read. */
  proposalsOfVacancy(first: number): DataLoader<string, ProposalEntity[]>;
  /** The signed lease of a vacancy (by vacancy id), or null. */
  attributionOfVacancy: DataLoader<string, AttributionEntity | null>;
  /** Whether the caller reads the household of a vacancy's lease (household-link policy), by vacancy id. */
  householdOfVacancyVisible: DataLoader<string, boolean>;
  /** Whether a dwelling has a vacancy now oriented to the caller as reservation holder (rent and charges), by dwelling id. */
  dwellingOrientedToCaller: DataLoader<string, boolean>;
  /** Indicator counts by `code|asOf` (see `indicatorKey`). */
  offerIndicatorCounts: DataLoader<string, OfferIndicatorCounts>;
}

export function createOffersLoaders(repositories: OffersRepositories, access: OffersAccess): OffersLoaders {
  const links = access.householdLinks;
  const readsLinks = readsHouseholdLinks(access);

  return {
    landlordById: byIdLoader((ids) => repositories.landlords.findByIds(ids)),
    reservationHolderById: byIdLoader((ids) => repositories.reservationHolders.findByIds(ids)),
    dwellingById: byIdLoader((ids) => repositories.dwellings.findByIds(ids)),
    vacancyById: byIdLoader((ids) => repositories.vacancies.findByIds(ids, access.vacancies)),
    transitionsOf: new DataLoader(async (vacancyIds) => {
      const byVacancy = groupBy(await repositories.transitions.ofVacancies(vacancyIds), (row) => row.vacancyId);
      return vacancyIds.map((id) => byVacancy.get(id) ?? []);
    }),
    // No statement at all for a caller who reads no household link.
    proposalById: byIdLoader(async (ids) => (readsLinks ? repositories.proposals.findVisible(ids, links) : [])),
    proposalsOfDemand: perSizeLoaders(async (demandIds, first) =>
      readsLinks
        ? groupBy(await repositories.proposals.newestOfDemands(demandIds, links, first), (row) => row.demandId)
        : new Map(),
    ),
    proposalsOfVacancy: perSizeLoaders(async (vacancyIds, first) =>
      readsLinks
        ? groupBy(await repositories.proposals.newestOfVacancies(vacancyIds, links, first), (row) => row.vacancyId)
        : new Map(),
    ),
    attributionOfVacancy: new DataLoader(async (vacancyIds) => {
      const byVacancy = new Map(
        (await repositories.attributions.ofVacancies(vacancyIds)).map((row) => [row.vacancyId, row]),
      );
      return vacancyIds.map((id) => byVacancy.get(id) ?? null);
    }),
    householdOfVacancyVisible: new DataLoader(async (vacancyIds) => {
      if (!readsLinks) return vacancyIds.map(() => false);
      const visible = new Set(await repositories.attributions.vacanciesWithVisibleHousehold(vacancyIds, links));
      return vacancyIds.map((id) => visible.has(id));
    }),
    dwellingOrientedToCaller: new DataLoader(async (dwellingIds) => {
      if (access.partner === null) return dwellingIds.map(() => false);
      const oriented = new Set(await repositories.vacancies.dwellingsOrientedTo(dwellingIds, access.partner));
      return dwellingIds.map((id) => oriented.has(id));
    }),
    offerIndicatorCounts: new DataLoader(async (keys) => {
      const requests = keys.map((key) => {
        const { code, asOf } = parseIndicatorKey(key);
        // The service checked the code before loading.
        return { key, scope: territoryScope(code)!, asOf, yearStart: startOfYear(asOf) };
      });
      const counts = await repositories.offerIndicators.countsFor(requests);
      return keys.map((key) => counts.get(key)!);
    }),
  };
}
