import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ErrorCode } from '../errors';

/** Largest GraphQL request body accepted; a bigger one is refused before parsing (HTTP 413). */
const DEFAULT_BODY_LIMIT = '256kb';

type RequestWithRawBody = Request & { rawBody?: Buffer };

export interface GraphQLAppOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context; gets the exact body bytes (the identity assertion hashes them). */
  context: (request: Request, rawBody: Buffer) => Promise<TContext>;
  /** `GET /ready`: true when the service can do its job (database or subgraphs reachable). */
  ready: () => Promise<boolean>;
  /** Largest request body, in bytes or as `'256kb'`; a bigger one gets 413 `REQUEST_TOO_LARGE`. */
  bodyLimit?: string | number;
  /**
   * How many reverse proxies in front of the service set `X-Forwarded-For` (Express's
   * `trust proxy`): `request.ip` is then the client's address, not the proxy's. 0 by default.
   */
  trustProxy?: number;
  /** Told about errors that reach the HTTP layer and are not the client's fault (answered 500). */
  onInternalError?: (error: unknown) => void;
}

/**
 * The HTTP surface every Passerelle service shares: `POST|GET /graphql`, `GET /health` (alive)
 * and `GET /ready`. Apollo Server must already be started.
 */
export function createGraphQLApp<TContext extends BaseContext>(options: GraphQLAppOptions<TContext>) {
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
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
  app.use(jsonErrorHandler(options.onInternalError));
  return app;
}

/** What body-parser (raw-body) attaches to the errors it raises. */
interface BodyParserError {
  type?: string;
  status?: number;
  length?: number;
  limit?: number;
}

/**
 * Errors raised before GraphQL runs (body unreadable, not JSON, too large, unsupported charset)
 * answered as GraphQL errors with a stable code, never Express's HTML page with a stack trace.
 */
function jsonErrorHandler(onInternalError?: (error: unknown) => void) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const { status, code, message } = describeHttpError(error);
    if (status >= 500) onInternalError?.(error);
    res
      .status(status)
      .type('application/json')
      .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  };
}

/** The status, code and client-facing sentence for an error raised by the HTTP layer. */
export function describeHttpError(error: unknown): { status: number; code: string; message: string } {
  const { type, status, length, limit } = (error ?? {}) as BodyParserError;
  switch (type) {
    case 'entity.too.large':
      return {
        status: 413,
        code: ErrorCode.REQUEST_TOO_LARGE,
        message:
          `The request body is ${length ? `${length} bytes` : 'too large'}; the limit is ${limit} bytes. ` +
          'Send a shorter query and fewer variables (values go in variables, not in the query text), or split the work into several requests.',
      };
    case 'entity.parse.failed':
      return {
        status: 400,
        code: ErrorCode.BAD_REQUEST,
        message:
          'The request body is not valid JSON. Send a JSON object such as {"query": "{ __typename }", "variables": {}} with Content-Type: application/json.',
      };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return {
        status: 415,
        code: ErrorCode.BAD_REQUEST,
        message: 'Send the request body as UTF-8 JSON (Content-Type: application/json), without a Content-Encoding.',
      };
    default:
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return {
          status,
          code: ErrorCode.BAD_REQUEST,
          message: 'The HTTP request could not be read: send a complete JSON body with Content-Type: application/json.',
        };
      }
      return { status: 500, code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error.' };
  }
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
