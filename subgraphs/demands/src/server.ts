import type { Logger } from '@passerelle/shared/logging';
import { createSubgraphApp } from '@passerelle/shared/subgraph';
import type { KeyLike } from 'jose';
import type { DataSource } from 'typeorm';
import { DEV_NIR_KEY, DEV_PSEUDONYM_KEY, type DemandsSettings } from './config';
import { createContextFactory } from './context';
import type { Clock } from '@passerelle/shared/dates';
import { buildDemandsSchema } from './schema';

export const SUBGRAPH_NAME = 'demands';

/** Builds the demands subgraph's HTTP app without listening (tests use it directly). */
export async function buildDemandsServer(options: {
  db: DataSource;
  gatewayKey: KeyLike;
  exposeInternals: boolean;
  logger: Logger;
  /** The subgraph's own settings (defaults: development NIR key, one-year retention). */
  settings?: DemandsSettings;
  /** The register's clock (tests fix it on the seed's reference date). */
  now?: Clock;
}) {
  return createSubgraphApp({
    name: SUBGRAPH_NAME,
    schema: await buildDemandsSchema(),
    gatewayKey: options.gatewayKey,
    db: options.db,
    context: createContextFactory(
      options.db,
      options.settings ?? { nirKey: DEV_NIR_KEY, pseudonymKey: DEV_PSEUDONYM_KEY, retentionMonths: 12 },
      options.now ?? (() => new Date()),
    ),
    ready: async () => {
      await options.db.query('SELECT 1');
      return true;
    },
    exposeInternals: options.exposeInternals,
    logger: options.logger,
  });
}
