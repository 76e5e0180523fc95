import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabase, startEmbeddedCluster, withDatabase } from '@passerelle/shared/database';
import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { freePort, templateDatabaseName } from '@passerelle/shared/testing';
import { REPOSITORY_ROOT, subgraphLayouts } from '@passerelle/shared/topology';
import { DataSource, type MigrationInterface } from 'typeorm';
import { startStack } from '../support/stack';
import { harnessState } from './state';

/** Demands in the end-to-end demo territory: enough for several pages, quick to seed. */
export const E2E_SEED_DEMANDS = 800;

/**
 * Once per `npm test`: one PostgreSQL cluster (TEST_DATABASE_URL, else embedded on a free port);
 * one migrated template database per subgraph found under subgraphs/ (integration tests clone
 * it); and the end-to-end processes — every registered subgraph on a seeded clone, then the
 * gateway — each in its own process on a free port.
 */
export default async function globalSetup() {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-test-pg-'));
    harnessState.cluster = await startEmbeddedCluster({
      dataDir,
      port: await freePort(),
      persistent: false,
      // Lets end-to-end tests count the SQL statements each subgraph runs (no N+1).
      settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' },
    });
    serverUrl = harnessState.cluster.url;
  }
  harnessState.serverUrl = serverUrl;
  Object.assign(process.env, { PASSERELLE_TEST_SERVER_URL: serverUrl, PASSERELLE_TEST_RUN_ID: runId });

  const subgraphsDir = path.join(REPOSITORY_ROOT, 'subgraphs');
  // Registered subgraphs always get a template (the end-to-end stack needs them); other folders
  // under subgraphs/ too, unless PASSERELLE_TEST_SUBGRAPHS=a,b limits them (work on one at a time).
  const registered = subgraphLayouts().map((layout) => layout.name);
  const only = process.env.PASSERELLE_TEST_SUBGRAPHS?.split(',').map((name) => name.trim());
  const withMigrations = readdirSync(subgraphsDir).filter(
    (name) =>
      existsSync(path.join(subgraphsDir, name, 'dist/src/migrations/index.js')) &&
      (registered.includes(name) || !only || only.includes(name)),
  );
  await Promise.all(
    withMigrations.map(async (name) => {
      const template = templateDatabaseName(runId, name);
      harnessState.databases.push(template);
      // Discovered at run time by path, so a subgraph needs no registration to get its template.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { migrations } = require(path.join(subgraphsDir, name, 'dist/src/migrations')) as {
        migrations: (new () => MigrationInterface)[];
      };
      await createMigrated(serverUrl, template, migrations);
    }),
  );

  const stack = await startStack({ label: 'e2e', referenceDate: TEST_REFERENCE_DATE, demands: E2E_SEED_DEMANDS });
  harnessState.services.push(...stack.subgraphs.map((subgraph) => subgraph.service), stack.gateway);
  for (const subgraph of stack.subgraphs) {
    const prefix = subgraph.name.toUpperCase();
    process.env[`PASSERELLE_TEST_${prefix}_URL`] = subgraph.service.url;
    process.env[`PASSERELLE_TEST_E2E_${prefix}_DATABASE_URL`] = withDatabase(serverUrl, subgraph.database);
    harnessState.databases.push(subgraph.database);
  }
  process.env.PASSERELLE_TEST_GATEWAY_URL = stack.gateway.url;
}

async function createMigrated(serverUrl: string, database: string, migrations: (new () => MigrationInterface)[]) {
  await ensureDatabase(serverUrl, database);
  const db = new DataSource({
    type: 'postgres',
    url: withDatabase(serverUrl, database),
    migrations,
    migrationsTableName: 'schema_migrations',
  });
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
  } finally {
    await db.destroy();
  }
}
