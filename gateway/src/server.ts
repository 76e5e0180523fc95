import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { createErrorFormatter } from '@passerelle/shared/errors';
import { createGraphQLApp } from '@passerelle/shared/http';
import type { CallerTokenVerifier, Viewer } from '@passerelle/shared/identity';
import type { Logger } from '@passerelle/shared/logging';
import type { KeyLike } from 'jose';
import { authenticate } from './authenticate';
import { operationNamePlugin, requestTrace } from './request-trace';
import { RequestGuard, limitsPlugin, type IntrospectionPolicy, type RequestLimits } from './limits';
import { SignedSubgraphDataSource, type GatewayContext } from './signed-data-source';

export interface GatewayServerOptions {
  supergraphSdl: string;
  /** Overrides of the routing URLs written in the supergraph, by subgraph name. */
  subgraphUrls: Record<string, string>;
  verifyCaller: CallerTokenVerifier;
  signingKey: KeyLike;
  /** Apollo Sandbox as landing page and internal error details: development only. */
  development: boolean;
  /** Who may introspect the schema and see field suggestions. */
  introspection: IntrospectionPolicy;
  /** Size, shape, cost and rate limits (docs/limits.md). */
  limits: RequestLimits;
  /** Reverse proxies in front of the gateway (their X-Forwarded-For gives the client address). */
  trustProxy?: number;
  subgraphTimeoutMs: number;
  logger: Logger;
  /** Milliseconds clock of the rate limiter (tests inject one). */
  now?: () => number;
}

/** Builds the gateway's HTTP app (started, not listening): tests and `main.ts` share it. */
export async function buildGatewayServer(options: GatewayServerOptions) {
  const routingUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph ${name}: set ${name.toUpperCase()}_URL.`);
      routingUrls.set(name, target);
      return new SignedSubgraphDataSource({
        name,
        url: target,
        signingKey: options.signingKey,
        timeoutMs: options.subgraphTimeoutMs,
      });
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Decided per caller by limitsPlugin (analysts only in production, when enabled).
    introspection: true,
    allowBatchedHttpRequests: false,
    // The pre-parse check (RequestGuard) counts the same tokens with a clearer message; this is the backstop.
    parseOptions: { maxTokens: options.limits.maxTokens },
    csrfPrevention: true,
    // Stack traces describe our code, not the caller's mistake: never sent, whatever NODE_ENV.
    includeStacktraceInErrorResponses: false,
    plugins: [
      options.development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
      limitsPlugin({ limits: options.limits, introspection: options.introspection }),
      operationNamePlugin,
    ],
    formatError: createErrorFormatter({
      exposeInternals: options.development,
      onInternalError: (error) => options.logger.error({ err: error }, 'internal error'),
    }),
  });
  await apollo.start();
  const guard = new RequestGuard(options.limits, options.now);
  const app = createGraphQLApp({
    apollo,
    bodyLimit: options.limits.maxBodyBytes,
    trustProxy: options.trustProxy,
    onInternalError: (error) => options.logger.error({ err: error }, 'internal error'),
    context: async (request) => {
      const address = request.ip ?? 'unknown';
      let viewer: Viewer;
      try {
        viewer = await authenticate(request.header('authorization'), options.verifyCaller);
      } catch (error) {
        // Failed attempts count against the address, so that guessing tokens is rate-limited too.
        guard.chargeRate(undefined, address);
        throw error;
      }
      guard.chargeRate(viewer, address);
      guard.checkPayload(request);
      return { viewer: viewer.kind === 'ANONYMOUS' ? viewer : { ...viewer, trace: requestTrace(request) } };
    },
    ready: () => allReachable([...routingUrls.values()], options.subgraphTimeoutMs),
  });
  return { app, apollo };
}

/** Every subgraph answers its `/health` route. */
async function allReachable(urls: string[], timeoutMs: number): Promise<boolean> {
  const answers = await Promise.all(
    urls.map((url) =>
      fetch(new URL('/health', url), { signal: AbortSignal.timeout(Math.min(timeoutMs, 2_000)) })
        .then((response) => response.ok)
        .catch(() => false),
    ),
  );
  return urls.length > 0 && answers.every(Boolean);
}
