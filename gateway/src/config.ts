import { logLevel, nodeEnv, optionalString, parseConfig, port, unsetIfEmpty } from '@passerelle/shared/config';
import { z } from 'zod';
import type { IntrospectionPolicy, RequestLimits } from './limits/types';
import { SUBGRAPHS, SUPERGRAPH_FILE } from './subgraphs';

/** A bounded integer setting given as an environment string (empty means the default). */
const integer = (min: number, max: number, fallback: number) =>
  unsetIfEmpty(z.coerce.number().int().min(min).max(max).default(fallback));

const schema = z.object({
  NODE_ENV: nodeEnv,
  LOG_LEVEL: logLevel,
  GATEWAY_PORT: port(4000),
  HOST: z.string().default('0.0.0.0'),
  /** The composed supergraph served (default: the committed gateway/supergraph.graphql). */
  SUPERGRAPH_FILE: z.string().default(SUPERGRAPH_FILE),
  /** Production caller-token verification: a JWKS URL or a PEM public key, and accepted issuers (comma-separated). */
  AUTH_JWKS_URL: optionalString,
  AUTH_PUBLIC_KEY: optionalString,
  AUTH_ISSUERS: optionalString.transform((value) =>
    value
      ? value
          .split(',')
          .map((issuer) => issuer.trim())
          .filter(Boolean)
      : [],
  ),
  /** PEM (PKCS#8) ES256 private key signing identity assertions; the development key outside production. */
  GATEWAY_SIGNING_KEY: optionalString,
  /**
   * Schema introspection and field suggestions ("Did you mean …") in error messages: on for
   * everyone outside production; in production off, or for ANALYST callers only when `true`.
   */
  INTROSPECTION: unsetIfEmpty(z.enum(['true', 'false']).optional()),
  /** Deepest nesting of fields in one operation (docs/limits.md). */
  MAX_QUERY_DEPTH: integer(2, 100, 12),
  /** Aliases in one document. */
  MAX_QUERY_ALIASES: integer(0, 1_000, 30),
  /** Lexical tokens in the query text (graphql-js `parse` maxTokens). */
  MAX_QUERY_TOKENS: integer(100, 100_000, 5_000),
  /** Estimated cost: each field 1, times the `first` (default 20) of every list it sits in. */
  MAX_QUERY_COST: integer(100, 100_000_000, 100_000),
  /** Request body, bytes (HTTP 413 above). */
  MAX_BODY_BYTES: integer(1_024, 10_485_760, 102_400),
  /** Variables, bytes of their JSON. */
  MAX_VARIABLES_BYTES: integer(256, 10_485_760, 65_536),
  /** Requests per minute per partner (per client address for anonymous callers); 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: integer(0, 1_000_000, 600),
  /** Requests a caller may send at once above the steady rate (token bucket capacity). */
  RATE_LIMIT_BURST: integer(1, 1_000_000, 100),
  /** Reverse proxies in front of the gateway that set X-Forwarded-For (the client address is then theirs to tell). */
  TRUST_PROXY: integer(0, 10, 0),
  /** A subgraph request taking longer fails (ms). */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  PASSERELLE_PARENT_PID: z.coerce.number().int().positive().optional(),
});

export type GatewayConfig = z.infer<typeof schema> & {
  production: boolean;
  introspection: IntrospectionPolicy;
  limits: RequestLimits;
  /** Subgraph name → URL, from `<NAME>_URL` where set. */
  subgraphUrls: Record<string, string>;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const config = parseConfig(schema, env);
  const production = config.NODE_ENV === 'production';
  const subgraphUrls: Record<string, string> = {};
  for (const { name } of SUBGRAPHS) {
    const url = env[`${name.toUpperCase()}_URL`];
    if (url) subgraphUrls[name] = url;
  }
  return {
    ...config,
    production,
    introspection: introspectionPolicy(production, config.INTROSPECTION),
    limits: {
      maxDepth: config.MAX_QUERY_DEPTH,
      maxAliases: config.MAX_QUERY_ALIASES,
      maxTokens: config.MAX_QUERY_TOKENS,
      maxCost: config.MAX_QUERY_COST,
      maxBodyBytes: config.MAX_BODY_BYTES,
      maxVariablesBytes: config.MAX_VARIABLES_BYTES,
      ratePerMinute: config.RATE_LIMIT_PER_MINUTE,
      rateBurst: config.RATE_LIMIT_BURST,
    },
    subgraphUrls,
  };
}

/**
 * Who may introspect the schema and see field suggestions: everyone outside production unless
 * `INTROSPECTION=false`; in production nobody, or ANALYST callers when `INTROSPECTION=true`.
 */
export function introspectionPolicy(production: boolean, setting: 'true' | 'false' | undefined): IntrospectionPolicy {
  if (setting === 'false') return 'nobody';
  if (production) return setting === 'true' ? 'analysts' : 'nobody';
  return 'everyone';
}
