import type { Logger as TypeOrmLogger, DataSource } from 'typeorm';
import { StatementCounter } from '../database';
import { TEST_REFERENCE_DATE } from '../demo';
import { createTestDatabase } from './databases';
import { serveSubgraph, type SubgraphClient } from './subgraph-client';

export interface SeededSubgraph {
  /** The subgraph's database, for SQL oracles. */
  db: DataSource;
  /** Counts every SQL statement `db` runs (N+1 proofs). */
  statements: StatementCounter;
  /** The subgraph served over HTTP, called as the gateway would call it. */
  client: SubgraphClient;
  close(): Promise<void>;
}

/**
 * The usual subject of a subgraph's integration tests: a fresh clone of its migrated template,
 * seeded with the demo territory at the test reference date, served over real HTTP.
 */
export async function openSeededSubgraph(options: {
  name: string;
  createDataSource: (url: string, logger?: TypeOrmLogger) => DataSource;
  seed: (db: DataSource, options: { referenceDate: string; demands: number }) => Promise<unknown>;
  buildApp: Parameters<typeof serveSubgraph>[0]['buildApp'];
  demands: number;
}): Promise<SeededSubgraph> {
  const database = await createTestDatabase(options.name);
  const statements = new StatementCounter();
  const db = options.createDataSource(database.url, statements);
  await db.initialize();
  await options.seed(db, { referenceDate: TEST_REFERENCE_DATE, demands: options.demands });
  const client = await serveSubgraph({ name: options.name, db, buildApp: options.buildApp });
  return {
    db,
    statements,
    client,
    async close() {
      await client.close();
      await db.destroy();
      await database.drop();
    },
  };
}
