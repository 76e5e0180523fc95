import { parseConfig, subgraphConfigSchema } from '@passerelle/shared/config';

/** The governance subgraph reads only the common subgraph settings (`GOVERNANCE_PORT`, `GOVERNANCE_DATABASE_URL`…). */
export const loadConfig = (env: Record<string, string | undefined> = process.env) =>
  parseConfig(subgraphConfigSchema('governance', 4004), env);
