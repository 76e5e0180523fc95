import { Client } from 'pg';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withDatabase } from '@passerelle/shared/database';
import { terminate } from '@passerelle/shared/process';
import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import {
  ASSERTION_ISSUER,
  DEV_ISSUER,
  IDENTITY_HEADER,
  bodyHash,
  importPrivateKey,
  readDevKeyPem,
} from '@passerelle/shared/identity';
import {
  craftedAssertion,
  demoToken,
  demoViewer,
  gatewayAssertion,
  harnessEnvironment,
  eventually,
  tableChecksums,
  type TableChecksums,
} from '@passerelle/shared/testing';
import { REPOSITORY_ROOT, subgraphLayouts } from '@passerelle/shared/topology';
import {
  Kind,
  parse,
  print,
  type FieldDefinitionNode,
  type InputObjectTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeNode,
} from 'graphql';
import { SignJWT, exportPKCS8, exportSPKI, generateKeyPair, type KeyLike } from 'jose';
import { startService, type RunningService } from '../harness/services';
import { startStack, type Stack } from '../support/stack';

/**
 * The hostile corpus (issue 8): malformed, oversized, abusive and forged requests sent through
 * the gateway, and forged or replayed identity assertions sent straight to each subgraph. Each
 * must be refused with a 4xx or a GraphQL error with a stable code — never a 5xx, an internal
 * error, a crash or a hang — and afterwards every table of the four databases is unchanged,
 * every service still answers /health and a normal query still works.
 *
 * On a stack of its own (few demands), so that no other test's writes touch the checksums, plus
 * a production-mode gateway with a tiny rate limit for the production-only probes.
 */

// ---------------------------------------------------------------------------------------------
// Sending and judging

interface Outcome {
  status: number;
  headers: Headers;
  text: string;
  body?: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** No request may take long: a hang is a failure, not a wait. */
const REQUEST_TIMEOUT_MS = 10_000;

async function send(url: string, init: RequestInit = {}): Promise<Outcome> {
  const response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), ...init });
  const text = await response.text();
  let body: Outcome['body'];
  try {
    body = JSON.parse(text) as Outcome['body'];
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

const json = (headers: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...headers });
const post = async (url: string, operation: unknown, headers: Record<string, string> = {}) => {
  const outcome = await send(url, {
    headers: json(headers),
    body: typeof operation === 'string' ? operation : JSON.stringify(operation),
  });
  if (operation === HOUSEHOLD_QUERY && outcome.body?.data?.demands) householdQueriesServed += 1;
  return outcome;
};

/** How many times the one legitimate household query was served: each leaves its reads in the audit log. */
let householdQueriesServed = 0;

/** What a safe answer to a hostile request must be, beyond "no 5xx". */
interface Expectation {
  status?: number;
  code?: string;
  /** The request may also be answered with data, provided the list it asked for is empty. */
  orEmpty?: (data: any) => unknown[] | undefined;
}

