import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * A typeorm logger that counts the SQL statements a DataSource runs. Tests use it to prove that
 * a page of N items costs the same number of statements whatever N (no N+1).
 */
export class StatementCounter implements TypeOrmLogger {
  count = 0;

  /** Runs `work` and returns how many statements it issued. */
  async measure(work: () => Promise<unknown>): Promise<number> {
    const before = this.count;
    await work();
    return this.count - before;
  }

  logQuery() {
    this.count += 1;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}
