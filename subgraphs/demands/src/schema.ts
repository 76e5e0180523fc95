import 'reflect-metadata';
import { buildFederatedSchema } from '@passerelle/shared/federation';
import { DEMANDS_FIELD_POLICY } from './policy';
import { DemandAlertResolver } from './alert/alert.resolver';
import { resolveDemandReference } from './demand/demand.reference';
import { DemandLifecycleResolver } from './lifecycle/lifecycle.resolver';
import { DemandConnectionResolver, DemandResolver } from './demand/demand.resolver';
import { TerritoryIndicatorResolver, resolveTerritoryReference } from './territory/territory.resolver';
import { TerritoryReference } from './territory/territory.type';

/** The demands subgraph schema (the committed `schema.graphql` is printed from it). */
export function buildDemandsSchema() {
  return buildFederatedSchema(
    {
      subgraph: 'demands',
      fieldPolicy: DEMANDS_FIELD_POLICY,
      resolvers: [
        DemandResolver,
        DemandConnectionResolver,
        DemandLifecycleResolver,
        DemandAlertResolver,
        TerritoryIndicatorResolver,
      ],
      // Territory is reached through federation only, not from a query of this subgraph.
      orphanedTypes: [TerritoryReference],
      validate: false,
    },
    {
      Demand: { __resolveReference: resolveDemandReference },
      Territory: { __resolveReference: resolveTerritoryReference },
    },
  );
}
