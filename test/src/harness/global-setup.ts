import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demandsMigrations } from '@passerelle/demands/dist/src/migrations';
import { ensureDatabase, startEmbeddedCluster, withDatabase } from '@passerelle/shared/database';
import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { freePort, templateDatabaseName } from '@passerelle/shared/testing';
import { DataSource } from 'typeorm';
import { startService } from './services';
import { harnessState } from './state';

/** Demands seeded for the end-to-end tests: enough for several pages, quick to seed. */
export const E2E_SEED_DEMANDS = 800;

/**
 * Once per `npm test`: one PostgreSQL cluster (TEST_DATABASE_URL, else embedded on a free port),
 * one migrated template database per subgraph, and the end-to-end processes (each subgraph on
 * a seeded clone, and the gateway), each in its own process on a free port.
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

  const template = templateDatabaseName(runId, 'demands');
  await createMigrated(serverUrl, template, demandsMigrations);

  const e2eDemands = `passerelle_test_${runId}_e2e_demands`;
  await ensureDatabase(serverUrl, e2eDemands, template);
  harnessState.databases.push(template, e2eDemands);
  const demands = await startService({
    name: 'demands',
    entry: 'subgraphs/demands/dist/src/main.js',
    portVariable: 'DEMANDS_PORT',
    env: {
      DEMANDS_DATABASE_URL: withDatabase(serverUrl, e2eDemands),
      SEED_DEMO: 'true',
      SEED_REFERENCE_DATE: TEST_REFERENCE_DATE,
      SEED_DEMANDS: String(E2E_SEED_DEMANDS),
    },
  });
  harnessState.services.push(demands);
  const gateway = await startService({
    name: 'gateway',
    entry: 'gateway/dist/main.js',
    portVariable: 'GATEWAY_PORT',
    env: { DEMANDS_URL: demands.url },
  });
  harnessState.services.push(gateway);
  Object.assign(process.env, {
    PASSERELLE_TEST_GATEWAY_URL: gateway.url,
    PASSERELLE_TEST_DEMANDS_URL: demands.url,
    PASSERELLE_TEST_E2E_DEMANDS_DATABASE_URL: withDatabase(serverUrl, e2eDemands),
  });
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
async function createMigrated(serverUrl: string, database: string, migrations: Function[]) {
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
