import type { Logger } from '@passerelle/shared/logging';
import { createSubgraphApp } from '@passerelle/shared/subgraph';
import type { KeyLike } from 'jose';
import type { DataSource } from 'typeorm';
import { createContextFactory } from './context';
import { buildGovernanceSchema } from './schema';

export const SUBGRAPH_NAME = 'governance';

/** Builds the governance subgraph's HTTP app without listening (tests use it directly). */
export async function buildGovernanceServer(options: {
  db: DataSource;
  gatewayKey: KeyLike;
  exposeInternals: boolean;
  logger: Logger;
  /** The clock of recordings (tests fix it on the seed's reference date). */
  now?: () => Date;
}) {
  return createSubgraphApp({
    name: SUBGRAPH_NAME,
    schema: await buildGovernanceSchema(),
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
