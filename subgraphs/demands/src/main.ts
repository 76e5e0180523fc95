import { openSubgraphDatabase, resolveSubgraphDatabase } from '@passerelle/shared/database';
import { parisToday } from '@passerelle/shared/dates';
import { closeServer, listen } from '@passerelle/shared/http';
import { gatewayPublicKey } from '@passerelle/shared/identity';
import { createLogger } from '@passerelle/shared/logging';
import { handleShutdown } from '@passerelle/shared/service';
import { loadConfig } from './config';
import { createDemandsDataSource } from './data-source';
import { seedDemoRegister } from './seed/demo-seed';
import { SUBGRAPH_NAME, buildDemandsServer } from './server';

/** Entry point: config → database (migrations, optional demo seed) → listen → graceful shutdown. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(SUBGRAPH_NAME, config.LOG_LEVEL);
  const production = config.NODE_ENV === 'production';
  const database = resolveSubgraphDatabase({
    subgraph: SUBGRAPH_NAME,
    ownDatabaseUrl: config.DEMANDS_DATABASE_URL,
    serverUrl: config.DATABASE_URL,
  });
  const db = await openSubgraphDatabase(database, (url) => createDemandsDataSource(url));
  if (config.SEED_DEMO) {
    const seeded = await seedDemoRegister(db, {
      referenceDate: config.SEED_REFERENCE_DATE ?? parisToday(),
      demands: config.SEED_DEMANDS,
    });
    if (seeded) logger.info(seeded, 'demo register seeded');
  }
  const { app, apollo } = await buildDemandsServer({
    db,
    gatewayKey: await gatewayPublicKey(config.GATEWAY_PUBLIC_KEY, production),
    exposeInternals: config.NODE_ENV === 'development',
    logger,
  });
  const { server, port } = await listen(app, config.DEMANDS_PORT, config.HOST);
  logger.info({ port }, 'demands subgraph listening');
  handleShutdown(
    logger,
    async () => {
      await closeServer(server);
      await apollo.stop();
      await db.destroy();
    },
    config.PASSERELLE_PARENT_PID,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