/** Internals that must never reach a client, whatever went wrong. */
const LEAKS =
  /stacktrace|node_modules|\bat [\w.<>]+ \(|QueryFailedError|syntax error at or near|relation "|violates|<html/i;

function expectSafeRefusal(name: string, outcome: Outcome, expected: Expectation = {}) {
  const context = `${name}: HTTP ${outcome.status} ${outcome.text.slice(0, 400)}`;
  expect({ context, status: outcome.status < 500 }).toEqual({ context, status: true });
  expect({ context, leak: LEAKS.test(outcome.text) }).toEqual({ context, leak: false });
  const errors = outcome.body?.errors ?? [];
  const codes = errors.map((error) => error.extensions?.code);
  // Every error carries a stable code, and none is an internal error in disguise.
  expect({
    context,
    codes: codes.every((code) => typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR'),
  }).toEqual({
    context,
    codes: true,
  });
  if (expected.status !== undefined) {
    expect({ context, status: outcome.status }).toEqual({ context, status: expected.status });
  }
  if (expected.code !== undefined) expect({ context, code: codes[0] }).toEqual({ context, code: expected.code });
  const refused = outcome.status >= 400 || errors.length > 0;
  if (!refused) {
    // Served: only acceptable where the case allows an empty answer (an injection string that
    // matched nothing), and the list must then really be empty: the string did not widen the query.
    const list = expected.orEmpty?.(outcome.body?.data);
    expect({ context, servedEmpty: Array.isArray(list) && list.length === 0 }).toEqual({ context, servedEmpty: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The stack, the production gateway and the snapshots

const IDP_ISSUER = 'https://idp.hostile.test';
/** The production gateway lets a partner send 6 requests at once, then one every 10 s. */
const PRODUCTION_RATE = { perMinute: 6, burst: 6 };

let stack: Stack;
let production: RunningService;
let idpKey: KeyLike;
let before: TableChecksums;
/** The last row of each database's log of nominative reads before the corpus, by database. */
let auditLogBefore: Record<string, number>;
const tokens: Record<string, string> = {};

const gatewayUrl = () => stack.gateway.url;
const subgraphUrlOf = (name: string) => stack.subgraphs.find((subgraph) => subgraph.name === name)!.service.url;
const databases = () => {
  const { serverUrl } = harnessEnvironment();
  return stack.subgraphs.map((subgraph) => ({ name: subgraph.name, url: withDatabase(serverUrl, subgraph.database) }));
};

beforeAll(async () => {
  stack = await startStack({ label: 'hostile', referenceDate: TEST_REFERENCE_DATE, demands: 50 });
  const idp = await generateKeyPair('ES256', { extractable: true });
  idpKey = idp.privateKey;
  const gatewayKeys = await generateKeyPair('ES256', { extractable: true });
  production = await startService({
    name: 'gateway-production',
    entry: 'gateway/dist/main.js',
    portVariable: 'GATEWAY_PORT',
    env: {
      NODE_ENV: 'production',
      AUTH_PUBLIC_KEY: await exportSPKI(idp.publicKey),
      AUTH_ISSUERS: IDP_ISSUER,
      // Its own key: the subgraphs (development key) would refuse its assertions; the probes
      // below never need a subgraph.
      GATEWAY_SIGNING_KEY: await exportPKCS8(gatewayKeys.privateKey),
      INTROSPECTION: 'true',
      RATE_LIMIT_PER_MINUTE: String(PRODUCTION_RATE.perMinute),
      RATE_LIMIT_BURST: String(PRODUCTION_RATE.burst),
      ...Object.fromEntries(subgraphLayouts().map((layout) => [`${layout.envPrefix}_URL`, subgraphUrlOf(layout.name)])),
    },
  });
  for (const slug of ['prefecture-nord', 'mel']) tokens[slug] = await demoToken(slug);
  before = await tableChecksums(databases());
  auditLogBefore = await auditLogPositions();
}, 90_000);

/** The checksums but the log of nominative reads, which legitimate reads append to. */
const withoutAuditLog = (checksums: TableChecksums) =>
  Object.fromEntries(Object.entries(checksums).filter(([table]) => !table.endsWith('.nominative_read')));

async function queryDatabase(url: string, sql: string, parameters: unknown[] = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}

async function auditLogPositions(): Promise<Record<string, number>> {
  const positions: Record<string, number> = {};
  for (const database of databases()) {
    const [row] = await queryDatabase(database.url, `SELECT coalesce(max(id), 0)::int AS last FROM nominative_read`);
    positions[database.name] = row!.last as number;
  }
  return positions;
}

afterAll(async () => {
  if (production) await terminate(production.child, 5_000);
  await stack?.stop();
});

// ---------------------------------------------------------------------------------------------
// Tokens: caller tokens (gateway) and identity assertions (subgraphs)

const now = () => Math.floor(Date.now() / 1000);
const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
const CLAIMS = { partner: 'mel', kind: 'EPCI', territories: ['200093201'], scopes: [] };

async function callerToken(
  key: KeyLike | Uint8Array,
  options: { alg?: string; issuer?: string; audience?: string; expiresAt?: number; claims?: object } = {},
) {
  return new SignJWT({ ...CLAIMS, ...options.claims })
    .setProtectedHeader({ alg: options.alg ?? 'ES256' })
    .setSubject('mel:probe')
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? 'passerelle')
    .setIssuedAt(now() - 60)
    .setExpirationTime(options.expiresAt ?? now() + 600)
    .sign(key);
}
const devCallerKey = () => importPrivateKey(readDevKeyPem('caller-dev', 'private'));
const unsignedToken = (claims: object) => `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A household-data query: anonymous gets FORBIDDEN, a valid partner gets rows. */
const HOUSEHOLD_QUERY = { query: '{ demands(first: 2) { edges { node { nur applicant { familyName } } } } }' };
const PROBE_BODY = JSON.stringify({ query: '{ __typename }' });

// ---------------------------------------------------------------------------------------------
// Cases generated from the committed subgraph schemas: every filter argument of every top-level
// list, and every lookup by id, of every subgraph.

const INJECTION = "59350' OR 1=1--";

interface SchemaProbe {
  name: string;
  operation: { query: string; variables: Record<string, unknown> };
  /** Where the list asked for is in `data`, for "served, but empty". */
  list?: (data: any) => unknown[] | undefined;
}

function schemaProbes(): SchemaProbe[] {
  const probes: SchemaProbe[] = [];
  for (const layout of subgraphLayouts()) {
    const document = parse(readFileSync(path.join(REPOSITORY_ROOT, layout.schemaFile), 'utf8'));
    const objects = new Map<string, ObjectTypeDefinitionNode>();
    const inputs = new Map<string, InputObjectTypeDefinitionNode>();
    const queryFields: FieldDefinitionNode[] = [];
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) {
        if (definition.name.value === 'Query') queryFields.push(...(definition.fields ?? []));
        else if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) objects.set(definition.name.value, definition);
      }
      if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) inputs.set(definition.name.value, definition);
    }
    for (const field of queryFields) {
      const name = field.name.value;
      const args = field.arguments ?? [];
      const filter = args.find((argument) => argument.name.value === 'filter');
      const hasFirst = args.some((argument) => argument.name.value === 'first');
      const returned = namedType(field.type);
      const isConnection = objects.get(returned)?.fields?.some((candidate) => candidate.name.value === 'edges');
      const selection = isConnection ? 'edges { __typename }' : '__typename';
      const list = (data: any) => {
        const value = data?.[name];
        return isConnection ? value?.edges : Array.isArray(value) ? value : undefined;
      };
      for (const inputField of filter ? (inputs.get(namedType(filter.type))?.fields ?? []) : []) {
        const type = print(inputField.type).replace(/!$/, '');
        const value = inputField.type.kind === Kind.LIST_TYPE || type.startsWith('[') ? [INJECTION] : INJECTION;
        probes.push({
          name: `${layout.name}: ${name}(filter: { ${inputField.name.value}: ${JSON.stringify(value)} })`,
          operation: {
            query: `query Probe($value: ${type}) { ${name}(${hasFirst ? 'first: 5, ' : ''}filter: { ${inputField.name.value}: $value }) { ${selection} } }`,
            variables: { value },
          },
          list,
        });
      }
      // Lookups by one identifier (an id, a territory code): an injection string and a malformed id.
      const [key] = args;
      const keyType = key && namedType(key.type);
      if (args.length === 1 && (keyType === 'ID' || keyType === 'String')) {
        for (const value of ["1' OR '1'='1", 'not-a-uuid']) {
          probes.push({
            name: `${layout.name}: ${name}(${key!.name.value}: ${JSON.stringify(value)})`,
            operation: {
              query: `query Probe($key: ${keyType}!) { ${name}(${key!.name.value}: $key) { __typename } }`,
              variables: { key: value },
            },
            list: (data: any) => (data?.[name] === null ? [] : Array.isArray(data?.[name]) ? data[name] : undefined),
          });
        }
      }
    }
  }
  return probes;
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

const SCHEMA_PROBES = schemaProbes();

// ---------------------------------------------------------------------------------------------
// Cases written by hand: the HTTP layer, the query language, sizes, tokens.

interface GatewayCase {
  name: string;
  send: () => Promise<Outcome>;
  expected?: Expectation;
}

const nestedDemands = (levels: number) =>
  `{ demands(first: 1) { edges { node { ${'proposals(first: 1) { demand { '.repeat(levels)}nur${' } }'.repeat(levels)} } } } }`;
/** Fragments spread `width` times per level, `levels` deep, each over pages of 100. */
const fragmentBomb = (levels: number, width: number) => {
  const fragments = Array.from(
    { length: levels },
    (_, level) =>
      `fragment F${level} on Demand { ${Array.from({ length: width }, (_, i) => `p${i}: proposals(first: 100) { demand { ...F${level + 1} } }`).join(' ')} }`,
  ).join(' ');
  return `{ demands(first: 100) { edges { node { ...F0 } } } } ${fragments} fragment F${levels} on Demand { nur }`;
};

const GATEWAY_CASES: GatewayCase[] = [
  // The HTTP layer
  {
    name: 'malformed JSON',
    send: () => post(gatewayUrl(), '{"query": "{ __typename }"'),
    expected: { status: 400, code: 'BAD_REQUEST' },
  },
  { name: 'JSON null body', send: () => post(gatewayUrl(), 'null'), expected: { status: 400, code: 'BAD_REQUEST' } },
  {
    name: 'JSON string body',
    send: () => post(gatewayUrl(), '"{ __typename }"'),
    expected: { status: 400, code: 'BAD_REQUEST' },
  },
  { name: 'empty JSON object', send: () => post(gatewayUrl(), '{}'), expected: { status: 400 } },
  { name: 'query that is not a string', send: () => post(gatewayUrl(), { query: 42 }), expected: { status: 400 } },
  {
    name: 'variables that are not an object',
    send: () => post(gatewayUrl(), { query: '{ __typename }', variables: 'x' }),
    expected: { status: 400 },
  },
  {
    name: 'batched array request',
    send: () => post(gatewayUrl(), [{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    expected: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'text/plain body (CSRF: a simple request)',
    send: () => send(gatewayUrl(), { headers: { 'content-type': 'text/plain' }, body: PROBE_BODY }),
    expected: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'text/plain body with the preflight header',
    send: () =>
      send(gatewayUrl(), {
        headers: { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' },
        body: PROBE_BODY,
      }),
    expected: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'HTML form body',
    send: () =>
      send(gatewayUrl(), {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'query=%7B__typename%7D',
      }),
    expected: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'multipart form body',
    send: () => {
      const form = new FormData();
      form.append('query', '{ __typename }');
      return send(gatewayUrl(), { body: form });
    },
    expected: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'application/graphql body',
    send: () => send(gatewayUrl(), { headers: { 'content-type': 'application/graphql' }, body: '{ __typename }' }),
    expected: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'JSON in an unsupported charset',
    send: () =>
      send(gatewayUrl(), { headers: { 'content-type': 'application/json; charset=latin1' }, body: PROBE_BODY }),
    expected: { status: 415, code: 'BAD_REQUEST' },
  },
  {
    name: 'gzip content-encoding that is not gzip',
    send: () => send(gatewayUrl(), { headers: json({ 'content-encoding': 'gzip' }), body: PROBE_BODY }),
    expected: { code: 'BAD_REQUEST' },
  },
  {
    name: 'GET without the CSRF preflight header',
    send: () => send(`${gatewayUrl()}?query=${encodeURIComponent('{ __typename }')}`, { method: 'GET' }),
    expected: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'GET mutation',
    send: () =>
      send(
        `${gatewayUrl()}?query=${encodeURIComponent('mutation { radiateDemand(id: "x", motive: LEASE_SIGNED, expectedVersion: 1) { id } }')}`,
        { method: 'GET', headers: { 'apollo-require-preflight': 'true', ...bearer(tokens['prefecture-nord']!) } },
      ),
    expected: { status: 405 },
  },
  {
    name: 'PUT',
    send: () => send(gatewayUrl(), { method: 'PUT', headers: json(), body: PROBE_BODY }),
    expected: { status: 405 },
  },
  {
    name: 'oversized body (300 kB)',
    send: () => post(gatewayUrl(), { query: '{ __typename }', variables: { padding: 'x'.repeat(300_000) } }),
    expected: { status: 413, code: 'REQUEST_TOO_LARGE' },
  },
  {
    name: 'oversized body announced by Content-Length only (chunked, 2 MB)',
    send: () =>
      send(gatewayUrl(), {
        headers: json(),
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < 32; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(65_536)));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit),
    expected: { status: 413, code: 'REQUEST_TOO_LARGE' },
  },

  // The query language
  {
    name: 'malformed GraphQL',
    send: () => post(gatewayUrl(), { query: '{ demands(first: ) { edges } ' }),
    expected: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  },
  {
    name: 'unterminated string in GraphQL',
    send: () => post(gatewayUrl(), { query: '{ territory(code: "59350) { name } }' }),
    expected: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  },
  {
    name: 'unknown operation name',
    send: () => post(gatewayUrl(), { query: 'query A { __typename }', operationName: 'B' }),
    expected: { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
  },
  {
    name: 'two operations and no operation name',
    send: () => post(gatewayUrl(), { query: 'query A { __typename } query B { __typename }' }),
    expected: { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
  },
  {
    name: 'subscription',
    send: () => post(gatewayUrl(), { query: 'subscription { __typename }' }),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'depth bomb (valid fields, 14 levels)',
    send: () => post(gatewayUrl(), { query: nestedDemands(5) }, bearer(tokens.mel!)),
    expected: { status: 400, code: 'QUERY_TOO_DEEP' },
  },
  {
    name: 'depth bomb (3 000 nested braces)',
    send: () => post(gatewayUrl(), { query: `{ ${'a { '.repeat(3_000)}b${' }'.repeat(3_000)} }` }),
    expected: { status: 400 },
  },
  {
    name: 'alias bomb (40 aliased lists)',
    send: () =>
      post(gatewayUrl(), {
        query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: demands(first: 100) { totalCount }`).join(' ')} }`,
      }),
    expected: { status: 400, code: 'TOO_MANY_ALIASES' },
  },
  {
    name: 'alias bomb (1 500 aliases of one field)',
    send: () => post(gatewayUrl(), { query: `{ ${'a: __typename '.repeat(1_500)}}` }),
    expected: { status: 400, code: 'TOO_MANY_ALIASES' },
  },
  {
    name: 'fragment cycle',
    send: () =>
      post(gatewayUrl(), {
        query:
          '{ demands(first: 1) { edges { node { ...A } } } } fragment A on Demand { proposals { demand { ...B } } } fragment B on Demand { proposals { demand { ...A } } }',
      }),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'fragment bomb (3^8 expansion × pages of 100, 20 levels deep)',
    send: () => post(gatewayUrl(), { query: fragmentBomb(8, 3) }, bearer(tokens.mel!)),
    expected: { status: 400, code: 'QUERY_TOO_DEEP' },
  },
  {
    name: 'fragment bomb within the depth and alias limits (5^4 expansion × pages of 100)',
    send: () => post(gatewayUrl(), { query: fragmentBomb(4, 5) }, bearer(tokens.mel!)),
    expected: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'directive bomb (2 000 repeated @skip)',
    send: () => post(gatewayUrl(), { query: `{ __typename ${'@skip(if: false) '.repeat(2_000)}}` }),
    expected: { status: 400, code: 'QUERY_TOO_LARGE' },
  },
  {
    name: 'directive bomb (1 500 unknown directives)',
    send: () => post(gatewayUrl(), { query: `{ __typename ${'@x '.repeat(1_500)}}` }),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'token bomb (a query of 20 000 tokens)',
    send: () => post(gatewayUrl(), { query: `{ ${'a '.repeat(20_000)}}` }),
    expected: { status: 400, code: 'QUERY_TOO_LARGE' },
  },
  {
    name: 'cost bomb (three nested pages of 100)',
    send: () =>
      post(
        gatewayUrl(),
        {
          query:
            '{ demands(first: 100) { edges { node { proposals(first: 100) { vacancy { calDecisions(first: 100) { rank } } } } } } }',
        },
        bearer(tokens.mel!),
      ),
    expected: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'introspection cycle',
    send: () =>
      post(gatewayUrl(), {
        query: '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
      }),
    // graphql-js's own rule (MaxIntrospectionDepthRule) refuses it, within our depth limit.
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'invalid enum value (literal)',
    send: () => post(gatewayUrl(), { query: '{ demands(first: 1, filter: { status: DROP_TABLE }) { totalCount } }' }),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'invalid enum value (variable)',
    send: () =>
      post(gatewayUrl(), {
        query: 'query($s: DemandStatus) { demands(first: 1, filter: { status: $s }) { totalCount } }',
        variables: { s: "ACTIVE' OR 1=1--" },
      }),
    expected: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'Int overflow in first',
    send: () => post(gatewayUrl(), { query: '{ demands(first: 99999999999) { totalCount } }' }),
    expected: { status: 400 },
  },
  {
    name: 'negative first',
    send: () =>
      post(gatewayUrl(), { query: '{ demands(first: -1) { totalCount } }' }, bearer(tokens['prefecture-nord']!)),
  },
  {
    name: 'first above the page maximum',
    send: () =>
      post(gatewayUrl(), { query: '{ demands(first: 101) { totalCount } }' }, bearer(tokens['prefecture-nord']!)),
  },
  {
    name: 'forged cursor',
    send: () =>
      post(
        gatewayUrl(),
        {
          query: `{ demands(first: 1, after: "${Buffer.from("' OR 1=1--").toString('base64')}") { edges { cursor } } }`,
        },
        bearer(tokens['prefecture-nord']!),
      ),
    expected: { orEmpty: (data) => data?.demands?.edges },
  },

  // Sizes of values
  {
    name: 'huge string variable (80 kB)',
    send: () =>
      post(gatewayUrl(), {
        query: 'query($c: String) { territory(code: $c) { name } }',
        variables: { c: 'x'.repeat(80_000) },
      }),
    expected: { status: 400, code: 'VARIABLES_TOO_LARGE' },
  },
  {
    name: 'huge list variable (20 000 items)',
    send: () =>
      post(gatewayUrl(), {
        query: 'query($k: [DemandAlertKind!]) { demandAlerts(first: 1, filter: { kinds: $k }) { totalCount } }',
        variables: { k: Array.from({ length: 20_000 }, () => 'X') },
      }),
    expected: { status: 400, code: 'VARIABLES_TOO_LARGE' },
  },
  {
    name: 'long list variable within the size limits (3 000 invalid items)',
    send: () =>
      post(gatewayUrl(), {
        query: 'query($k: [DemandAlertKind!]) { demandAlerts(first: 1, filter: { kinds: $k }) { totalCount } }',
        variables: { k: Array.from({ length: 3_000 }, (_, i) => `K${i}`) },
      }),
    expected: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'deeply nested variable (10 000 levels)',
    send: () =>
      post(
        gatewayUrl(),
        `{"query":"query($k: [DemandAlertKind!]) { demandAlerts(first: 1, filter: { kinds: $k }) { totalCount } }","variables":{"k":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`,
      ),
    expected: { status: 400 },
  },
  {
    name: 'NUL byte in a filter string',
    send: () =>
      post(
        gatewayUrl(),
        {
          query: 'query($c: String) { dwellings(first: 1, filter: { commune: $c }) { edges { __typename } } }',
          variables: { c: '59350\u0000' },
        },
        bearer(tokens['prefecture-nord']!),
      ),
    expected: { orEmpty: (data) => data?.dwellings?.edges },
  },
  {
    name: 'lone surrogate in a filter string',
    send: () =>
      post(
        gatewayUrl(),
        '{"query":"query($c: String) { demands(first: 1, filter: { wishedCommune: $c }) { edges { __typename } } }","variables":{"c":"\\ud800"}}',
        bearer(tokens['prefecture-nord']!),
      ),
    expected: { orEmpty: (data) => data?.demands?.edges },
  },
  {
    name: 'mutation with injection strings, anonymous',
    send: () =>
      post(gatewayUrl(), {
        query: 'mutation($i: DemandEventInput!) { recordDemandEvent(input: $i) { id } }',
        variables: {
          i: {
            demandId: "1' OR 1=1--",
            idempotencyKey: "'; DROP TABLE demand;--",
            type: 'RECTIFIED',
            detail: INJECTION,
          },
        },
      }),
  },
  {
    name: 'mutation with injection strings, as a partner',
    send: () =>
      post(
        gatewayUrl(),
        {
          query: 'mutation($i: DemandEventInput!) { recordDemandEvent(input: $i) { id } }',
          variables: {
            i: {
              demandId: "1' OR 1=1--",
              idempotencyKey: "'; DROP TABLE demand;--",
              type: 'RECTIFIED',
              detail: INJECTION,
            },
          },
        },
        bearer(tokens['prefecture-nord']!),
      ),
  },

  // Caller tokens
  {
    name: 'forged token (another key)',
    send: async () =>
      post(gatewayUrl(), HOUSEHOLD_QUERY, bearer(await callerToken((await generateKeyPair('ES256')).privateKey))),
    expected: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'expired token',
    send: async () =>
      post(gatewayUrl(), HOUSEHOLD_QUERY, bearer(await callerToken(await devCallerKey(), { expiresAt: now() - 60 }))),
    expected: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'alg: none token',
    send: () =>
      post(
        gatewayUrl(),
        HOUSEHOLD_QUERY,
        bearer(unsignedToken({ ...CLAIMS, sub: 'x', iss: DEV_ISSUER, aud: 'passerelle', exp: now() + 600 })),
      ),
    expected: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'wrong-audience token',
    send: async () =>
      post(gatewayUrl(), HOUSEHOLD_QUERY, bearer(await callerToken(await devCallerKey(), { audience: 'another-hub' }))),
    expected: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'wrong-issuer token',
    send: async () =>
      post(
        gatewayUrl(),
        HOUSEHOLD_QUERY,
        bearer(await callerToken(await devCallerKey(), { issuer: 'https://evil.example' })),
      ),
    expected: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'token with forged claims (unknown kind)',
    send: async () =>
      post(
        gatewayUrl(),
        HOUSEHOLD_QUERY,
        bearer(await callerToken(await devCallerKey(), { claims: { kind: 'ROOT' } })),
      ),
    expected: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'Basic authorization',
    send: () => post(gatewayUrl(), HOUSEHOLD_QUERY, { authorization: 'Basic bWVsOm1lbA==' }),
    expected: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'huge authorization header (12 kB)',
    send: () => post(gatewayUrl(), HOUSEHOLD_QUERY, bearer('a'.repeat(12_000))),
    expected: { status: 401 },
  },
  {
    name: 'an identity assertion sent to the gateway (impersonation)',
    send: async () =>
      post(gatewayUrl(), HOUSEHOLD_QUERY, {
        [IDENTITY_HEADER]: await gatewayAssertion({
          viewer: demoViewer('prefecture-nord'),
          audience: 'demands',
          body: JSON.stringify(HOUSEHOLD_QUERY),
        }),
      }),
    // Ignored: the caller stays anonymous, and anonymous callers get no household data.
    expected: { code: 'FORBIDDEN' },
  },
];

