import { logLevel, nodeEnv, optionalString, parseConfig, port } from '@passerelle/shared/config';
import { isCalendarDate } from '@passerelle/shared/dates';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: nodeEnv,
  LOG_LEVEL: logLevel,
  DEMANDS_PORT: port(4001),
  HOST: z.string().default('0.0.0.0'),
  /** A PostgreSQL server: the subgraph uses (and creates) `passerelle_demands` there. */
  DATABASE_URL: optionalString,
  /** This subgraph's own database, when deployed alone; wins over DATABASE_URL. */
  DEMANDS_DATABASE_URL: optionalString,
  /** PEM (SPKI) public key of the gateway; the development key is used when unset outside production. */
  GATEWAY_PUBLIC_KEY: optionalString,
  /** Seed the demo territory when the register is empty (`npm start` sets it). */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** Date the demo seed is relative to (YYYY-MM-DD); today in Paris when unset. */
  SEED_REFERENCE_DATE: optionalString.refine(
    (value) => value === undefined || isCalendarDate(value),
    'must be YYYY-MM-DD',
  ),
  /** How many demands the demo seed registers. */
  SEED_DEMANDS: z.coerce.number().int().min(0).max(100_000).default(3000),
  /** Set by a supervising process: stop when it disappears. */
  PASSERELLE_PARENT_PID: z.coerce.number().int().positive().optional(),
});

export type DemandsConfig = z.infer<typeof schema>;

export const loadConfig = (env: Record<string, string | undefined> = process.env): DemandsConfig =>
  parseConfig(schema, env);
