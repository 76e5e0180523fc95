import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { closeServer, listen } from '@passerelle/shared/http';
import { createCallerTokenVerifier, gatewayPrivateKey } from '@passerelle/shared/identity';
import { createLogger } from '@passerelle/shared/logging';
import { demoToken } from '@passerelle/shared/testing';
import type { RequestLimits } from './limits';
import { buildGatewayServer } from './server';
import { SUBGRAPHS, SUPERGRAPH_FILE } from './subgraphs';

/**
 * The gateway app in this process, with small limits so that each probe stays short. No
 * subgraph runs: every refusal here happens before the query is planned, and the allowed twins
 * use what the gateway answers itself (`__typename`, introspection) or show that a query at the
 * limit gets past the check (it then fails on the unreachable subgraph, not on the limit).
 */
const SMALL: RequestLimits = {
  maxDepth: 5,
  maxAliases: 2,
  maxTokens: 120,
  maxCost: 300,
  maxBodyBytes: 4_096,
  maxVariablesBytes: 512,
  ratePerMinute: 0,
  rateBurst: 1,
};

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

async function startGateway(options: {
  limits: RequestLimits;
  introspection: 'everyone' | 'analysts' | 'nobody';
  now?: () => number;
}) {
  const { app, apollo } = await buildGatewayServer({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    // Nothing listens on port 9 (discard): a query that reaches planning fails to fetch, fast.
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, 'http://127.0.0.1:9/graphql'])),
    verifyCaller: await createCallerTokenVerifier({ production: false, issuers: [] }),
    signingKey: await gatewayPrivateKey(undefined, false),
    development: false,
    subgraphTimeoutMs: 1_000,
    logger: createLogger('gateway-test', 'silent'),
    ...options,
  });
  const { server, port } = await listen(app, 0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  const send = async (init: RequestInit & { path?: string; search?: string } = {}): Promise<Answer> => {
    const response = await fetch(`${base}${init.path ?? '/graphql'}${init.search ?? ''}`, {
      method: 'POST',
      ...init,
      headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    });
    const text = await response.text();
    let body: Answer['body'] = {};
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      // Not JSON: the assertions say so.
    }
    return { status: response.status, headers: response.headers, text, body };
  };
  const post = (operation: object, headers: Record<string, string> = {}) =>
    send({ body: JSON.stringify(operation), headers });
  return {
    send,
    post,
    stop: async () => {
      await closeServer(server as Server);
      await apollo.stop();
    },
  };
}

const bearer = async (slug: string) => ({ authorization: `Bearer ${await demoToken(slug)}` });
const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

