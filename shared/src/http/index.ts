import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';

/** Largest GraphQL request body accepted; a bigger one is refused before parsing (HTTP 413). */
const DEFAULT_BODY_LIMIT = '256kb';

type RequestWithRawBody = Request & { rawBody?: Buffer };

export interface GraphQLAppOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context; gets the exact body bytes (the identity assertion hashes them). */
  context: (request: Request, rawBody: Buffer) => Promise<TContext>;
  /** `GET /ready`: true when the service can do its job (database or subgraphs reachable). */
  ready: () => Promise<boolean>;
  bodyLimit?: string;
}

/**
 * The HTTP surface every Passerelle service shares: `POST|GET /graphql`, `GET /health` (alive)
 * and `GET /ready`. Apollo Server must already be started.
 */
export function createGraphQLApp<TContext extends BaseContext>(options: GraphQLAppOptions<TContext>) {
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const ready = await options.ready().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  app.use(
    '/graphql',
    express.json({
      limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
      verify: (req, _res, buffer) => {
        (req as RequestWithRawBody).rawBody = buffer;
      },
    }),
    expressMiddleware(options.apollo, {
      context: ({ req }) => options.context(req, (req as RequestWithRawBody).rawBody ?? Buffer.alloc(0)),
    }),
  );
  return app;
}

/**
 * Listens on `port` (0 picks a free one) and resolves with the server and its actual port.
 * Keep-alive outlives the gateway's pooled connections so that sockets are reused, not reset.
 */
export async function listen(app: express.Express, port: number, host = '0.0.0.0') {
  const server: Server = await new Promise((resolve, reject) => {
    const candidate = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(candidate)));
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return { server, port: (server.address() as AddressInfo).port };
}

/** Stops accepting connections and closes idle keep-alive sockets so shutdown is prompt. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
