import type { Server } from 'node:http';
import type { Express } from 'express';
import type { KeyLike } from 'jose';
import type { DataSource } from 'typeorm';
import { closeServer, listen } from '../http';
import { importPublicKey, readDevKeyPem, type Viewer } from '../identity';
import { createLogger, type Logger } from '../logging';
import { gatewayAssertion } from './identity';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

/**
 * A subgraph served over real HTTP on a free port, called as the gateway calls it: each request
 * carries a development-gateway assertion for the given viewer. For integration tests.
 */
export async function serveSubgraph(options: {
  name: string;
  db: DataSource;
  buildApp: (options: {
    db: DataSource;
    gatewayKey: KeyLike;
    exposeInternals: boolean;
    logger: Logger;
  }) => Promise<{ app: Express; apollo: { stop(): Promise<void> }; auditWriter: { flush(): Promise<void> } }>;
}) {
  const { app, apollo, auditWriter } = await options.buildApp({
    db: options.db,
    gatewayKey: await importPublicKey(readDevKeyPem('gateway-dev', 'public')),
    exposeInternals: false,
    logger: createLogger(`${options.name}-test`, 'silent'),
  });
  const { server, port }: { server: Server; port: number } = await listen(app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    async query<T = Record<string, any>>(
      viewer: Viewer,
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<GraphQLResponse<T>> {
      const body = JSON.stringify({ query, variables });
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-passerelle-identity': await gatewayAssertion({ viewer, audience: options.name, body }),
        },
        body,
      });
      const answer = { status: response.status, ...((await response.json()) as object) };
      // The log of nominative reads is written just after the response: wait for it, so that a
      // test reads the log (and counts the statements) of the request it just made.
      await auditWriter.flush();
      return answer;
    },
    async close() {
      await closeServer(server);
      await apollo.stop();
    },
  };
}

export type SubgraphClient = Awaited<ReturnType<typeof serveSubgraph>>;