describe('gateway limits, each with its code, status and a sentence naming it', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway({ limits: SMALL, introspection: 'analysts' });
  });
  afterAll(() => gateway?.stop());

  it('answers a query the gateway resolves itself (the allowed twin of every probe)', async () => {
    const answer = await gateway.post({ query: '{ __typename }' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { __typename: 'Query' } });
  });

  const nested = (levels: number) =>
    `{ demands(first: 1) { edges { node { ${'proposals(first: 1) { demand { '.repeat(levels)}id${' } }'.repeat(levels)} } } } }`;

  it.each([
    ['depth', { query: nested(1) }, 'QUERY_TOO_DEEP', /nests fields 6 levels deep; the limit is 5/],
    [
      'aliases',
      { query: '{ a: __typename b: __typename c: __typename }' },
      'TOO_MANY_ALIASES',
      /aliases; the limit is 2/,
    ],
    ['tokens', { query: `{ ${'__typename '.repeat(200)}}` }, 'QUERY_TOO_LARGE', /more than 120 tokens/],
    [
      'nesting before parsing',
      { query: `{ ${'a { '.repeat(60)}${'} '.repeat(60)}}`, variables: {} },
      'QUERY_TOO_DEEP',
      /more than 37 levels/,
    ],
    [
      'cost',
      { query: '{ demands(first: 100) { edges { node { id nur } } } }' },
      'QUERY_TOO_COMPLEX',
      /estimated cost is 401; the limit is 300.*`first`/,
    ],
    [
      'cost from a variable',
      { query: 'query($n: Int) { demands(first: $n) { totalCount } }', variables: { n: 1_000 } },
      'QUERY_TOO_COMPLEX',
      /estimated cost is 1 001/,
    ],
    [
      'variables size',
      { query: '{ __typename }', variables: { text: 'x'.repeat(600) } },
      'VARIABLES_TOO_LARGE',
      /the limit is 512 bytes/,
    ],
    [
      'introspection for an anonymous caller',
      { query: '{ __schema { queryType { name } } }' },
      'INTROSPECTION_DISABLED',
      /ANALYST/,
    ],
  ])('%s', async (_name, operation, code, message) => {
    const answer = await gateway.post(operation);
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe(code);
    expect(answer.body.errors?.[0]?.message).toMatch(message);
    expect(answer.body.data).toBeUndefined();
  });

  it('lets queries at each limit past the check', async () => {
    // Depth 5, the limit: past the check, the query is planned and fails only on the subgraph this test does not run.
    const atDepth = await gateway.post({
      query: '{ demands(first: 1) { edges { node { proposals(first: 1) { id } } } } }',
    });
    expect(codeOf(atDepth)).toBe('INTERNAL_SERVER_ERROR');
    const atAliases = await gateway.post({ query: '{ a: __typename b: __typename }' });
    expect(atAliases.body.data).toEqual({ a: 'Query', b: 'Query' });
    const atCost = await gateway.post({
      query: 'query($n: Int) { demands(first: $n) { totalCount } }',
      variables: { n: 299 },
    });
    expect(codeOf(atCost)).toBe('INTERNAL_SERVER_ERROR');
  });

  it('refuses an unknown operation name, an ambiguous document and a subscription with 400, not 500', async () => {
    const unknown = await gateway.post({ query: 'query A { __typename }', operationName: 'B' });
    expect([unknown.status, codeOf(unknown), unknown.body.errors?.[0]?.message]).toEqual([
      400,
      'OPERATION_RESOLUTION_FAILURE',
      'Unknown operation named "B".',
    ]);
    const ambiguous = await gateway.post({ query: 'query A { __typename } query B { __typename }' });
    expect([ambiguous.status, codeOf(ambiguous)]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
    const subscription = await gateway.post({ query: 'subscription { __typename }' });
    expect([subscription.status, codeOf(subscription)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    // The allowed twin: naming the operation.
    const named = await gateway.post({ query: 'query A { __typename } query B { __typename }', operationName: 'B' });
    expect(named.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers 413 REQUEST_TOO_LARGE in JSON for a body over the limit', async () => {
    const answer = await gateway.post({ query: '{ __typename }', extensions: { padding: 'x'.repeat(5_000) } });
    expect(answer.status).toBe(413);
    expect(codeOf(answer)).toBe('REQUEST_TOO_LARGE');
    expect(answer.body.errors?.[0]?.message).toMatch(/the limit is 4096 bytes/);
  });

  it('answers malformed JSON with 400 BAD_REQUEST in JSON, never an HTML page with a stack', async () => {
    for (const body of ['{"query": ', 'null', '"{ __typename }"', '{"query": "{ __typename }"} trailing']) {
      const answer = await gateway.send({ body });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/application\/json/);
      expect(codeOf(answer)).toBe('BAD_REQUEST');
      expect(answer.text).not.toMatch(/at JSON\.parse|node_modules|<html/i);
    }
  });

  it('keeps batched requests off', async () => {
    const answer = await gateway.send({
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('BAD_REQUEST');
    expect(answer.body.errors?.[0]?.message).toMatch(/batching/i);
  });

  it('opens introspection to analysts only, under the "analysts" policy', async () => {
    const query = { query: '{ __schema { queryType { name } } }' };
    const analyst = await gateway.post(query, await bearer('observatoire-mel'));
    expect(analyst.status).toBe(200);
    expect(analyst.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const epci = await gateway.post(query, await bearer('mel'));
    expect(codeOf(epci)).toBe('INTROSPECTION_DISABLED');
    // Also hidden inside a fragment.
    const hidden = await gateway.post({ query: '{ ...Q } fragment Q on Query { __type(name: "Demand") { name } }' });
    expect(codeOf(hidden)).toBe('INTROSPECTION_DISABLED');
  });

  it('cuts "Did you mean" suggestions for callers who may not see the schema, and only for them', async () => {
    const typo = { query: '{ demands(first: 1) { edges { node { nurr } } } }' };
    const anonymous = await gateway.post(typo);
    expect(anonymous.status).toBe(400);
    expect(codeOf(anonymous)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(anonymous.body.errors?.[0]?.message).toBe('Cannot query field "nurr" on type "Demand".');
    const analyst = await gateway.post(typo, await bearer('observatoire-mel'));
    expect(analyst.body.errors?.[0]?.message).toMatch(/Did you mean "nur"\?/);
    // Enum suggestions in variable coercion too.
    const enumTypo = {
      query: 'query($s: DemandStatus) { demands(first: 1, filter: { status: $s }) { totalCount } }',
      variables: { s: 'ACTIVEE' },
    };
    const coerced = await gateway.post(enumTypo);
    expect(coerced.status).toBe(400);
    expect(coerced.body.errors?.[0]?.message).toBe(
      'Variable "$s" got invalid value "ACTIVEE"; Value "ACTIVEE" does not exist in "DemandStatus" enum.',
    );
    const coercedForAnalyst = await gateway.post(enumTypo, await bearer('observatoire-mel'));
    expect(coercedForAnalyst.body.errors?.[0]?.message).toMatch(/Did you mean the enum value "ACTIVE"\?/);
  });
});

describe('gateway rate limit', () => {
  let clock = 0;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway({
      limits: { ...SMALL, ratePerMinute: 60, rateBurst: 3 },
      introspection: 'everyone',
      now: () => clock,
    });
  });
  afterAll(() => gateway?.stop());

  it('lets a burst through, then answers 429 RATE_LIMITED with Retry-After, per partner', async () => {
    const mel = await bearer('mel');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await gateway.post({ query: '{ __typename }' }, mel)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await gateway.post({ query: '{ __typename }' }, mel);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.body.errors?.[0]?.message).toMatch(
      /partner "mel".*60 requests per minute.*bursts of 3.*Retry after 1 s/,
    );
    // Another partner has its own bucket.
    expect((await gateway.post({ query: '{ __typename }' }, await bearer('vilogia'))).status).toBe(200);
    // Health routes are never limited.
    expect((await gateway.send({ method: 'GET', path: '/health' })).status).toBe(200);
    // A second later, one more token.
    clock += 1_000;
    expect((await gateway.post({ query: '{ __typename }' }, mel)).status).toBe(200);
    expect((await gateway.post({ query: '{ __typename }' }, mel)).status).toBe(429);
  });

  it('counts anonymous callers and failed authentications by client address', async () => {
    clock += 60_000;
    const statuses = [];
    statuses.push((await gateway.post({ query: '{ __typename }' })).status);
    statuses.push((await gateway.post({ query: '{ __typename }' }, { authorization: 'Bearer forged' })).status);
    statuses.push((await gateway.post({ query: '{ __typename }' }, { authorization: 'Bearer forged' })).status);
    statuses.push((await gateway.post({ query: '{ __typename }' }, { authorization: 'Bearer forged' })).status);
    statuses.push((await gateway.post({ query: '{ __typename }' })).status);
    expect(statuses).toEqual([200, 401, 401, 429, 429]);
  });
});
