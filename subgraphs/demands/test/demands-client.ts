import type { Server } from 'node:http';
import { closeServer, listen } from '@passerelle/shared/http';
import { importPublicKey, readDevKeyPem, type Viewer } from '@passerelle/shared/identity';
import { createLogger } from '@passerelle/shared/logging';
import { gatewayAssertion } from '@passerelle/shared/testing';
import type { DataSource } from 'typeorm';
import { SUBGRAPH_NAME, buildDemandsServer } from '../src/server';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/**
 * The demands subgraph served over real HTTP on a free port, called as the gateway would call
 * it: each request carries a development-gateway assertion for the given viewer.
 */
export async function serveDemands(db: DataSource) {
  const { app, apollo } = await buildDemandsServer({
    db,
    gatewayKey: await importPublicKey(readDevKeyPem('gateway-dev', 'public')),
    exposeInternals: false,
    logger: createLogger('demands-test', 'silent'),
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
          'x-passerelle-identity': await gatewayAssertion({ viewer, audience: SUBGRAPH_NAME, body }),
        },
        body,
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async close() {
      await closeServer(server);
      await apollo.stop();
    },
  };
}
