import { parseConfig, subgraphConfigSchema } from '@passerelle/shared/config';

/** The accompaniment subgraph reads only the common subgraph settings (`ACCOMPANIMENT_PORT`, `ACCOMPANIMENT_DATABASE_URL`…). */
export const loadConfig = (env: Record<string, string | undefined> = process.env) =>
  parseConfig(subgraphConfigSchema('accompaniment', 4003), env);
