import { optionalString, parseConfig, subgraphConfigSchema, unsetIfEmpty } from '@passerelle/shared/config';
import { z } from 'zod';

/**
 * The development key of the NIR hash (see `registration/nir.ts`). Marked as such and refused in
 * production, like the development signing keys: a real register sets `DEMANDS_NIR_KEY`.
 */
export const DEV_NIR_KEY = 'passerelle-development-nir-key-not-for-production';

/** The development key of NUR pseudonyms (`demand/pseudonym.ts`); refused in production like the NIR key. */
export const DEV_PSEUDONYM_KEY = 'passerelle-development-pseudonym-key-not-for-production';

const demandsSettings = z.object({
  /** Secret key of the NIR hash (HMAC-SHA-256), at least 32 characters; required in production. */
  DEMANDS_NIR_KEY: optionalString.refine(
    (value) => value === undefined || value.length >= 32,
    'at least 32 characters',
  ),
  /** Secret key of the NUR pseudonyms given to analysts (HMAC-SHA-256), at least 32 characters; required in production. */
  DEMANDS_PSEUDONYM_KEY: optionalString.refine(
    (value) => value === undefined || value.length >= 32,
    'at least 32 characters',
  ),
  /** Months nominative data are kept after radiation (décret 2017-917 art. 4: one year). */
  DEMANDS_RETENTION_MONTHS: unsetIfEmpty(z.coerce.number().int().min(1).max(120).default(12)),
});

export interface DemandsSettings {
  nirKey: string;
  pseudonymKey: string;
  retentionMonths: number;
}

/** The demands subgraph's settings: the common ones (`DEMANDS_PORT`, `DEMANDS_DATABASE_URL`…) and its own. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const common = parseConfig(subgraphConfigSchema('demands', 4001), env);
  const own = parseConfig(demandsSettings, env);
  if (common.nodeEnv === 'production') {
    const missing = [
      own.DEMANDS_NIR_KEY === undefined || own.DEMANDS_NIR_KEY === DEV_NIR_KEY ? 'DEMANDS_NIR_KEY' : null,
      own.DEMANDS_PSEUDONYM_KEY === undefined || own.DEMANDS_PSEUDONYM_KEY === DEV_PSEUDONYM_KEY
        ? 'DEMANDS_PSEUDONYM_KEY'
        : null,
    ].filter((name) => name !== null);
    if (missing.length > 0) {
      throw new Error(
        `Invalid configuration:\n${missing.map((name) => `  - ${name}: required in production (a secret of 32+ characters)`).join('\n')}`,
      );
    }
  }
  const settings: DemandsSettings = {
    nirKey: own.DEMANDS_NIR_KEY ?? DEV_NIR_KEY,
    pseudonymKey: own.DEMANDS_PSEUDONYM_KEY ?? DEV_PSEUDONYM_KEY,
    retentionMonths: own.DEMANDS_RETENTION_MONTHS,
  };
  return { ...common, settings };
}
