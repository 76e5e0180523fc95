import 'reflect-metadata';
import { buildFederatedSchema } from '@passerelle/shared/federation';
import {
  FirstQuartileThresholdResolver,
  LandlordObligationsResolver,
  ReservationHolderObligationResolver,
  ReservationHolderObligationsResolver,
  TerritoryObligationsResolver,
} from './attribution/obligations.resolver';
import { resolveDwellingReference } from './dwelling/dwelling.reference';
import { DwellingWriteResolver } from './dwelling/dwelling-write.resolver';
import { DwellingConnectionResolver, DwellingResolver } from './dwelling/dwelling.resolver';
import {
  AnnualReportLineResolver,
  FluxAgreementResolver,
  FluxObjectiveResolver,
  LandlordFluxObjectiveResolver,
  LandlordFluxResolver,
  ReservationHolderFluxResolver,
} from './flux/flux.resolver';
import { resolveLandlordReference } from './landlord/landlord.reference';
import { LandlordConnectionResolver, LandlordResolver } from './landlord/landlord.resolver';
import { DemandProposalsResolver } from './proposal/demand-proposals.resolver';
import { resolveProposalReference } from './proposal/proposal.reference';
import { ProposalResolver } from './proposal/proposal.resolver';
import { DemandReference, resolveDemandReference } from './references/demand.type';
import { resolveTerritoryReference, TerritoryReference } from './references/territory.type';
import { resolveReservationHolderReference } from './reservation-holder/reservation-holder.reference';
import {
  ReservationHolderConnectionResolver,
  ReservationHolderResolver,
} from './reservation-holder/reservation-holder.resolver';
import { OFFERS_FIELD_POLICY } from './policy';
import { OfferIndicatorsResolver } from './territory/offer-indicators.resolver';
import { resolveVacancyReference } from './vacancy/vacancy.reference';
import { VacancyLifecycleResolver } from './vacancy/vacancy-lifecycle.resolver';
import {
  AttributionResolver,
  VacancyConnectionResolver,
  VacancyResolver,
  VacancyTransitionResolver,
} from './vacancy/vacancy.resolver';

/** The offers subgraph schema (the committed `schema.graphql` is printed from it). */
export function buildOffersSchema() {
  return buildFederatedSchema(
    {
      subgraph: 'offers',
      fieldPolicy: OFFERS_FIELD_POLICY,
      resolvers: [
        LandlordResolver,
        LandlordConnectionResolver,
        ReservationHolderResolver,
        ReservationHolderConnectionResolver,
        DwellingResolver,
        DwellingConnectionResolver,
        VacancyResolver,
        VacancyConnectionResolver,
        VacancyTransitionResolver,
        AttributionResolver,
        VacancyLifecycleResolver,
        DwellingWriteResolver,
        ProposalResolver,
        DemandProposalsResolver,
        OfferIndicatorsResolver,
        LandlordFluxResolver,
        ReservationHolderFluxResolver,
        FluxAgreementResolver,
        FluxObjectiveResolver,
        LandlordFluxObjectiveResolver,
        AnnualReportLineResolver,
        TerritoryObligationsResolver,
        LandlordObligationsResolver,
        ReservationHolderObligationsResolver,
        ReservationHolderObligationResolver,
        FirstQuartileThresholdResolver,
      ],
      // Stubs of other subgraphs' entities are reached by no query of ours: list them explicitly.
      orphanedTypes: [DemandReference, TerritoryReference],
      validate: false,
    },
    {
      Landlord: { __resolveReference: resolveLandlordReference },
      ReservationHolder: { __resolveReference: resolveReservationHolderReference },
      Dwelling: { __resolveReference: resolveDwellingReference },
      Vacancy: { __resolveReference: resolveVacancyReference },
      Proposal: { __resolveReference: resolveProposalReference },
      Demand: { __resolveReference: resolveDemandReference },
      Territory: { __resolveReference: resolveTerritoryReference },
    },
  );
}
