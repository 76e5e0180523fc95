import { logLevel, nodeEnv, optionalString, parseConfig, port } from '@passerelle/shared/config';
import { z } from 'zod';
import { SUBGRAPHS, SUPERGRAPH_FILE } from './subgraphs';

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
  /** Schema introspection (Apollo Sandbox); on by default outside production. */
  INTROSPECTION: z.enum(['true', 'false']).optional(),
  /** A subgraph request taking longer fails (ms). */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  PASSERELLE_PARENT_PID: z.coerce.number().int().positive().optional(),
});

export type GatewayConfig = z.infer<typeof schema> & {
  production: boolean;
  introspection: boolean;
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
    introspection: config.INTROSPECTION ? config.INTROSPECTION === 'true' : !production,
    subgraphUrls,
  };
}
