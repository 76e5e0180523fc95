import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { copyEntities } from './copy';

/** Entity rows to load, parents before children (foreign keys). */
export type SeedTables = [entity: new () => ObjectLiteral, rows: readonly ObjectLiteral[]][];

/**
 * Seeds a subgraph's slice of the demo territory once, in one transaction: one seeder at a time
 * (an advisory lock, in case two processes start on the same database), nothing when `isSeeded`
 * says the data is there (a restart keeps what partners changed). Rows load with COPY.
 * Returns the number of rows per table, or null when skipped.
 */
export async function seedOnce(
  db: DataSource,
  options: {
    /** Advisory lock key, one per subgraph. */
    lock: number;
    isSeeded: (tx: EntityManager) => Promise<boolean>;
    /** The rows, built inside the transaction (they may depend on reference data already there). */
    tables: (tx: EntityManager) => SeedTables | Promise<SeedTables>;
    /** Extra statements after the rows (reference data…). */
    after?: (tx: EntityManager) => Promise<void>;
  },
): Promise<Record<string, number> | null> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [options.lock]);
    if (await options.isSeeded(tx)) return null;
    await skipRowChecksWhenAllowed(tx);
    const counts: Record<string, number> = {};
    for (const [entity, rows] of await options.tables(tx)) {
      await copyEntities(tx, entity, rows);
      counts[tx.connection.getMetadata(entity).tableName] = rows.length;
    }
    await options.after?.(tx);
    return counts;
  });
}

/**
 * The generated rows are consistent by construction (the demo generator's tests say so), so a
 * superuser's seed skips the per-row foreign-key checks, which cost more than the COPY itself at
 * a million demands (one index probe and row lock per event). CHECK constraints, NOT NULL and
 * unique indexes still apply. Without superuser rights the checks simply run.
 */
async function skipRowChecksWhenAllowed(tx: EntityManager): Promise<void> {
  const [role] = (await tx.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)) as {
    rolsuper: boolean;
  }[];
  if (role?.rolsuper) await tx.query(`SET LOCAL session_replication_role = replica`);
}
