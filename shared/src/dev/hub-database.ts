import path from 'node:path';
import { startEmbeddedCluster, type EmbeddedCluster } from '../database';
import { withTimeout } from '../process';

/**
 * A development server's settings, sized for `npm run seed` at a million demands: buffers that
 * hold the hot indexes, and no checkpoint storm while COPY loads millions of rows (the cluster
 * already runs without fsync: it is a throw-away development database, never production).
 */
const DEVELOPMENT_SETTINGS = {
  shared_buffers: '512MB',
  maintenance_work_mem: '256MB',
  max_wal_size: '8GB',
  full_page_writes: 'off',
  synchronous_commit: 'off',
};

/**
 * The database server of `npm start` and `npm run seed`: DATABASE_URL when given, else the
 * embedded PostgreSQL kept under `<dataDir>/postgres` on its own port (never 5432).
 */
export async function startHubDatabase(options: { databaseUrl?: string; dataDir: string; port: number }) {
  if (options.databaseUrl) return { serverUrl: options.databaseUrl, stop: async () => undefined };
  const dataDir = path.join(options.dataDir, 'postgres');
  console.log(`Starting embedded PostgreSQL on port ${options.port} (data in ${dataDir})…`);
  const cluster: EmbeddedCluster = await startEmbeddedCluster({
    dataDir,
    port: options.port,
    persistent: true,
    settings: DEVELOPMENT_SETTINGS,
  });
  return {
    serverUrl: cluster.url,
    stop: () =>
      withTimeout(cluster.stop(), 15_000, 'stopping PostgreSQL').catch((error: unknown) =>
        console.error(String(error)),
      ),
  };
}
