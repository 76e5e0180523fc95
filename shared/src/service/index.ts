import type { Logger } from '../logging';

/**
 * Runs `stop` once on SIGINT or SIGTERM, then exits. When started by a supervisor (`npm start`,
 * the test harness) that passes PASSERELLE_PARENT_PID, also stops if that parent disappears, so
 * a crashed supervisor never leaves an orphan service holding a port.
 */
export function handleShutdown(logger: Logger, stop: () => Promise<void>, parentPid?: number) {
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    try {
      await stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  if (parentPid) {
    const watchdog = setInterval(() => {
      try {
        process.kill(parentPid, 0);
      } catch {
        void shutdown('parent process gone');
      }
    }, 1_000);
    watchdog.unref();
  }
}
