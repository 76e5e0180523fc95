import 'reflect-metadata';
import { buildFederatedSchema } from '@passerelle/shared/federation';
import { resolveDwellingReference } from './dwelling/dwelling.reference';
import { DwellingConnectionResolver, DwellingResolver } from './dwelling/dwelling.resolver';
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
import { OfferIndicatorsResolver } from './territory/offer-indicators.resolver';
import { resolveVacancyReference } from './vacancy/vacancy.reference';
import { VacancyConnectionResolver, VacancyResolver } from './vacancy/vacancy.resolver';

/** The offers subgraph schema (the committed `schema.graphql` is printed from it). */
export function buildOffersSchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        LandlordResolver,
        LandlordConnectionResolver,
        ReservationHolderResolver,
        ReservationHolderConnectionResolver,
        DwellingResolver,
        DwellingConnectionResolver,
        VacancyResolver,
        VacancyConnectionResolver,
        ProposalResolver,
        DemandProposalsResolver,
        OfferIndicatorsResolver,
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
