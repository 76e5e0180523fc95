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
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
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
