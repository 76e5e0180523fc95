import { z } from 'zod';

/**
 * Parses configuration once, at start-up, from an environment map.
 *
 * Services call this from their own `config.ts` only: `process.env` is read nowhere else, so
 * every setting a service understands is visible in one schema. A bad value stops the process
 * with a message naming the variable, instead of surfacing later as an odd runtime error.
 */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return result.data;
}

/** An empty variable means "not set" (docker-compose and shells often pass `VAR=`). */
export const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);

/** A TCP port given as an environment string. */
export const port = (fallback: number) => unsetIfEmpty(z.coerce.number().int().min(0).max(65535).default(fallback));

/** `NODE_ENV`: production hardens identity and error masking; development opens the Sandbox. */
export const nodeEnv = unsetIfEmpty(z.enum(['development', 'production', 'test']).default('development'));

/** Log level understood by the structured logger. */
export const logLevel = unsetIfEmpty(
  z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
);

/** An optional string where an empty value means "not set" (as docker-compose often passes). */
export const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

/**
 * The settings every subgraph reads, named after the subgraph: `<NAME>_PORT`,
 * `<NAME>_DATABASE_URL`, plus the shared DATABASE_URL, gateway key and demo-seed switches.
 * A subgraph's `config.ts` extends this schema with its own settings.
 */
export function subgraphConfigSchema(name: string, defaultPort: number) {
  const prefix = name.toUpperCase();
  return z
    .object({
      NODE_ENV: nodeEnv,
      LOG_LEVEL: logLevel,
      HOST: z.string().default('0.0.0.0'),
      [`${prefix}_PORT`]: port(defaultPort),
      /** A PostgreSQL server: the subgraph uses (and creates) `passerelle_<name>` there. */
      DATABASE_URL: optionalString,
      /** The subgraph's own database, when deployed alone; wins over DATABASE_URL. */
      [`${prefix}_DATABASE_URL`]: optionalString,
      /** PEM (SPKI) public key of the gateway; the development key is used when unset outside production. */
      GATEWAY_PUBLIC_KEY: optionalString,
      /** Seed the demo territory when the subgraph's database is empty (`npm start` sets it). */
      SEED_DEMO: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true'),
      /** Date the demo seed is relative to (YYYY-MM-DD); today in Paris when unset. */
      SEED_REFERENCE_DATE: optionalString.refine(
        (value) => value === undefined || /^\d{4}-\d{2}-\d{2}$/.test(value),
        'must be YYYY-MM-DD',
      ),
      /** How many demands the demo territory has (every subgraph seeds its slice of the same territory). */
      SEED_DEMANDS: unsetIfEmpty(z.coerce.number().int().min(0).max(3_000_000).default(3000)),
      /** Seed, then exit without serving (`npm run seed`, for large volumes). */
      SEED_ONLY: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true'),
      /** Set by a supervising process: stop when it disappears. */
      PASSERELLE_PARENT_PID: unsetIfEmpty(z.coerce.number().int().positive().optional()),
    })
    .transform((raw): SubgraphConfig => ({
      nodeEnv: raw.NODE_ENV as SubgraphConfig['nodeEnv'],
      logLevel: raw.LOG_LEVEL as string,
      host: raw.HOST as string,
      port: raw[`${prefix}_PORT`] as number,
      serverUrl: raw.DATABASE_URL as string | undefined,
      ownDatabaseUrl: raw[`${prefix}_DATABASE_URL`] as string | undefined,
      gatewayPublicKey: raw.GATEWAY_PUBLIC_KEY as string | undefined,
      seed: raw.SEED_DEMO
        ? {
            referenceDate: raw.SEED_REFERENCE_DATE as string | undefined,
            demands: raw.SEED_DEMANDS as number,
            only: raw.SEED_ONLY as boolean,
          }
        : undefined,
      parentPid: raw.PASSERELLE_PARENT_PID as number | undefined,
    }));
}

/** A subgraph's parsed common settings. */
export interface SubgraphConfig {
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: string;
  host: string;
  port: number;
  /** DATABASE_URL: a server on which the subgraph creates its database. */
  serverUrl?: string;
  /** <NAME>_DATABASE_URL: the subgraph's own database. */
  ownDatabaseUrl?: string;
  gatewayPublicKey?: string;
  /** Set when SEED_DEMO=true; `only`: seed, then exit without serving. */
  seed?: { referenceDate?: string; demands: number; only: boolean };
  parentPid?: number;
}
