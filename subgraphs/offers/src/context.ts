import { parisDate, type Clock } from '@passerelle/shared/dates';
import type { Viewer } from '@passerelle/shared/identity';
import type { DataSource } from 'typeorm';
import { AttributionRepository } from './attribution/attribution.repository';
import { createObligationLoaders, type ObligationLoaders } from './attribution/obligations.loaders';
import { ObligationRepository } from './attribution/obligations.repository';
import { ObligationService } from './attribution/obligations.service';
import { DwellingRepository } from './dwelling/dwelling.repository';
import { DwellingService } from './dwelling/dwelling.service';
import { DwellingWriteService } from './dwelling/dwelling-write.service';
import { FluxAgreementWriteService } from './flux/flux-agreement-write.service';
import { createFluxLoaders, type FluxLoaders } from './flux/flux.loaders';
import { FluxRepository } from './flux/flux.repository';
import { FluxService } from './flux/flux.service';
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
import { VacancyLifecycleService } from './vacancy/vacancy-lifecycle.service';

/** The services: stateless, built once per process. */
interface OffersServices {
  landlords: LandlordService;
  reservationHolders: ReservationHolderService;
  dwellings: DwellingService;
  vacancies: VacancyService;
  proposals: ProposalService;
  offerIndicators: OfferIndicatorService;
  /** Writes of the stock: dwellings, by their landlord. */
  dwellingWrites: DwellingWriteService;
  /** The vacancy lifecycle's steps. */
  lifecycle: VacancyLifecycleService;
  /** Flux management (décret 2020-145): agreements, annual flux, annual report. */
  flux: FluxService;
  /** Flux agreements recorded by their landlord. */
  fluxAgreements: FluxAgreementWriteService;
  /** The legal shares of attributions (CCH L441-1) and first-quartile thresholds. */
  obligations: ObligationService;
}

/** What every resolver of the offers subgraph receives. */
export interface OffersContext extends OffersServices {
  viewer: Viewer;
  /** What this viewer may read (`policy.ts`), computed once per request. */
  access: OffersAccess;
  loaders: OffersLoaders;
  /** Per-request loaders of flux management. */
  fluxLoaders: FluxLoaders;
  /** Per-request loader of the legal shares' counts. */
  obligationLoaders: ObligationLoaders;
}

/** Builds, once per process, the function that makes a fresh context (and loaders) per request. */
export function createContextFactory(db: DataSource, now: Clock): (viewer: Viewer) => OffersContext {
  const repositories: OffersRepositories = {
    landlords: new LandlordRepository(db),
    reservationHolders: new ReservationHolderRepository(db),
    dwellings: new DwellingRepository(db),
    vacancies: new VacancyRepository(db),
    transitions: new VacancyTransitionRepository(db),
    proposals: new ProposalRepository(db),
    offerIndicators: new OfferIndicatorRepository(db),
    attributions: new AttributionRepository(db),
  };
  const fluxRepository = new FluxRepository(db);
  const obligationRepository = new ObligationRepository(db);
  const services: OffersServices = {
    landlords: new LandlordService(repositories.landlords),
    reservationHolders: new ReservationHolderService(repositories.reservationHolders),
    dwellings: new DwellingService(repositories.dwellings),
    vacancies: new VacancyService(repositories.vacancies),
    proposals: new ProposalService(),
    offerIndicators: new OfferIndicatorService(() => parisDate(now())),
    dwellingWrites: new DwellingWriteService(db, now),
    lifecycle: new VacancyLifecycleService(db, now),
    flux: new FluxService(fluxRepository),
    fluxAgreements: new FluxAgreementWriteService(db, fluxRepository, now),
    obligations: new ObligationService(obligationRepository, now),
  };
  return (viewer) => {
    const access = offersAccess(viewer);
    return {
      ...services,
      viewer,
      access,
      loaders: createOffersLoaders(repositories, access),
      fluxLoaders: createFluxLoaders(fluxRepository),
      obligationLoaders: createObligationLoaders(obligationRepository),
    };
  };
}
