import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoToken, eventually } from '@passerelle/shared/testing';
import { Client } from 'pg';
import { REPOSITORY_ROOT } from '@passerelle/shared/topology';
import { e2eDatabaseUrl, endpoints, postGraphQL } from '../support/endpoints';

/** The dashboard queries the README shows run without error and return data, as the partner it names. */
const readme = readFileSync(path.join(REPOSITORY_ROOT, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
const PARTNERS = ['mel', 'ville-de-lille', 'vilogia', 'mel', 'dpo-mel'];

describe('README dashboard queries', () => {
  it('are the four dashboard queries and the auditor’s', () => {
    expect(examples).toHaveLength(PARTNERS.length);
  });

  beforeAll(async () => {
    // The auditor's example lists what mel read: make sure mel read something nominative.
    const { body } = await postGraphQL(
      endpoints().gateway,
      { query: '{ demands(first: 1) { edges { node { nur } } } }' },
      { authorization: `Bearer ${await demoToken('mel')}` },
    );
    expect(body.data.demands.edges[0].node.nur).toEqual(expect.any(String));
    // The log is written just after the response: wait until it holds mel's read.
    const sql = new Client({ connectionString: e2eDatabaseUrl('demands') });
    await sql.connect();
    try {
      const logged = await eventually(
        async () => (await sql.query(`SELECT count(*)::int AS n FROM nominative_read WHERE partner = 'mel'`)).rows[0].n,
        (n: number) => n > 0,
      );
      expect(logged).toBeGreaterThan(0);
    } finally {
      await sql.end();
    }
  });

  it.each(examples.map((query, index) => [PARTNERS[index]!, query] as const))('run as %s', async (partner, query) => {
    const { status, body } = await postGraphQL(
      endpoints().gateway,
      { query },
      { authorization: `Bearer ${await demoToken(partner)}` },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const [root] = Object.values(body.data as Record<string, any>);
    expect(root.edges ? root.edges.length : Object.keys(root).length).toBeGreaterThan(0);
  });
});
