import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { DEV_ISSUER, createCallerTokenVerifier, importPrivateKey, readDevKeyPem, signDevCallerToken } from '.';

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
  it('refuses development tokens even when the development key is configured', async () => {
    const verify = await createCallerTokenVerifier({
      production: true,
      issuers: ['https://idp.example', DEV_ISSUER],
      publicKeyPem: readDevKeyPem('caller-dev', 'public'),
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
