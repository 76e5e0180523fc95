import { parseConfig, subgraphConfigSchema } from '@passerelle/shared/config';

/** The demands subgraph reads only the common subgraph settings (`DEMANDS_PORT`, `DEMANDS_DATABASE_URL`…). */
export const loadConfig = (env: Record<string, string | undefined> = process.env) =>
  parseConfig(subgraphConfigSchema('demands', 4001), env);
