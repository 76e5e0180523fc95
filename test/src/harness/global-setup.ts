import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabase, startEmbeddedCluster, withDatabase } from '@passerelle/shared/database';
import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { freePort, templateDatabaseName } from '@passerelle/shared/testing';
import { REPOSITORY_ROOT, subgraphLayouts } from '@passerelle/shared/topology';
import { DataSource, type MigrationInterface } from 'typeorm';
import { startService } from './services';
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
    harnessState.cluster = await startEmbeddedCluster({ dataDir, port: await freePort(), persistent: false });
    serverUrl = harnessState.cluster.url;
  }
  harnessState.serverUrl = serverUrl;
  Object.assign(process.env, { PASSERELLE_TEST_SERVER_URL: serverUrl, PASSERELLE_TEST_RUN_ID: runId });

  const subgraphsDir = path.join(REPOSITORY_ROOT, 'subgraphs');
  // PASSERELLE_TEST_SUBGRAPHS=offers,demands limits the templates (work on one subgraph at a time).
  const only = process.env.PASSERELLE_TEST_SUBGRAPHS?.split(',').map((name) => name.trim());
  const withMigrations = readdirSync(subgraphsDir).filter(
    (name) =>
      existsSync(path.join(subgraphsDir, name, 'dist/src/migrations/index.js')) && (!only || only.includes(name)),
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

  const running = await Promise.all(
    subgraphLayouts().map(async (layout) => {
      const database = `passerelle_test_${runId}_e2e_${layout.name}`;
      await ensureDatabase(serverUrl, database, templateDatabaseName(runId, layout.name));
      harnessState.databases.push(database);
      const service = await startService({
        name: layout.name,
        entry: layout.entry,
        portVariable: `${layout.envPrefix}_PORT`,
        env: {
          [`${layout.envPrefix}_DATABASE_URL`]: withDatabase(serverUrl, database),
          SEED_DEMO: 'true',
          SEED_REFERENCE_DATE: TEST_REFERENCE_DATE,
          SEED_DEMANDS: String(E2E_SEED_DEMANDS),
        },
      });
      harnessState.services.push(service);
      process.env[`PASSERELLE_TEST_${layout.envPrefix}_URL`] = service.url;
      process.env[`PASSERELLE_TEST_E2E_${layout.envPrefix}_DATABASE_URL`] = withDatabase(serverUrl, database);
      return { layout, service };
    }),
  );

  const gateway = await startService({
    name: 'gateway',
    entry: 'gateway/dist/main.js',
    portVariable: 'GATEWAY_PORT',
    env: Object.fromEntries(running.map(({ layout, service }) => [`${layout.envPrefix}_URL`, service.url])),
  });
  harnessState.services.push(gateway);
  process.env.PASSERELLE_TEST_GATEWAY_URL = gateway.url;
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
