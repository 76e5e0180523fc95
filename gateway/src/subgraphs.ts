import path from 'node:path';
import { REPOSITORY_ROOT, subgraphLayouts } from '@passerelle/shared/topology';

export { REPOSITORY_ROOT };
export const SUPERGRAPH_FILE = path.join(REPOSITORY_ROOT, 'gateway/supergraph.graphql');

/** The subgraphs the gateway composes, in composition order. */
export const SUBGRAPHS = subgraphLayouts();
