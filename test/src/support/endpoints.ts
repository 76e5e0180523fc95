/** Where globalSetup started the end-to-end processes. */
export function endpoints() {
  const gateway = process.env.PASSERELLE_TEST_GATEWAY_URL;
  if (!gateway) throw new Error('End-to-end services are not running: use `npm test`.');
  return { gateway, demands: subgraphUrl('demands'), demandsDatabase: e2eDatabaseUrl('demands') };
}

/** URL of a subgraph's end-to-end process. */
export function subgraphUrl(name: string): string {
  const url = process.env[`PASSERELLE_TEST_${name.toUpperCase()}_URL`];
  if (!url) throw new Error(`No end-to-end process for ${name}: use \`npm test\`.`);
  return url;
}

/** The seeded database behind a subgraph's end-to-end process (for SQL oracles). */
export function e2eDatabaseUrl(name: string): string {
  const url = process.env[`PASSERELLE_TEST_E2E_${name.toUpperCase()}_DATABASE_URL`];
  if (!url) throw new Error(`No end-to-end database for ${name}: use \`npm test\`.`);
  return url;
}

export interface HttpGraphQLResult {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** POSTs a GraphQL operation and returns the HTTP status with the parsed body. */
export async function postGraphQL(
  url: string,
  operation: { query: string; variables?: Record<string, unknown> },
  headers: Record<string, string> = {},
): Promise<HttpGraphQLResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(operation),
  });
  return { status: response.status, body: (await response.json()) as HttpGraphQLResult['body'] };
}
