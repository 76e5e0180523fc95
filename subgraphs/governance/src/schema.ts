import 'reflect-metadata';
import { buildFederatedSchema } from '@passerelle/shared/federation';
import { BodyConnectionResolver, BodyMemberResolver, BodyResolver } from './body/body.resolver';
import { resolveBodyReference } from './body/body.reference';
import { resolveCalDecisionReference } from './cal-decision/cal-decision.reference';
import { CalDecisionConnectionResolver, CalDecisionResolver } from './cal-decision/cal-decision.resolver';
import { GovernanceIndicatorsResolver } from './indicators/governance-indicators.resolver';
import {
  BodyActivityResolver,
  CalDecisionCountByLandlordResolver,
  GovernanceActivityResolver,
  PartnerAttendanceResolver,
  TerritoryGovernanceActivityResolver,
} from './indicators/governance-activity.resolver';
import { AgendaItemResolver, AttendanceResolver, MeetingAgendaResolver } from './agenda/agenda.resolver';
import { CalDecisionOfferResolver } from './cal-decision/offer.resolver';
import { GovernanceMutationResolver } from './governance.mutations';
import {
  BodyRecommendationsResolver,
  RecommendationConnectionResolver,
  RecommendationFollowUpResolver,
  RecommendationResolver,
  resolveRecommendationReference,
} from './recommendation/recommendation.resolver';
import { DwellingReference } from './references/dwelling.reference';
import { resolveMeetingReference } from './meeting/meeting.reference';
import { MeetingConnectionResolver, MeetingResolver } from './meeting/meeting.resolver';
import { resolvePartnerReference } from './partner/partner.reference';
import { GOVERNANCE_FIELD_POLICY } from './policy';
import { PartnerConnectionResolver, PartnerResolver } from './partner/partner.resolver';
import { DemandReferenceResolver, resolveDemandReference } from './references/demand.reference';
import { VacancyReferenceResolver, resolveVacancyReference } from './references/vacancy.reference';
import { resolveTerritoryReference } from './territory/territory.reference';
import { TerritoryResolver } from './territory/territory.resolver';

/** The governance subgraph schema (the committed `schema.graphql` is printed from it). */
export function buildGovernanceSchema() {
  return buildFederatedSchema(
    {
      subgraph: 'governance',
      fieldPolicy: GOVERNANCE_FIELD_POLICY,
      resolvers: [
        TerritoryResolver,
        GovernanceIndicatorsResolver,
        TerritoryGovernanceActivityResolver,
        BodyActivityResolver,
        GovernanceActivityResolver,
        PartnerAttendanceResolver,
        CalDecisionCountByLandlordResolver,
        PartnerResolver,
        PartnerConnectionResolver,
        BodyResolver,
        BodyMemberResolver,
        BodyConnectionResolver,
        MeetingResolver,
        MeetingConnectionResolver,
        CalDecisionResolver,
        CalDecisionConnectionResolver,
        DemandReferenceResolver,
        VacancyReferenceResolver,
        MeetingAgendaResolver,
        AgendaItemResolver,
        AttendanceResolver,
        CalDecisionOfferResolver,
        RecommendationResolver,
        RecommendationFollowUpResolver,
        BodyRecommendationsResolver,
        RecommendationConnectionResolver,
        GovernanceMutationResolver,
      ],
      // Dwellings are only cited (occupancy reviews): never resolved here.
      orphanedTypes: [DwellingReference],
      validate: false,
    },
    {
      Territory: { __resolveReference: resolveTerritoryReference },
      Partner: { __resolveReference: resolvePartnerReference },
      Body: { __resolveReference: resolveBodyReference },
      Meeting: { __resolveReference: resolveMeetingReference },
      CalDecision: { __resolveReference: resolveCalDecisionReference },
      Demand: { __resolveReference: resolveDemandReference },
      Vacancy: { __resolveReference: resolveVacancyReference },
      Recommendation: { __resolveReference: resolveRecommendationReference },
    },
  );
}
