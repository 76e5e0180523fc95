import type { Express } from 'express';
import type { KeyLike } from 'jose';
import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '../config';
import { openSubgraphDatabase, resolveSubgraphDatabase } from '../database';
import { parisToday, type CalendarDate } from '../dates';
import { closeServer, listen } from '../http';
import { gatewayPublicKey } from '../identity';
import { createLogger, type Logger } from '../logging';
import { handleShutdown } from '../service';

export interface SubgraphDefinition {
  name: string;
  createDataSource: (url: string) => DataSource;
  buildApp: (options: {
    db: DataSource;
    gatewayKey: KeyLike;
    exposeInternals: boolean;
    logger: Logger;
  }) => Promise<{ app: Express; apollo: { stop(): Promise<void> } }>;
  /** Seeds the subgraph's slice of the demo territory if its database is empty; returns what it inserted, or null. */
  seed?: (db: DataSource, options: { referenceDate: CalendarDate; demands: number }) => Promise<object | null>;
}

/**
 * The life of a subgraph process, the same for all four: config → database (created if needed,
 * migrated) → optional demo seed → listen → graceful shutdown on SIGINT/SIGTERM.
 */
export function runSubgraph(definition: SubgraphDefinition, config: SubgraphConfig): void {
  const logger = createLogger(definition.name, config.logLevel);
  const start = async () => {
    const database = resolveSubgraphDatabase({
      subgraph: definition.name,
      ownDatabaseUrl: config.ownDatabaseUrl,
      serverUrl: config.serverUrl,
    });
    const db = await openSubgraphDatabase(database, definition.createDataSource);
    if (config.seed && definition.seed) {
      const referenceDate = config.seed.referenceDate ?? parisToday();
      const started = Date.now();
      const seeded = await definition.seed(db, { referenceDate, demands: config.seed.demands });
      if (seeded) {
        logger.info({ ...seeded, referenceDate, seconds: (Date.now() - started) / 1000 }, 'demo territory seeded');
      }
      if (config.seed.only) {
        await db.destroy();
        return;
      }
    }
    const { app, apollo } = await definition.buildApp({
      db,
      gatewayKey: await gatewayPublicKey(config.gatewayPublicKey, config.nodeEnv === 'production'),
      exposeInternals: config.nodeEnv === 'development',
      logger,
    });
    const { server, port } = await listen(app, config.port, config.host);
    logger.info({ port }, `${definition.name} subgraph listening`);
    handleShutdown(
      logger,
      async () => {
        await closeServer(server);
        await apollo.stop();
        await db.destroy();
      },
      config.parentPid,
    );
  };
  start().catch((error: unknown) => {
    logger.fatal({ err: error }, 'could not start');
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
