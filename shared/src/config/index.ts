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

/** A TCP port given as an environment string. */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** `NODE_ENV`: production hardens identity and error masking; development opens the Sandbox. */
export const nodeEnv = z.enum(['development', 'production', 'test']).default('development');

/** Log level understood by the structured logger. */
export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

/** An optional string where an empty value means "not set" (as docker-compose often passes). */
export const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));
