import { Client } from 'pg';

/** The database a subgraph owns on a shared server: `passerelle_<subgraph>`. */
export const subgraphDatabaseName = (subgraph: string) => `passerelle_${subgraph}`;

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface SubgraphDatabase {
  /** Where the subgraph connects. */
  url: string;
  /** Set when the subgraph may create its database first (it was given a server, not a database). */
  createFrom?: { maintenanceUrl: string; database: string };
}

/**
 * Where a subgraph's data lives: its own `<SUBGRAPH>_DATABASE_URL` when deployed alone, else
 * `passerelle_<subgraph>` on the server named by `DATABASE_URL` (created if missing).
 */
export function resolveSubgraphDatabase(input: {
  subgraph: string;
  ownDatabaseUrl?: string;
  serverUrl?: string;
}): SubgraphDatabase {
  if (input.ownDatabaseUrl) return { url: input.ownDatabaseUrl };
  if (input.serverUrl) {
    const database = subgraphDatabaseName(input.subgraph);
    return { url: withDatabase(input.serverUrl, database), createFrom: { maintenanceUrl: input.serverUrl, database } };
  }
  const variable = `${input.subgraph.toUpperCase()}_DATABASE_URL`;
  throw new Error(
    `No database configured: set ${variable} (this subgraph's database) or DATABASE_URL (a server), or run the whole hub with \`npm start\`.`,
  );
}

/** Creates `database` unless it exists; safe when several processes race to create it. */
export async function ensureDatabase(maintenanceUrl: string, database: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return;
    const from = template ? ` TEMPLATE ${quoteIdentifier(template)}` : '';
    await client.query(`CREATE DATABASE ${quoteIdentifier(database)}${from}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error; // duplicate_database: another process won
  } finally {
    await client.end();
  }
}

/** Drops `database`, disconnecting its sessions first (throw-away test databases). */
export async function dropDatabase(maintenanceUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
