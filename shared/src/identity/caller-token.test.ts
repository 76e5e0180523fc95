import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, exportPKCS8, exportSPKI, generateKeyPair, type KeyLike } from 'jose';
import {
  DEV_ISSUER,
  createCallerTokenVerifier,
  gatewayPrivateKey,
  gatewayPublicKey,
  importPrivateKey,
  importPublicKey,
  isDevelopmentKey,
  readDevKeyPem,
  signDevCallerToken,
} from '.';

const claims = { sub: 'mel:alice', partner: 'mel', kind: 'EPCI' as const, territories: ['200093201'], scopes: [] };
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );

async function devSigned(
  payload: Record<string, unknown>,
  options: { issuer?: string; audience?: string; exp?: number | string } = {},
) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('mel:alice')
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? 'passerelle')
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '1h')
    .sign(await importPrivateKey(readDevKeyPem('caller-dev', 'private')));
}

describe('caller token verification (development)', () => {
  const verifier = () => createCallerTokenVerifier({ production: false, issuers: [] });

  it('accepts a development token and returns its claims', async () => {
    const verify = await verifier();
    await expect(verify(await signDevCallerToken(claims, '1h'))).resolves.toEqual(claims);
  });

  it('refuses expired, wrong-audience, forged and unsigned tokens as UNAUTHENTICATED', async () => {
    const verify = await verifier();
    const payload = { partner: 'mel', kind: 'EPCI', territories: ['200093201'], scopes: [] };
    expect(await code(verify(await devSigned(payload, { exp: Math.floor(Date.now() / 1000) - 10 })))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await code(verify(await devSigned(payload, { audience: 'someone-else' })))).toBe('UNAUTHENTICATED');
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('x')
      .setIssuer(DEV_ISSUER)
      .setAudience('passerelle')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await code(verify(forged))).toBe('UNAUTHENTICATED');
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...payload, sub: 'x', iss: DEV_ISSUER, aud: 'passerelle', exp: 9_999_999_999 })}.`;
    expect(await code(verify(unsigned))).toBe('UNAUTHENTICATED');
    expect(await code(verify('not-a-jwt'))).toBe('UNAUTHENTICATED');
    // The allowed twin: the same payload, correctly signed, passes.
    expect(await code(verify(await devSigned(payload)))).toBe('accepted');
  });

  it('refuses a token without the Passerelle claims', async () => {
    const verify = await verifier();
    expect(await code(verify(await devSigned({ partner: 'mel', kind: 'MAYOR' })))).toBe('UNAUTHENTICATED');
  });
});

describe('caller token verification (production)', () => {
  it('refuses development tokens: the development key cannot even be configured', async () => {
    await expect(
      createCallerTokenVerifier({
        production: true,
        issuers: ['https://idp.example', DEV_ISSUER],
        publicKeyPem: readDevKeyPem('caller-dev', 'public'),
      }),
    ).rejects.toThrow(/development key/);
    const { publicKey } = await generateKeyPair('ES256');
    const verify = await createCallerTokenVerifier({
      production: true,
      issuers: ['https://idp.example', DEV_ISSUER],
      publicKeyPem: await exportSPKI(publicKey),
    });
    expect(await code(verify(await signDevCallerToken(claims, '1h')))).toBe('UNAUTHENTICATED');
  });

  it('accepts a token from a configured issuer and key', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const verify = await createCallerTokenVerifier({
      production: true,
      issuers: ['https://idp.example'],
      publicKeyPem: await exportSPKI(publicKey),
    });
    const token = await new SignJWT({ partner: 'mel', kind: 'EPCI', territories: ['200093201'], scopes: [] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('mel:alice')
      .setIssuer('https://idp.example')
      .setAudience('passerelle')
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(verify(token)).resolves.toEqual(claims);
  });

  it('will not start without a key source or an issuer', async () => {
    await expect(createCallerTokenVerifier({ production: true, issuers: ['https://idp.example'] })).rejects.toThrow(
      /AUTH_JWKS_URL or AUTH_PUBLIC_KEY/,
    );
    await expect(
      createCallerTokenVerifier({
        production: true,
        issuers: [DEV_ISSUER],
        publicKeyPem: readDevKeyPem('caller-dev', 'public'),
      }),
    ).rejects.toThrow(/AUTH_ISSUERS/);
  });
});

describe('caller token verification (production hardening)', () => {
  const ISSUER = 'https://idp.example';
  const payload = { partner: 'mel', kind: 'EPCI', territories: ['200093201'], scopes: [] };
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const now = () => Math.floor(Date.now() / 1000);

  /** A token as the identity provider would sign it; each option breaks one property. */
  async function idpToken(
    key: KeyLike,
    options: { alg?: string; issuer?: string; audience?: string; expiresAt?: number | null } = {},
  ) {
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: options.alg ?? 'ES256' })
      .setSubject('mel:alice')
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? 'passerelle')
      .setIssuedAt();
    if (options.expiresAt !== null) jwt.setExpirationTime(options.expiresAt ?? now() + 300);
    return jwt.sign(key);
  }

  let idp: { privateKey: KeyLike; publicKey: KeyLike };
  let verify: (token: string) => Promise<unknown>;
  beforeAll(async () => {
    idp = await generateKeyPair('ES256');
    verify = await createCallerTokenVerifier({
      production: true,
      issuers: [ISSUER],
      publicKeyPem: await exportSPKI(idp.publicKey),
    });
  });

  it('accepts a token of the configured issuer, key and audience (the allowed twin)', async () => {
    expect(await code(verify(await idpToken(idp.privateKey)))).toBe('accepted');
  });

  it.each([
    ['forged (signed by another key)', async () => idpToken((await generateKeyPair('ES256')).privateKey)],
    ['expired', async () => idpToken(idp.privateKey, { expiresAt: now() - 60 })],
    ['without expiry', async () => idpToken(idp.privateKey, { expiresAt: null })],
    ['for another audience', async () => idpToken(idp.privateKey, { audience: 'another-hub' })],
    ['from another issuer', async () => idpToken(idp.privateKey, { issuer: 'https://evil.example' })],
    ['from the development issuer', async () => idpToken(idp.privateKey, { issuer: DEV_ISSUER })],
    [
      'unsigned (alg: none)',
      async () =>
        `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...payload, sub: 'x', iss: ISSUER, aud: 'passerelle', exp: now() + 300 })}.`,
    ],
    [
      'HS256 keyed with the public key (algorithm confusion)',
      async () =>
        idpToken(new TextEncoder().encode(await exportSPKI(idp.publicKey)) as unknown as KeyLike, { alg: 'HS256' }),
    ],
    ['a development token', async () => signDevCallerToken({ sub: 'mel:alice', ...payload, kind: 'EPCI' }, '1h')],
    [
      'signed with the committed development key under the production issuer',
      async () => idpToken(await importPrivateKey(readDevKeyPem('caller-dev', 'private'))),
    ],
  ])('refuses a token %s as UNAUTHENTICATED', async (_name, token) => {
    expect(await code(verify(await token()))).toBe('UNAUTHENTICATED');
  });

  it('accepts RS256 and EdDSA identity providers, whose keys the allow-list covers', async () => {
    for (const [alg, options] of [
      ['RS256', { modulusLength: 2048 }],
      ['EdDSA', { crv: 'Ed25519' }],
    ] as const) {
      const pair = await generateKeyPair(alg, options);
      const verifyOther = await createCallerTokenVerifier({
        production: true,
        issuers: [ISSUER],
        publicKeyPem: await exportSPKI(pair.publicKey),
      });
      expect(await code(verifyOther(await idpToken(pair.privateKey, { alg })))).toBe('accepted');
      // An ES256 token cannot pass with an RSA or Ed25519 key configured.
      expect(await code(verifyOther(await idpToken(idp.privateKey)))).toBe('UNAUTHENTICATED');
    }
  });

  it('will not start with a committed development key or a malformed one', async () => {
    for (const name of ['caller-dev', 'gateway-dev'] as const) {
      await expect(
        createCallerTokenVerifier({ production: true, issuers: [ISSUER], publicKeyPem: readDevKeyPem(name, 'public') }),
      ).rejects.toThrow(/development key/);
    }
    await expect(
      createCallerTokenVerifier({ production: true, issuers: [ISSUER], publicKeyPem: 'not a key' }),
    ).rejects.toThrow(/PEM public key/);
  });

  describe('with a JWKS', () => {
    let server: Server;
    let jwksUrl: string;
    beforeAll(async () => {
      const devKey = await importPublicKey(readDevKeyPem('caller-dev', 'public'));
      const keys = [
        { ...(await exportJWK(idp.publicKey)), kid: 'idp', alg: 'ES256' },
        { ...(await exportJWK(devKey)), kid: 'dev', alg: 'ES256' },
      ];
      server = createServer((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys })),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('verifies with the published key and refuses the development key even when published', async () => {
      const verifyJwks = await createCallerTokenVerifier({ production: true, issuers: [ISSUER], jwksUrl });
      const signed = async (key: KeyLike, kid: string) =>
        new SignJWT(payload)
          .setProtectedHeader({ alg: 'ES256', kid })
          .setSubject('mel:alice')
          .setIssuer(ISSUER)
          .setAudience('passerelle')
          .setExpirationTime('5m')
          .sign(key);
      expect(await code(verifyJwks(await signed(idp.privateKey, 'idp')))).toBe('accepted');
      const devPrivate = await importPrivateKey(readDevKeyPem('caller-dev', 'private'));
      expect(await code(verifyJwks(await signed(devPrivate, 'dev')))).toBe('UNAUTHENTICATED');
    });
  });
});

describe('the gateway key pair', () => {
  it('is the development pair outside production, and production refuses the committed one', async () => {
    expect(await isDevelopmentKey(await gatewayPrivateKey(undefined, false))).toBe(true);
    await expect(gatewayPrivateKey(readDevKeyPem('gateway-dev', 'private'), true)).rejects.toThrow(/development key/);
    await expect(gatewayPublicKey(readDevKeyPem('gateway-dev', 'public'), true)).rejects.toThrow(/development key/);
    await expect(gatewayPrivateKey(undefined, true)).rejects.toThrow(/required in production/);
    // The allowed twin: a deployment's own key pair.
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const own = await gatewayPrivateKey(await exportPKCS8(privateKey), true);
    expect(await isDevelopmentKey(own)).toBe(false);
  });
});