// ---------------------------------------------------------------------------------------------
// The production gateway: production tokens, introspection and suggestions, the rate limit

const PRODUCTION_CASES: GatewayCase[] = [
  {
    name: 'development token in production',
    send: async () => post(production.url, { query: '{ __typename }' }, bearer(await demoToken('mel'))),
    expected: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'token signed with the development key under the production issuer',
    send: async () =>
      post(
        production.url,
        { query: '{ __typename }' },
        bearer(await callerToken(await devCallerKey(), { issuer: IDP_ISSUER })),
      ),
    expected: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'HS256 token keyed with the public key (algorithm confusion)',
    send: async () =>
      post(
        production.url,
        { query: '{ __typename }' },
        bearer(await callerToken(new TextEncoder().encode('secret'), { alg: 'HS256', issuer: IDP_ISSUER })),
      ),
    expected: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'introspection by an anonymous caller in production',
    send: () => post(production.url, { query: '{ __schema { queryType { name } } }' }),
    expected: { status: 400, code: 'INTROSPECTION_DISABLED' },
  },
  {
    name: 'field suggestions for an anonymous caller in production',
    send: () => post(production.url, { query: '{ demands(first: 1) { edges { node { nurr } } } }' }),
    expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
];

// ---------------------------------------------------------------------------------------------
// Straight to each subgraph: identity assertions forged, tampered, replayed, missing

interface SubgraphCase {
  name: string;
  /** The assertion and body to send, for `audience`. */
  forge: (audience: string) => Promise<{ assertion?: string; body?: string }>;
}

const validAssertion = (audience: string, body = PROBE_BODY) =>
  gatewayAssertion({ viewer: demoViewer('prefecture-nord'), audience, body });

const SUBGRAPH_CASES: SubgraphCase[] = [
  { name: 'missing assertion', forge: async () => ({}) },
  {
    name: 'tampered assertion (claims changed, signature kept)',
    forge: async (audience) => {
      const [header, payload, signature] = (await validAssertion(audience)).split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
      return {
        assertion: [header, encode({ ...claims, kind: 'AUDITOR', territories: ['59', '62'] }), signature].join('.'),
      };
    },
  },
  {
    name: 'tampered assertion (signature altered)',
    forge: async (audience) => {
      const token = await validAssertion(audience);
      const last = token.at(-2) === 'A' ? 'B' : 'A';
      return { assertion: `${token.slice(0, -2)}${last}${token.at(-1)}` };
    },
  },
  {
    name: 'assertion replayed with another body',
    forge: async (audience) => ({
      assertion: await validAssertion(audience),
      body: JSON.stringify({ query: '{ __typename __schema { queryType { name } } }' }),
    }),
  },
  {
    name: 'assertion for another subgraph',
    forge: async (audience) => ({ assertion: await validAssertion(audience === 'demands' ? 'offers' : 'demands') }),
  },
  {
    name: 'assertion signed by a foreign key',
    forge: async (audience) => ({
      assertion: await new SignJWT({ kind: 'ANONYMOUS', bh: bodyHash(PROBE_BODY) })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer(ASSERTION_ISSUER)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('30s')
        .setJti(`foreign-${Math.random()}`)
        .sign((await generateKeyPair('ES256')).privateKey),
    }),
  },
  {
    name: 'alg: none assertion',
    forge: async (audience) => ({
      assertion: unsignedToken({
        kind: 'ANONYMOUS',
        bh: bodyHash(PROBE_BODY),
        iss: ASSERTION_ISSUER,
        aud: audience,
        iat: now(),
        exp: now() + 30,
        jti: `none-${Math.random()}`,
      }),
    }),
  },
  {
    name: 'expired assertion',
    forge: async (audience) => ({
      assertion: await craftedAssertion({ audience, body: PROBE_BODY, issuedAt: now() - 120, expiresAt: now() - 60 }),
    }),
  },
  {
    name: 'assertion living longer than 60 s',
    forge: async (audience) => ({
      assertion: await craftedAssertion({ audience, body: PROBE_BODY, issuedAt: now(), expiresAt: now() + 3_600 }),
    }),
  },
  {
    name: 'caller token instead of an assertion',
    forge: async () => ({ assertion: await demoToken('prefecture-nord') }),
  },
];

const SUBGRAPH_NAMES = subgraphLayouts().map((layout) => layout.name);
const sendToSubgraph = (name: string, assertion: string | undefined, body = PROBE_BODY) =>
  send(subgraphUrlOf(name), { headers: json(assertion ? { [IDENTITY_HEADER]: assertion } : {}), body });

// ---------------------------------------------------------------------------------------------

describe('the hostile corpus', () => {
  it('has at least 40 hostile requests', () => {
    const total =
      GATEWAY_CASES.length +
      SCHEMA_PROBES.length +
      PRODUCTION_CASES.length +
      SUBGRAPH_NAMES.length * (SUBGRAPH_CASES.length + 3) +
      1;
    console.log(
      `Hostile corpus: ${GATEWAY_CASES.length} gateway cases, ${SCHEMA_PROBES.length} injection and id probes from the schemas, ` +
        `${PRODUCTION_CASES.length} production-gateway cases, ${SUBGRAPH_NAMES.length} × ${SUBGRAPH_CASES.length + 3} subgraph cases, 1 rate-limit burst: ${total} in all.`,
    );
    expect(total).toBeGreaterThanOrEqual(40);
    // Every subgraph contributes filter probes: the generator found its lists.
    for (const name of ['demands', 'offers', 'accompaniment', 'governance']) {
      expect(SCHEMA_PROBES.filter((probe) => probe.name.startsWith(`${name}:`)).length).toBeGreaterThan(0);
    }
  });

  it('the allowed twin: a normal query through the same gateway returns household data', async () => {
    const outcome = await post(gatewayUrl(), HOUSEHOLD_QUERY, bearer(tokens['prefecture-nord']!));
    expect(outcome.status).toBe(200);
    expect(outcome.body?.errors).toBeUndefined();
    expect(outcome.body?.data.demands.edges).toHaveLength(2);
  });

  it.each(GATEWAY_CASES.map((hostile) => [hostile.name, hostile] as const))('gateway: %s', async (name, hostile) => {
    expectSafeRefusal(name, await hostile.send(), hostile.expected);
  });

  // Two partners with wide access share the probes, each well within its rate burst.
  it.each(SCHEMA_PROBES.map((probe, index) => [probe.name, probe, index] as const))(
    '%s',
    async (name, probe, index) => {
      const outcome = await post(gatewayUrl(), probe.operation, bearer(tokens[index % 2 ? 'mel' : 'prefecture-nord']!));
      expectSafeRefusal(name, outcome, { orEmpty: probe.list });
    },
  );

  it.each(PRODUCTION_CASES.map((hostile) => [hostile.name, hostile] as const))(
    'production gateway: %s',
    async (name, hostile) => {
      const outcome = await hostile.send();
      expectSafeRefusal(name, outcome, hostile.expected);
      expect(outcome.text).not.toMatch(/Did you mean/);
    },
  );

  it('production gateway: introspection and suggestions stay open to analysts (the allowed twin)', async () => {
    const analyst = bearer(
      await callerToken(idpKey, {
        issuer: IDP_ISSUER,
        claims: { partner: 'observatoire-test', kind: 'ANALYST', territories: ['59'] },
      }),
    );
    const introspection = await post(production.url, { query: '{ __schema { queryType { name } } }' }, analyst);
    expect(introspection.status).toBe(200);
    expect(introspection.body?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typo = await post(production.url, { query: '{ demands(first: 1) { edges { node { nurr } } } }' }, analyst);
    expect(typo.body?.errors?.[0]?.message).toMatch(/Did you mean "nur"\?/);
  });

  it('production gateway: a burst over the rate limit gets 429 RATE_LIMITED with Retry-After', async () => {
    const partner = bearer(
      await callerToken(idpKey, { issuer: IDP_ISSUER, claims: { partner: 'burst-test', kind: 'EPCI' } }),
    );
    const outcomes = [];
    for (let i = 0; i < PRODUCTION_RATE.burst + 2; i++) {
      outcomes.push(await post(production.url, { query: '{ __typename }' }, partner));
    }
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      ...Array.from({ length: PRODUCTION_RATE.burst }, () => 200),
      429,
      429,
    ]);
    const refused = outcomes.at(-1)!;
    expectSafeRefusal('rate-limit burst', refused, { status: 429, code: 'RATE_LIMITED' });
    // 6 a minute: the next token comes within 10 s.
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    expect((await send(new URL('/health', production.url).href, { method: 'GET' })).status).toBe(200);
  });

  describe.each(SUBGRAPH_NAMES)('straight to the %s subgraph', (name) => {
    it('a valid assertion is served once (the allowed twin), then its replay is refused', async () => {
      const assertion = await validAssertion(name);
      const served = await sendToSubgraph(name, assertion);
      expect(served.status).toBe(200);
      expect(served.body?.data).toEqual({ __typename: 'Query' });
      const replayed = await sendToSubgraph(name, assertion);
      expectSafeRefusal(`${name}: replayed assertion`, replayed, { status: 401, code: 'UNAUTHENTICATED' });
    });

    it.each(SUBGRAPH_CASES.map((hostile) => [hostile.name, hostile] as const))(
      '%s → 401',
      async (caseName, hostile) => {
        const { assertion, body } = await hostile.forge(name);
        expectSafeRefusal(`${name}: ${caseName}`, await sendToSubgraph(name, assertion, body), {
          status: 401,
          code: 'UNAUTHENTICATED',
        });
      },
    );

    it('malformed JSON and an oversized body are refused before any assertion check, in JSON', async () => {
      expectSafeRefusal(`${name}: malformed JSON`, await sendToSubgraph(name, undefined, '{"query":'), {
        status: 400,
        code: 'BAD_REQUEST',
      });
      expectSafeRefusal(
        `${name}: oversized body`,
        await sendToSubgraph(
          name,
          undefined,
          JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(600_000) }),
        ),
        { status: 413, code: 'REQUEST_TOO_LARGE' },
      );
    });
  });

  describe('afterwards', () => {
    it('every service still answers /health, and a normal query still works', async () => {
      for (const service of [stack.gateway, ...stack.subgraphs.map((subgraph) => subgraph.service), production]) {
        const health = await send(new URL('/health', service.url).href, { method: 'GET' });
        expect({ service: service.name, status: health.status }).toEqual({ service: service.name, status: 200 });
        expect(service.child.exitCode).toBeNull();
      }
      const outcome = await post(gatewayUrl(), HOUSEHOLD_QUERY, bearer(tokens['prefecture-nord']!));
      expect(outcome.status).toBe(200);
      expect(outcome.body?.data.demands.edges).toHaveLength(2);
    });

    it('no table of the four databases changed but the audit log: same row counts, same checksums', async () => {
      const after = await tableChecksums(databases());
      expect(Object.keys(before).length).toBeGreaterThan(10);
      expect(withoutAuditLog(after)).toEqual(withoutAuditLog(before));
    });

    it('the audit log holds only the reads of the legitimate household query: two demands by the State, per time served', async () => {
      const added: Record<string, { request_id: string }[]> = {};
      for (const database of databases()) {
        // The log is written just after each response: wait for the last ones.
        added[database.name] = await eventually(
          () =>
            queryDatabase(
              database.url,
              `SELECT request_id, partner, partner_kind, record_type, fields FROM nominative_read WHERE id > $1 ORDER BY id`,
              [auditLogBefore[database.name]],
            ),
          (rows) => database.name !== 'demands' || rows.length >= 2 * householdQueriesServed,
        );
      }
      expect(householdQueriesServed).toBeGreaterThan(0);
      // Each served household query logged its two demands, nothing else logged anything.
      const read = { partner: 'prefecture-nord', partner_kind: 'STATE', record_type: 'Demand' };
      const byRequest = new Map<string, unknown[]>();
      for (const row of added.demands!) byRequest.set(row.request_id, [...(byRequest.get(row.request_id) ?? []), row]);
      expect(byRequest.size).toBe(householdQueriesServed);
      for (const rows of byRequest.values()) {
        expect(rows).toEqual([
          { ...read, request_id: expect.any(String), fields: ['Demand.applicant', 'Demand.nur'] },
          { ...read, request_id: expect.any(String), fields: ['Demand.applicant', 'Demand.nur'] },
        ]);
      }
      expect({ ...added, demands: [] }).toEqual({ demands: [], offers: [], accompaniment: [], governance: [] });
    });
  });
});
