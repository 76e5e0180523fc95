import { readFileSync } from 'node:fs';
import { closeServer, listen } from '@passerelle/shared/http';
import { createCallerTokenVerifier, gatewayPrivateKey } from '@passerelle/shared/identity';
import { createLogger } from '@passerelle/shared/logging';
import { handleShutdown } from '@passerelle/shared/service';
import { loadConfig } from './config';
import { buildGatewayServer } from './server';

/** Entry point: config → keys → supergraph → listen → graceful shutdown. */
async function main() {
  const config = loadConfig();
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const { app, apollo } = await buildGatewayServer({
    supergraphSdl: readFileSync(config.SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: config.subgraphUrls,
    verifyCaller: await createCallerTokenVerifier({
      production: config.production,
      issuers: config.AUTH_ISSUERS,
      jwksUrl: config.AUTH_JWKS_URL,
      publicKeyPem: config.AUTH_PUBLIC_KEY,
    }),
    signingKey: await gatewayPrivateKey(config.GATEWAY_SIGNING_KEY, config.production),
    development: config.NODE_ENV === 'development',
    introspection: config.introspection,
    limits: config.limits,
    trustProxy: config.TRUST_PROXY,
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    logger,
  });
  const { server, port } = await listen(app, config.GATEWAY_PORT, config.HOST);
  logger.info({ port }, 'gateway listening');
  handleShutdown(
    logger,
    async () => {
      await closeServer(server);
      await apollo.stop();
    },
    config.PASSERELLE_PARENT_PID,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
