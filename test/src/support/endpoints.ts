/** Where globalSetup started the end-to-end processes. */
export function endpoints() {
  const gateway = process.env.PASSERELLE_TEST_GATEWAY_URL;
  const demands = process.env.PASSERELLE_TEST_DEMANDS_URL;
  const demandsDatabase = process.env.PASSERELLE_TEST_E2E_DEMANDS_DATABASE_URL;
  if (!gateway || !demands || !demandsDatabase) throw new Error('End-to-end services are not running: use `npm test`.');
  return { gateway, demands, demandsDatabase };
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
