import { Client } from 'pg';

/** Tables that record the schema's history, not data: never compared. */
const SCHEMA_BOOKKEEPING = ['migrations', 'schema_migrations'];

/** `database.table` → `rows:md5` of every base table in schema `public`. */
export type TableChecksums = Record<string, string>;

/**
 * Row count and a checksum of the content of every table of the given databases: the md5 of
 * all rows as text, in a fixed order. Two snapshots are equal exactly when no row was added,
 * removed or changed (up to an md5 collision), whatever the tables are.
 */
export async function tableChecksums(databases: { name: string; url: string }[]): Promise<TableChecksums> {
  const result: TableChecksums = {};
  for (const database of databases) {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1))
          ORDER BY table_name`,
        [SCHEMA_BOOKKEEPING],
      );
      for (const { table_name: table } of tables) {
        const { rows } = await client.query<{ rows: number; checksum: string | null }>(
          `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS checksum
             FROM public.${client.escapeIdentifier(table)} t`,
        );
        result[`${database.name}.${table}`] = `${rows[0]!.rows}:${rows[0]!.checksum ?? 'empty'}`;
      }
    } finally {
      await client.end();
    }
  }
  return result;
}
