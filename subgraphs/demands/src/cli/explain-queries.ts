import type { Logger as TypeOrmLogger } from 'typeorm';
import { loadConfig } from '../config';
import { createDemandsDataSource } from '../data-source';
import { ALERT_KINDS, DemandAlertKind } from '../alert/alert.enums';
import { AlertRepository } from '../alert/alert.repository';
import { DemandEventRepository } from '../demand-event/demand-event.repository';
import type { DemandFilter } from '../demand/demand.inputs';
import { DemandRepository } from '../demand/demand.repository';
import { parisToday } from '@passerelle/shared/dates';
import { PriorityLabel, TransferDifficulty } from '../demand/demand.enums';
import { Typology } from '@passerelle/shared/housing';

/**
 * `DEMANDS_DATABASE_URL=… node dist/src/cli/explain-queries.js`: runs the register's list and
 * alert queries through the repositories, as the resolvers do, and prints EXPLAIN (ANALYZE,
 * BUFFERS) of each statement — to check on a large seed (`npm run seed -- --scale 333`) that
 * every page stays index-backed. Reads only.
 */
const statements: [string, unknown[]][] = [];
const capture: TypeOrmLogger = {
  logQuery: (query, parameters) => void statements.push([query, (parameters ?? []) as unknown[]]),
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

async function main() {
  const config = loadConfig();
  if (!config.ownDatabaseUrl) throw new Error('Set DEMANDS_DATABASE_URL to the database to explain.');
  const db = createDemandsDataSource(config.ownDatabaseUrl, capture);
  await db.initialize();
  const demands = new DemandRepository(db);
  const alerts = new AlertRepository(db);
  const events = new DemandEventRepository(db);
  const mel = { territories: ['200093201'] };
  const roubaix = { territories: ['59512'] };
  const asOf = parisToday();
  const cases: [string, () => Promise<unknown>][] = [];
  const roubaixT3: DemandFilter = { wishedCommune: '59512', wishedTypology: Typology.T3 };
  const first = await demands.page({ filter: roubaixT3, access: roubaix, limit: 21 });
  const last = first[20]!;
  const ids = first.slice(0, 20).map((row) => row.id);
  const alertQuery = { kinds: ALERT_KINDS, access: mel, territoryMatches: null, asOf };
  const firstAlerts = await alerts.page(alertQuery, undefined, 21);
  const lastAlert = firstAlerts[20]!;
  cases.push(
    ['demands page 1, MEL', () => demands.page({ filter: {}, access: mel, limit: 21 })],
    ['demands page 1, Roubaix desk, 59512 + T3', () => demands.page({ filter: roubaixT3, access: roubaix, limit: 21 })],
    [
      'demands page 2 (keyset), Roubaix desk, 59512 + T3',
      () => demands.page({ filter: roubaixT3, access: roubaix, after: [last.filingDate, last.id], limit: 21 }),
    ],
    [
      'demands, DALO, MEL',
      () => demands.page({ filter: { priorityLabel: PriorityLabel.DALO }, access: mel, limit: 21 }),
    ],
    [
      'demands, suspected duplicates, MEL',
      () => demands.page({ filter: { suspectedDuplicate: true }, access: mel, limit: 21 }),
    ],
    [
      'demands, transfer difficulty, MEL',
      () =>
        demands.page({ filter: { transferDifficulty: TransferDifficulty.DOMESTIC_VIOLENCE }, access: mel, limit: 21 }),
    ],
    ['demands totalCount, Roubaix desk, 59512 + T3', () => demands.count(roubaixT3, roubaix)],
    ['20 demands by id (a loader batch)', () => demands.findVisible(ids, mel)],
    ['timelines of 20 demands (a loader batch)', () => events.firstOf(ids, 100, 'oldest')],
    ['alerts page 1, all kinds, MEL', () => alerts.page(alertQuery, undefined, 21)],
    [
      'alerts page 2 (cursor), all kinds, MEL',
      () => alerts.page(alertQuery, [lastAlert.dueOn, lastAlert.kind, lastAlert.demandId], 21),
    ],
    [
      'alerts, renewal due, Roubaix desk, a QPV',
      () =>
        alerts.page(
          {
            ...alertQuery,
            kinds: [DemandAlertKind.RENEWAL_DUE],
            access: roubaix,
            territoryMatches: ['59299', '59367', '59512'],
          },
          undefined,
          21,
        ),
    ],
    [
      'alerts, the SIAO (assisted demands)',
      () => alerts.page({ ...alertQuery, access: { assistingPartner: 'siao-nord' } }, undefined, 21),
    ],
    ['alerts totalCount, all kinds, MEL', () => alerts.count(alertQuery)],
  );
  for (const [name, run] of cases) {
    statements.length = 0;
    const started = Date.now();
    await run();
    const captured = [...statements];
    console.log(`\n### ${name} — ${Date.now() - started} ms through the repository`);
    for (const [sql, parameters] of captured) {
      const plan: Record<string, string>[] = await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, parameters);
      console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
    }
  }
  await db.destroy();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
