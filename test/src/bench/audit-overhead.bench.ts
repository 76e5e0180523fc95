import { AuditLogRepository } from '@passerelle/shared/audit';
import type { Viewer } from '@passerelle/shared/identity';
import {
  demoToken,
  demoViewer,
  eventually,
  gatewayAssertion,
  openSeededSubgraph,
  type SeededSubgraph,
} from '@passerelle/shared/testing';
import { createDemandsDataSource } from '@passerelle/demands/dist/src/data-source';
import { seedDemoRegister } from '@passerelle/demands/dist/src/seed/demo-seed';
import { buildDemandsServer } from '@passerelle/demands/dist/src/server';
import { performance } from 'node:perf_hooks';
import { E2E_SEED_DEMANDS } from '../harness/global-setup';
import { endpoints, postGraphQL } from '../support/endpoints';

/**
 * What the log of nominative reads costs a read (issue 8: "logging must not slow reads
 * measurably"). The demands subgraph, seeded, serves a page of demands many times: with their NUR
 * and applicant (every demand of the page is logged), and the same page with the same number of
 * fields that are not nominative (nothing logged). The response time is what a caller waits; the
 * log is written after the response, batched (`AuditLogWriter`), and its statements are timed
 * apart. Goal: the audited page answers within 10 % of the plain one (medians) — most of that
 * being the field policy's checks, not the log — and every read is in the log afterwards.
 *
 * Run with `npm run bench` (prints the figures; fails if the goal is missed).
 */
const ROUNDS = 300;
const WARM_UP = 30;
/** Requests through the gateway: four partners × 80, within their rate bursts. */
const GATEWAY_ROUNDS = 320;
const PAGE = `query Page($first: Int) { demands(first: $first) { edges { node { id nur status applicant { familyName } } } } }`;
const PLAIN = `query Plain($first: Int) { demands(first: $first) { edges { node { id filingDate status household { size } } } } }`;

let subject: SeededSubgraph;
const writes: { ms: number; rows: number }[] = [];

beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'demands',
    createDataSource: createDemandsDataSource,
    seed: seedDemoRegister,
    buildApp: buildDemandsServer,
    demands: 2_000,
  });
  const append = AuditLogRepository.prototype.append;
  AuditLogRepository.prototype.append = async function (...args) {
    const start = performance.now();
    try {
      return await append.apply(this, args);
    } finally {
      writes.push({ ms: performance.now() - start, rows: args[0].length });
    }
  };
}, 120_000);
afterAll(() => subject?.close());

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

/** Time to the response, as the gateway would wait it (the test client also waits for the log: not here). */
async function respond(viewer: Viewer, query: string, variables: Record<string, unknown>) {
  const body = JSON.stringify({ query, variables });
  const headers = {
    'content-type': 'application/json',
    'x-passerelle-identity': await gatewayAssertion({ viewer, audience: 'demands', body }),
  };
  const start = performance.now();
  const response = await fetch(subject.client.url, { method: 'POST', headers, body });
  const answer = (await response.json()) as { errors?: unknown };
  const ms = performance.now() - start;
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return ms;
}

async function timeQueries(query: string, first: number): Promise<number[]> {
  const viewer = demoViewer('mel');
  for (let i = 0; i < WARM_UP; i += 1) await respond(viewer, query, { first });
  writes.length = 0;
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) times.push(await respond(viewer, query, { first }));
  return times;
}

/** The same audited page through the gateway (the end-to-end stack, another register), for context. */
async function timeThroughGateway(first: number): Promise<number[]> {
  // Four partners reading the MEL's demands in turn, each within the gateway's rate burst.
  const partners = ['mel', 'prefecture-nord', 'vilogia', 'lille-metropole-habitat'];
  const headers = await Promise.all(
    partners.map(async (slug) => ({ authorization: `Bearer ${await demoToken(slug)}` })),
  );
  const send = (i: number) =>
    postGraphQL(endpoints().gateway, { query: PAGE, variables: { first } }, headers[i % headers.length]!);
  for (let i = 0; i < WARM_UP; i += 1) await send(i);
  const times: number[] = [];
  for (let i = 0; i < GATEWAY_ROUNDS; i += 1) {
    const start = performance.now();
    const response = await send(i);
    times.push(performance.now() - start);
    if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  }
  return times;
}

const logged = async () => Number((await subject.db.query(`SELECT count(*) AS n FROM nominative_read`))[0].n as string);

it.each([20, 100])(
  'a page of %i demands: the audited read against the plain one',
  async (first) => {
    const plain = await timeQueries(PLAIN, first);
    expect(writes).toHaveLength(0); // nothing nominative, nothing written
    const before = await logged();
    const audited = await timeQueries(PAGE, first);
    // Every read is in the log once the writer is idle (a few milliseconds after the last response);
    // warm-up reads are logged too.
    const expected = before + (ROUNDS + WARM_UP) * first;
    expect(await eventually(logged, (count) => count >= expected, 1_000)).toBe(expected);
    const endToEnd = await timeThroughGateway(first);
    const figures = {
      page: first,
      rounds: ROUNDS,
      'plain page, median ms': median(plain).toFixed(2),
      'audited page, median ms': median(audited).toFixed(2),
      'audited page, p95 ms': percentile95(audited).toFixed(2),
      'audited / plain (medians)': `${((100 * median(audited)) / median(plain) - 100).toFixed(1)} %`,
      'log statements (after the responses)': writes.length,
      'rows per statement, median': median(writes.map((write) => write.rows)),
      'log statement, median ms': median(writes.map((write) => write.ms)).toFixed(2),
      [`through the gateway (end-to-end stack, ${E2E_SEED_DEMANDS} demands), median ms`]: median(endToEnd).toFixed(2),
    };
    console.log(JSON.stringify(figures, null, 2));
    expect(median(audited)).toBeLessThan(1.1 * median(plain));
  },
  300_000,
);
