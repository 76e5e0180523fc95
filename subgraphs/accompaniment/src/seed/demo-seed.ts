import type { CalendarDate } from '@passerelle/shared/dates';
import { generateDemoTerritory } from '@passerelle/shared/demo';
import type { DataSource, EntityManager } from 'typeorm';
import { MeasureEntity } from '../measure/measure.entity';
import { OperatorEntity } from '../operator/operator.entity';
import { SchemeEntity } from '../scheme/scheme.entity';
import { generateDemoMeasures } from './demo-measures';
import { demoOperators } from './demo-operators';

/** Rows per INSERT: well under PostgreSQL's 65 535 bind parameters. */
const BATCH = 1000;

/**
 * Seeds this subgraph's slice of the demo territory once: the operators and the measures (the
 * scheme catalogue is reference data, loaded by a migration). Does nothing when operators
 * already exist, so that a restart keeps what partners changed. Returns what was inserted, or
 * null when skipped.
 */
export async function seedDemoAccompaniment(db: DataSource, options: { referenceDate: CalendarDate; demands: number }) {
  return db.transaction(async (tx) => {
    // One seeder at a time, even if two processes start on the same database.
    await tx.query('SELECT pg_advisory_xact_lock(59003)');
    if (await tx.getRepository(OperatorEntity).exists()) return null;
    const territory = generateDemoTerritory(options.referenceDate, options.demands);
    const schemes = await tx.getRepository(SchemeEntity).find({ order: { code: 'ASC' } });
    const operators = demoOperators();
    const measures = generateDemoMeasures(territory, schemes, operators);
    await insertInBatches(tx, OperatorEntity, operators);
    await insertInBatches(tx, MeasureEntity, measures);
    return { operators: operators.length, measures: measures.length, referenceDate: options.referenceDate };
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
