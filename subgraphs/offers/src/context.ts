import type { Viewer } from '@passerelle/shared/identity';
import type { DataSource } from 'typeorm';
import { DwellingRepository } from './dwelling/dwelling.repository';
import { DwellingService } from './dwelling/dwelling.service';
import { LandlordRepository } from './landlord/landlord.repository';
import { LandlordService } from './landlord/landlord.service';
import { createOffersLoaders, type OffersLoaders, type OffersRepositories } from './loaders';
import { offersAccess, type OffersAccess } from './policy';
import { ProposalRepository } from './proposal/proposal.repository';
import { ProposalService } from './proposal/proposal.service';
import { ReservationHolderRepository } from './reservation-holder/reservation-holder.repository';
import { ReservationHolderService } from './reservation-holder/reservation-holder.service';
import { OfferIndicatorRepository } from './territory/offer-indicators.repository';
import { OfferIndicatorService } from './territory/offer-indicators.service';
import { VacancyTransitionRepository } from './vacancy/vacancy-transition.repository';
import { VacancyRepository } from './vacancy/vacancy.repository';
import { VacancyService } from './vacancy/vacancy.service';

/** The services: stateless, built once per process. */
interface OffersServices {
  landlords: LandlordService;
  reservationHolders: ReservationHolderService;
  dwellings: DwellingService;
  vacancies: VacancyService;
  proposals: ProposalService;
  offerIndicators: OfferIndicatorService;
}

/** What every resolver of the offers subgraph receives. */
export interface OffersContext extends OffersServices {
  viewer: Viewer;
  /** What this viewer may read (`policy.ts`), computed once per request. */
  access: OffersAccess;
  loaders: OffersLoaders;
}

/** Builds, once per process, the function that makes a fresh context (and loaders) per request. */
export function createContextFactory(db: DataSource): (viewer: Viewer) => OffersContext {
  const repositories: OffersRepositories = {
    landlords: new LandlordRepository(db),
    reservationHolders: new ReservationHolderRepository(db),
    dwellings: new DwellingRepository(db),
    vacancies: new VacancyRepository(db),
    transitions: new VacancyTransitionRepository(db),
    proposals: new ProposalRepository(db),
    offerIndicators: new OfferIndicatorRepository(db),
  };
  const services: OffersServices = {
    landlords: new LandlordService(repositories.landlords),
    reservationHolders: new ReservationHolderService(repositories.reservationHolders),
    dwellings: new DwellingService(repositories.dwellings),
    vacancies: new VacancyService(repositories.vacancies),
    proposals: new ProposalService(),
    offerIndicators: new OfferIndicatorService(),
  };
  return (viewer) => {
    const access = offersAccess(viewer);
    return { ...services, viewer, access, loaders: createOffersLoaders(repositories, access) };
  };
}
