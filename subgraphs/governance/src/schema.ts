import 'reflect-metadata';
import { buildFederatedSchema } from '@passerelle/shared/federation';
import { BodyConnectionResolver, BodyMemberResolver, BodyResolver } from './body/body.resolver';
import { resolveBodyReference } from './body/body.reference';
import { resolveCalDecisionReference } from './cal-decision/cal-decision.reference';
import { CalDecisionConnectionResolver, CalDecisionResolver } from './cal-decision/cal-decision.resolver';
import { GovernanceIndicatorsResolver } from './indicators/governance-indicators.resolver';
import { resolveMeetingReference } from './meeting/meeting.reference';
import { MeetingConnectionResolver, MeetingResolver } from './meeting/meeting.resolver';
import { resolvePartnerReference } from './partner/partner.reference';
import { PartnerConnectionResolver, PartnerResolver } from './partner/partner.resolver';
import { DemandReferenceResolver, resolveDemandReference } from './references/demand.reference';
import { VacancyReferenceResolver, resolveVacancyReference } from './references/vacancy.reference';
import { resolveTerritoryReference } from './territory/territory.reference';
import { TerritoryResolver } from './territory/territory.resolver';

/** The governance subgraph schema (the committed `schema.graphql` is printed from it). */
export function buildGovernanceSchema() {
  return buildFederatedSchema(
    {
      resolvers: [
        TerritoryResolver,
        GovernanceIndicatorsResolver,
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
      ],
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
    },
  );
}
