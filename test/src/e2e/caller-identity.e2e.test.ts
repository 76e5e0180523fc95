import { SignJWT, generateKeyPair } from 'jose';
import { DEV_ISSUER, importPrivateKey, readDevKeyPem } from '@passerelle/shared/identity';
import { demoToken } from '@passerelle/shared/testing';
import { endpoints, postGraphQL } from '../support/endpoints';

/** Callers authenticate at the gateway (ARCHITECTURE.md, identity and trust). */
const QUERY = { query: '{ demands(first: 2) { edges { node { nur applicant { familyName } } } } }' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const payload = { partner: 'mel', kind: 'EPCI', territories: ['200093201'], scopes: [] };

async function devSigned(options: { audience?: string; expiresAt?: number } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('mel:probe')
    .setIssuer(DEV_ISSUER)
    .setAudience(options.audience ?? 'passerelle')
    .setIssuedAt(now - 7200)
    .setExpirationTime(options.expiresAt ?? now + 600)
    .sign(await importPrivateKey(readDevKeyPem('caller-dev', 'private')));
}

describe('caller authentication at the gateway', () => {
  it('serves household data to a valid partner token', async () => {
    const { status, body } = await postGraphQL(endpoints().gateway, QUERY, bearer(await demoToken('mel')));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.demands.edges).toHaveLength(2);
    expect(body.data.demands.edges[0].node.applicant.familyName).toEqual(expect.any(String));
  });

  it('treats a caller without token as anonymous: HTTP 200, household data denied', async () => {
    const { status, body } = await postGraphQL(endpoints().gateway, QUERY);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Errors name the problem, never our code: no stack trace reaches a client.
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|node_modules|\.js:\d+/);
  });

  it('the allowed twin of each probe below passes', async () => {
    const { status, body } = await postGraphQL(endpoints().gateway, QUERY, bearer(await devSigned()));
    expect(status).toBe(200);
    expect(body.data.demands.edges).toHaveLength(2);
  });

  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const probes: [string, () => Promise<string>][] = [
    [
      'forged (signed by another key)',
      async () => {
        const { privateKey } = await generateKeyPair('ES256');
        return new SignJWT(payload)
          .setProtectedHeader({ alg: 'ES256' })
          .setSubject('x')
          .setIssuer(DEV_ISSUER)
          .setAudience('passerelle')
          .setExpirationTime('1h')
          .sign(privateKey);
      },
    ],
    ['expired', () => devSigned({ expiresAt: Math.floor(Date.now() / 1000) - 60 })],
    ['for another audience', () => devSigned({ audience: 'another-hub' })],
    [
      'unsigned (alg: none)',
      async () =>
        `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...payload, sub: 'x', iss: DEV_ISSUER, aud: 'passerelle', exp: 9_999_999_999 })}.`,
    ],
    ['garbage', async () => 'not.a.jwt'],
  ];

  it.each(probes)('refuses a %s token with HTTP 401 UNAUTHENTICATED', async (_name, token) => {
    const { status, body } = await postGraphQL(endpoints().gateway, QUERY, bearer(await token()));
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it('refuses a malformed Authorization header with 401', async () => {
    const { status, body } = await postGraphQL(endpoints().gateway, QUERY, { authorization: 'Basic bWVsOm1lbA==' });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.message).toMatch(/Bearer/);
  });
});
