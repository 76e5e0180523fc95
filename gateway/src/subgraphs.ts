import path from 'node:path';

/** A subgraph the gateway composes: its committed SDL and where it listens by default. */
export interface SubgraphDescriptor {
  name: string;
  /** Path of the committed `schema.graphql`, from the repository root. */
  schemaFile: string;
  /** Routing URL written into the supergraph; `<NAME>_URL` overrides it at run time. */
  defaultUrl: string;
}

export const REPOSITORY_ROOT = path.resolve(__dirname, '../..');
export const SUPERGRAPH_FILE = path.join(REPOSITORY_ROOT, 'gateway/supergraph.graphql');

/** The subgraphs of the hub, in composition order. */
export const SUBGRAPHS: readonly SubgraphDescriptor[] = [
  { name: 'demands', schemaFile: 'subgraphs/demands/schema.graphql', defaultUrl: 'http://localhost:4001/graphql' },
];
