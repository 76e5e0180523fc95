import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { KeyLike } from 'jose';
import type { DataSource } from 'typeorm';
import { ReadAudit, type PolicyContext } from '../access';
import { AuditLogRepository, AuditLogWriter, type AuditLogContext } from '../audit';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, createErrorFormatter } from '../errors';
import { createGraphQLApp } from '../http';
import { IDENTITY_HEADER, ReplayGuard, isAuthenticated, verifyIdentityAssertion, type Viewer } from '../identity';
import type { Logger } from '../logging';

export interface SubgraphServerOptions<TContext extends object> {
  /** The subgraph's name: the audience its identity assertions must carry. */
  name: string;
  schema: GraphQLSchema;
  /** The gateway's public key: the only key whose assertions this subgraph trusts. */
  gatewayKey: KeyLike;
  /** Per-request context for a verified viewer. */
  context: (viewer: Viewer) => TContext;
  /** The subgraph's database: it keeps the log of nominative reads of its records. */
  db: DataSource;
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
  const auditLog = new AuditLogRepository(options.db);
  const auditWriter = new AuditLogWriter(auditLog, options.logger);
  const apollo = new ApolloServer<TContext & SubgraphAuditContext>({
    schema: options.schema,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      auditPlugin(auditWriter),
    ],
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
      return Object.assign(options.context(viewer), { viewer, audit: new ReadAudit(), auditLog });
    },
  });
  return { app, apollo, auditWriter };
}

/** What every subgraph request context carries besides the subgraph's own services. */
export type SubgraphAuditContext = PolicyContext & AuditLogContext;

/**
 * Hands the request's nominative reads to the writer as the response leaves (the write follows
 * within milliseconds, batched with other requests'); when the log has been failing long enough
 * for its backlog to fill, the data are not served: no nominative read without its trace. The
 * writer is flushed when the server stops.
 */
function auditPlugin(writer: AuditLogWriter): ApolloServerPlugin<SubgraphAuditContext> {
  return {
    async serverWillStart() {
      return { serverWillStop: () => writer.flush() };
    },
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const reads = contextValue.audit.take();
          if (reads.length === 0 || !isAuthenticated(contextValue.viewer)) return;
          if (writer.accept(contextValue.viewer, reads)) return;
          if (response.body.kind === 'single') {
            response.body.singleResult = {
              errors: [
                {
                  message: 'The read could not be logged, so its nominative data are not served. Retry later.',
                  extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
                },
              ],
            };
          }
        },
      };
    },
  };
}
export * from './run';
