import { parseArgs } from 'node:util';
import { openSubgraphDatabase, resolveSubgraphDatabase } from '@passerelle/shared/database';
import { isCalendarDate, parisToday } from '@passerelle/shared/dates';
import { loadConfig } from '../config';
import { createDemandsDataSource } from '../data-source';
import { applyScheduledTransitions } from '../lifecycle/scheduled-transitions';

/**
 * `npm run -s demands:lifecycle -- [--as-of YYYY-MM-DD]`: applies the register's time-based
 * transitions as of a day (default today in Paris) — renewal notices, radiations for non-renewal
 * and no answer, the retention purge — and prints what it did as one JSON line. Idempotent: run
 * it daily from a scheduler (cron, a Kubernetes CronJob); a second run the same day changes nothing.
 * Reads the same database settings as the subgraph (DEMANDS_DATABASE_URL or DATABASE_URL).
 */
async function main() {
  const { values } = parseArgs({ options: { 'as-of': { type: 'string' } } });
  const asOf = values['as-of'] ?? parisToday();
  if (!isCalendarDate(asOf)) throw new Error('--as-of must be a date, YYYY-MM-DD.');
  const config = loadConfig();
  const db = await openSubgraphDatabase(
    resolveSubgraphDatabase({
      subgraph: 'demands',
      ownDatabaseUrl: config.ownDatabaseUrl,
      serverUrl: config.serverUrl,
    }),
    createDemandsDataSource,
  );
  try {
    const report = await applyScheduledTransitions(db, {
      asOf,
      now: new Date(),
      retentionMonths: config.settings.retentionMonths,
    });
    console.log(JSON.stringify(report));
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
