import path from 'node:path';

/**
 * The subgraphs of the hub and their default ports (ARCHITECTURE.md, network contract).
 * Everything else follows from the name by convention:
 *  - code in `subgraphs/<name>/`, entry point `dist/src/main.js`, migrations exported as
 *    `migrations` from `dist/src/migrations/index.js`, committed SDL `schema.graphql`;
 *  - environment `<NAME>_PORT`, `<NAME>_DATABASE_URL` (the subgraph) and `<NAME>_URL` (the gateway).
 */
export const SUBGRAPHS = [
  { name: 'demands', port: 4001 },
  { name: 'offers', port: 4002 },
  { name: 'accompaniment', port: 4003 },
  { name: 'governance', port: 4004 },
] as const satisfies readonly { name: string; port: number }[];

export const GATEWAY_PORT = 4000;

export const REPOSITORY_ROOT = path.resolve(__dirname, '../../..');

export interface SubgraphLayout {
  name: string;
  port: number;
  /** Paths relative to the repository root. */
  directory: string;
  entry: string;
  migrations: string;
  schemaFile: string;
  /** Where the subgraph listens by default (the supergraph's routing URL). */
  defaultUrl: string;
  /** Environment variable prefix (`DEMANDS`). */
  envPrefix: string;
}

export function layoutOf(subgraph: { name: string; port: number }): SubgraphLayout {
  const directory = `subgraphs/${subgraph.name}`;
  return {
    ...subgraph,
    directory,
    entry: `${directory}/dist/src/main.js`,
    migrations: `${directory}/dist/src/migrations/index.js`,
    schemaFile: `${directory}/schema.graphql`,
    defaultUrl: `http://localhost:${subgraph.port}/graphql`,
    envPrefix: subgraph.name.toUpperCase(),
  };
}

export const subgraphLayouts = (): SubgraphLayout[] => SUBGRAPHS.map(layoutOf);
