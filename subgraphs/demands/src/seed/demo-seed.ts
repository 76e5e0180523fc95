import type { CalendarDate } from '@passerelle/shared/dates';
import type { DataSource, EntityManager } from 'typeorm';
import { DemandEventEntity } from '../demand-event/demand-event.entity';
import { DemandEntity } from '../demand/demand.entity';
import { generateDemoRegister } from './demo-register';

/**
 * The demo DAL for the Nord. A demo value: the real one comes from the préfet du Nord's arrêté
 * and must be loaded from it before any real use.
 */
const DEMO_DAL_SOURCE = "Demo value (24 months) — replace with the préfet du Nord's arrêté";

/** Rows per INSERT: well under PostgreSQL's 65 535 bind parameters. */
const BATCH = 1000;

/**
 * Seeds the demo register once: does nothing when the register already has demands, so that a
 * restart keeps what partners changed. Returns what was inserted, or null when skipped.
 */
export async function seedDemoRegister(db: DataSource, options: { referenceDate: CalendarDate; demands: number }) {
  return db.transaction(async (tx) => {
    // One seeder at a time, even if two processes start on the same database.
    await tx.query('SELECT pg_advisory_xact_lock(59350)');
    if (await tx.getRepository(DemandEntity).exists()) return null;
    const { demands, events } = generateDemoRegister(options.referenceDate, options.demands);
    await insertInBatches(tx, DemandEntity, demands);
    await insertInBatches(tx, DemandEventEntity, events);
    await tx.query(
      `INSERT INTO dal_threshold (departement, typology, months, valid_from, source)
       VALUES ('59', NULL, 24, '2020-01-01', $1) ON CONFLICT DO NOTHING`,
      [DEMO_DAL_SOURCE],
    );
    return { demands: demands.length, events: events.length, referenceDate: options.referenceDate };
  });
}

async function insertInBatches<T extends object>(tx: EntityManager, entity: new () => T, rows: T[]) {
  for (let start = 0; start < rows.length; start += BATCH) {
    await tx
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + BATCH) as never)
      .execute();
  }
}
