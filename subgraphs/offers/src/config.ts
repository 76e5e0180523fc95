import { parseConfig, subgraphConfigSchema } from '@passerelle/shared/config';

/** The offers subgraph reads only the common subgraph settings (`OFFERS_PORT`, `OFFERS_DATABASE_URL`…). */
export const loadConfig = (env: Record<string, string | undefined> = process.env) =>
  parseConfig(subgraphConfigSchema('offers', 4002), env);
