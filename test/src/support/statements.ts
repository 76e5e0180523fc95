import { Client } from 'pg';

/**
 * Counts the SQL statements PostgreSQL executed in given databases (pg_stat_statements, which the
 * test cluster preloads), those that read: the log of nominative reads is written just after the
 * responses, batched, so its inserts are not the request's to count (`npm run bench` measures
 * them). Only meaningful on databases nothing else is using at the same time.
 */
export class StatementCounts {
  private constructor(private readonly admin: Client) {}

  static async open(serverUrl: string): Promise<StatementCounts> {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await admin.query('SELECT count(*) FROM pg_stat_statements');
    } catch (error) {
      await admin.end();
      throw new Error(
        `Counting statements needs pg_stat_statements preloaded (shared_preload_libraries) on the test server: ${String(error)}`,
      );
    }
    return new StatementCounts(admin);
  }

  /** Statements executed per database while `work` ran. */
  async during(databases: string[], work: () => Promise<unknown>): Promise<Record<string, number>> {
    const before = await this.totals(databases);
    await work();
    const after = await this.totals(databases);
    return Object.fromEntries(
      databases.map((database) => [database, (after[database] ?? 0) - (before[database] ?? 0)]),
    );
  }

  close() {
    return this.admin.end();
  }

  private async totals(databases: string[]): Promise<Record<string, number>> {
    const { rows } = await this.admin.query<{ datname: string; calls: string }>(
      `SELECT d.datname, coalesce(sum(s.calls), 0) AS calls
         FROM pg_database d
         LEFT JOIN pg_stat_statements s ON s.dbid = d.oid AND s.query NOT LIKE 'INSERT INTO nominative_read%'
        WHERE d.datname = ANY($1) GROUP BY d.datname`,
      [databases],
    );
    return Object.fromEntries(rows.map((row) => [row.datname, Number(row.calls)]));
  }
}
