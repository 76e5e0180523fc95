import { SignJWT, generateKeyPair } from 'jose';
import {
  ANONYMOUS,
  ReplayGuard,
  bodyHash,
  importPrivateKey,
  importPublicKey,
  mintIdentityAssertion,
  readDevKeyPem,
  verifyIdentityAssertion,
  type Viewer,
} from '.';
import { ErrorCode } from '../errors';

const body = '{"query":"{ demands { edges { node { id } } } }"}';
const viewer: Viewer = {
  sub: 'u1',
  partner: 'mel',
  kind: 'EPCI',
  territories: ['200093201'],
  scopes: ['x'],
  authenticated: true,
};

async function keys() {
  return {
    gatewayPrivate: await importPrivateKey(readDevKeyPem('gateway-dev', 'private')),
    gatewayPublic: await importPublicKey(readDevKeyPem('gateway-dev', 'public')),
  };
}

const verify = async (
  token: string | undefined,
  options: { audience?: string; body?: string; guard?: ReplayGuard } = {},
) =>
  verifyIdentityAssertion((await keys()).gatewayPublic, {
    token,
    audience: options.audience ?? 'demands',
    body: options.body ?? body,
    replayGuard: options.guard ?? new ReplayGuard(),
  });

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught as { extensions?: { code?: string } },
  );
  return error?.extensions?.code;
}

describe('gateway identity assertion', () => {
  it('carries the caller claims to the subgraph it was minted for', async () => {
    const token = await mintIdentityAssertion((await keys()).gatewayPrivate, { viewer, audience: 'demands', body });
    await expect(verify(token)).resolves.toEqual(viewer);
  });

  it('carries an anonymous caller as anonymous', async () => {
    const token = await mintIdentityAssertion((await keys()).gatewayPrivate, {
      viewer: ANONYMOUS,
      audience: 'demands',
      body,
    });
    await expect(verify(token)).resolves.toEqual(ANONYMOUS);
  });

  it('is refused when missing', async () => {
    expect(await rejection(verify(undefined))).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('is refused by another subgraph (audience)', async () => {
    const token = await mintIdentityAssertion((await keys()).gatewayPrivate, { viewer, audience: 'offers', body });
    expect(await rejection(verify(token))).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('is refused for another body (hash mismatch)', async () => {
    const token = await mintIdentityAssertion((await keys()).gatewayPrivate, { viewer, audience: 'demands', body });
    expect(await rejection(verify(token, { body: body.replace('id', 'nur') }))).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('is refused when replayed', async () => {
    const guard = new ReplayGuard();
    const token = await mintIdentityAssertion((await keys()).gatewayPrivate, { viewer, audience: 'demands', body });
    await expect(verify(token, { guard })).resolves.toEqual(viewer);
    expect(await rejection(verify(token, { guard }))).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it("is refused when signed by any key but the gateway's", async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await mintIdentityAssertion(privateKey, { viewer, audience: 'demands', body });
    expect(await rejection(verify(token))).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('is refused when expired, or when it lives longer than 60 s', async () => {
    const { gatewayPrivate } = await keys();
    const now = Math.floor(Date.now() / 1000);
    const craft = (iat: number, exp: number) =>
      new SignJWT({ kind: 'ANONYMOUS', bh: bodyHash(body) })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer('passerelle-gateway')
        .setAudience('demands')
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .setJti(`j-${iat}-${exp}`)
        .sign(gatewayPrivate);
    expect(await rejection(verify(await craft(now - 120, now - 60)))).toBe(ErrorCode.UNAUTHENTICATED);
    expect(await rejection(verify(await craft(now, now + 3600)))).toBe(ErrorCode.UNAUTHENTICATED);
    await expect(verify(await craft(now, now + 30))).resolves.toEqual(ANONYMOUS);
  });

  it('is refused unsigned (alg: none)', async () => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'none' })}.${encode({ iss: 'passerelle-gateway', aud: 'demands', iat: now, exp: now + 30, jti: 'n', kind: 'ANONYMOUS', bh: bodyHash(body) })}.`;
    expect(await rejection(verify(unsigned))).toBe(ErrorCode.UNAUTHENTICATED);
  });
});
