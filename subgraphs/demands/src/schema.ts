import 'reflect-metadata';
import { buildFederatedSchema } from '@passerelle/shared/federation';
import { resolveDemandReference } from './demand/demand.reference';
import { DemandConnectionResolver, DemandResolver } from './demand/demand.resolver';

/** The demands subgraph schema (the committed `schema.graphql` is printed from it). */
export function buildDemandsSchema() {
  return buildFederatedSchema(
    { resolvers: [DemandResolver, DemandConnectionResolver], validate: false },
    { Demand: { __resolveReference: resolveDemandReference } },
  );
}
