import { parseArgs } from 'node:util';
import { openSubgraphDatabase, resolveSubgraphDatabase } from '@passerelle/shared/database';
import { isCalendarDate, parisToday } from '@passerelle/shared/dates';
import { loadConfig } from '../config';
import { createOffersDataSource } from '../data-source';
import { VacancyLifecycleService } from '../vacancy/vacancy-lifecycle.service';

/**
 * `npm run -s offers:lifecycle -- [--as-of YYYY-MM-DD]`: records as refused (motive NO_ANSWER)
 * every offer whose 10 days to answer ran out before the day (CCH R441-10: silence is a refusal),
 * and prints what it did as one JSON line. Idempotent: run it daily from a scheduler. Reads the
 * same database settings as the subgraph (OFFERS_DATABASE_URL or DATABASE_URL).
 */
async function main() {
  const { values } = parseArgs({ options: { 'as-of': { type: 'string' } } });
  const asOf = values['as-of'] ?? parisToday();
  if (!isCalendarDate(asOf)) throw new Error('--as-of must be a date, YYYY-MM-DD.');
  const config = loadConfig();
  const db = await openSubgraphDatabase(
    resolveSubgraphDatabase({ subgraph: 'offers', ownDatabaseUrl: config.ownDatabaseUrl, serverUrl: config.serverUrl }),
    createOffersDataSource,
  );
  try {
    const refused = await new VacancyLifecycleService(db, () => new Date()).expireUnansweredOffers(asOf);
    console.log(JSON.stringify({ asOf, offersRefusedForNoAnswer: refused }));
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
