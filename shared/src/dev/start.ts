import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';
import { optionalString, parseConfig, port } from '../config';
import { GATEWAY_PORT, REPOSITORY_ROOT as ROOT, subgraphLayouts } from '../topology';
import { spawnService, terminate } from '../process';
import { waitForHttp } from '../testing/wait';
import { startHubDatabase } from './hub-database';

/**
 * `npm start`: the whole hub on one machine. Without DATABASE_URL it runs an embedded
 * PostgreSQL under `.data/` on its own port; then it starts each subgraph (which migrates its
 * database and seeds the demo territory once) and the gateway, each in its own process.
 * Ctrl-C stops every child and the database, leaving no orphan process and no postmaster.pid.
 */
const config = parseConfig(
  z.object({
    DATABASE_URL: optionalString,
    PASSERELLE_DATA_DIR: z.string().default(path.join(ROOT, '.data')),
    PASSERELLE_PG_PORT: port(54329),
    GATEWAY_PORT: port(GATEWAY_PORT),
  }),
);

/** Each subgraph on `<NAME>_PORT` when set, else its default port. */
const SUBGRAPHS = subgraphLayouts().map((layout) => ({
  ...layout,
  port: parseConfig(z.object({ [`${layout.envPrefix}_PORT`]: port(layout.port) }))[
    `${layout.envPrefix}_PORT`
  ] as number,
}));

const children: ChildProcess[] = [];
let stopDatabase: (() => Promise<unknown>) | undefined;
let stopping = false;

function startChild(name: string, entry: string, env: Record<string, string>): ChildProcess {
  const child = spawnService({ entry: path.join(ROOT, entry), cwd: ROOT, env, output: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the hub.`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

async function stop(exitCode: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map((child) => terminate(child)));
  await stopDatabase?.();
  process.exit(exitCode);
}

async function main() {
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  const database = await startHubDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.PASSERELLE_DATA_DIR,
    port: config.PASSERELLE_PG_PORT,
  });
  stopDatabase = database.stop;
  const serverUrl = database.serverUrl;
  const subgraphEnv: Record<string, string> = { DATABASE_URL: serverUrl, SEED_DEMO: 'true' };
  for (const subgraph of SUBGRAPHS) subgraphEnv[`${subgraph.envPrefix}_PORT`] = String(subgraph.port);
  for (const subgraph of SUBGRAPHS) startChild(subgraph.name, subgraph.entry, subgraphEnv);
  for (const subgraph of SUBGRAPHS) await waitForHttp(`http://127.0.0.1:${subgraph.port}/ready`, 120_000);

  const gatewayEnv: Record<string, string> = { GATEWAY_PORT: String(config.GATEWAY_PORT) };
  for (const subgraph of SUBGRAPHS) {
    gatewayEnv[`${subgraph.name.toUpperCase()}_URL`] = `http://127.0.0.1:${subgraph.port}/graphql`;
  }
  startChild('gateway', 'gateway/dist/main.js', gatewayEnv);
  await waitForHttp(`http://127.0.0.1:${config.GATEWAY_PORT}/ready`, 60_000);

  console.log(`
Passerelle is running: http://localhost:${config.GATEWAY_PORT}/graphql (open it in a browser for Apollo Sandbox)

  Demo partners:   npm run -s token -- --list
  A token:         TOKEN=$(npm run -s token -- --partner mel)
  A query:         curl -s http://localhost:${config.GATEWAY_PORT}/graphql -H 'content-type: application/json' \\
                     -H "authorization: Bearer $TOKEN" -d '{"query":"{ demands(first: 3) { edges { node { nur status } } } }"}'

Ctrl-C stops everything.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void stop(1);
});
