import type { Logger } from '@passerelle/shared/logging';
import { createSubgraphApp } from '@passerelle/shared/subgraph';
import type { KeyLike } from 'jose';
import type { DataSource } from 'typeorm';
import { createContextFactory } from './context';
import type { Clock } from '@passerelle/shared/dates';
import { buildAccompanimentSchema } from './schema';

export const SUBGRAPH_NAME = 'accompaniment';

/** Builds the accompaniment subgraph's HTTP app without listening (tests use it directly). */
export async function buildAccompanimentServer(options: {
  db: DataSource;
  gatewayKey: KeyLike;
  exposeInternals: boolean;
  logger: Logger;
  /** The subgraph's clock (tests fix it on the seed's reference date). */
  now?: Clock;
}) {
  return createSubgraphApp({
    name: SUBGRAPH_NAME,
    schema: await buildAccompanimentSchema(),
    gatewayKey: options.gatewayKey,
    db: options.db,
    context: createContextFactory(options.db, options.now ?? (() => new Date())),
    ready: async () => {
      await options.db.query('SELECT 1');
      return true;
    },
    exposeInternals: options.exposeInternals,
    logger: options.logger,
  });
}
