import { DataSource, type EntitySchema, type Logger as TypeOrmLogger, type MixedList } from 'typeorm';
import { ensureDatabase, type SubgraphDatabase } from './database-url';

export interface SubgraphDataSourceOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** Receives every SQL statement (the tests count them to prove there is no N+1). */
  logger?: TypeOrmLogger;
  poolSize?: number;
}

/** A PostgreSQL DataSource: schema changes through migrations only, never `synchronize`. */
export function createSubgraphDataSource(options: SubgraphDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logger: options.logger,
    extra: { max: options.poolSize ?? 10 },
  });
}

/** Creates the database when allowed, connects, and applies pending migrations (one transaction each). */
export async function openSubgraphDatabase(
  database: SubgraphDatabase,
  build: (url: string) => DataSource,
): Promise<DataSource> {
  if (database.createFrom) await ensureDatabase(database.createFrom.maintenanceUrl, database.createFrom.database);
  const dataSource = build(database.url);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
