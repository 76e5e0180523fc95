import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, withDatabase } from '../database';

/**
 * Test databases. The harness (jest globalSetup) starts one PostgreSQL cluster per run — or uses
 * TEST_DATABASE_URL — and migrates one template database per subgraph; each test file clones
 * its template (`CREATE DATABASE … TEMPLATE`, a file copy, far faster than migrating again).
 */
export interface TestHarnessEnvironment {
  /** URL of the maintenance database of the test server. */
  serverUrl: string;
  /** Unique per run, so concurrent runs (and `npm start`) never share a database. */
  runId: string;
}

export function harnessEnvironment(env: Record<string, string | undefined> = process.env): TestHarnessEnvironment {
  const serverUrl = env.PASSERELLE_TEST_SERVER_URL;
  const runId = env.PASSERELLE_TEST_RUN_ID;
  if (!serverUrl || !runId) throw new Error('The test harness is not set up: run the tests with `npm test`.');
  return { serverUrl, runId };
}

export const templateDatabaseName = (runId: string, subgraph: string) => `passerelle_test_${runId}_tpl_${subgraph}`;

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database of `subgraph`, cloned from the run's template. */
export async function createTestDatabase(subgraph: string): Promise<TestDatabase> {
  const { serverUrl, runId } = harnessEnvironment();
  const name = `passerelle_test_${runId}_${subgraph}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(serverUrl, name, templateDatabaseName(runId, subgraph));
  return { name, url: withDatabase(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}
