import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { KeyLike } from 'jose';
import { createErrorFormatter } from '../errors';
import { createGraphQLApp } from '../http';
import { IDENTITY_HEADER, ReplayGuard, verifyIdentityAssertion, type Viewer } from '../identity';
import type { Logger } from '../logging';

export interface SubgraphServerOptions<TContext extends object> {
  /** The subgraph's name: the audience its identity assertions must carry. */
  name: string;
  schema: GraphQLSchema;
  /** The gateway's public key: the only key whose assertions this subgraph trusts. */
  gatewayKey: KeyLike;
  /** Per-request context for a verified viewer. */
  context: (viewer: Viewer) => TContext;
  ready: () => Promise<boolean>;
  /** Show internal error details to clients (NODE_ENV=development only). */
  exposeInternals: boolean;
  logger: Logger;
}

/**
 * The HTTP app of a subgraph. Every GraphQL request must carry a valid gateway assertion for
 * this subgraph, bound to its body; anything else gets 401 before any resolver runs. Health
 * routes stay open. No landing page and no inline traces: only the gateway talks to subgraphs.
 */
export async function createSubgraphApp<TContext extends object>(options: SubgraphServerOptions<TContext>) {
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled()],
    formatError: createErrorFormatter({
      exposeInternals: options.exposeInternals,
      onInternalError: (error) => options.logger.error({ err: error }, 'internal error'),
    }),
    introspection: true,
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  const replayGuard = new ReplayGuard();
  const app = createGraphQLApp({
    apollo,
    ready: options.ready,
    onInternalError: (error) => options.logger.error({ err: error }, 'internal error in the HTTP layer'),
    context: async (request, rawBody) => {
      const viewer = await verifyIdentityAssertion(options.gatewayKey, {
        token: request.header(IDENTITY_HEADER),
        audience: options.name,
        body: rawBody,
        replayGuard,
      });
      return options.context(viewer);
    },
  });
  return { app, apollo };
}
export * from './run';
