import { Client } from 'pg';

/** Tables that record the schema's history, not data: never compared. */
const SCHEMA_BOOKKEEPING = ['migrations', 'schema_migrations'];

/** `table` (or `database.table`) → `rows:md5` of every base table in schema `public`. */
export type TableChecksums = Record<string, string>;

/** Runs one SQL statement and gives its rows (a DataSource's `query`, or a pg client's). */
export type RunQuery = (sql: string, parameters?: unknown[]) => Promise<Record<string, any>[]>;

/**
 * Row count and a checksum of the content of every table a query runs on: the md5 of all rows as
 * text, in a fixed order. Two snapshots are equal exactly when no row was added, removed or
 * changed (up to an md5 collision), whatever the tables are — what a refused request must leave.
 */
export async function tableChecksumsOf(query: RunQuery, prefix = ''): Promise<TableChecksums> {
  const tables = await query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1))
      ORDER BY table_name`,
    [SCHEMA_BOOKKEEPING],
  );
  const result: TableChecksums = {};
  for (const { table_name: table } of tables as { table_name: string }[]) {
    const [row] = await query(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS checksum
         FROM public."${table.replace(/"/g, '""')}" t`,
    );
    result[`${prefix}${table}`] = `${row!.rows}:${row!.checksum ?? 'empty'}`;
  }
  return result;
}

/** The checksums of every table of several databases, keyed `database.table`. */
export async function tableChecksums(databases: { name: string; url: string }[]): Promise<TableChecksums> {
  const result: TableChecksums = {};
  for (const database of databases) {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      Object.assign(
        result,
        await tableChecksumsOf(
          async (sql, parameters) => (await client.query(sql, parameters)).rows,
          `${database.name}.`,
        ),
      );
    } finally {
      await client.end();
    }
  }
  return result;
}
