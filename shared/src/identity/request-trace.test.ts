import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import {
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

const body = '{"query":"query DemandesDuQuartier { demands { edges { node { id nur } } } }"}';
const caller: Extract<Viewer, { authenticated: true }> = {
  sub: 'agent-42',
  partner: 'mel',
  kind: 'EPCI',
  territories: ['200093201'],
  scopes: ['read:sensitive'],
  authenticated: true,
};

async function keys() {
  return {
    gatewayPrivate: await importPrivateKey(readDevKeyPem('gateway-dev', 'private')),
    gatewayPublic: await importPublicKey(readDevKeyPem('gateway-dev', 'public')),
  };
}

const verify = async (token: string, guard = new ReplayGuard()) =>
  verifyIdentityAssertion((await keys()).gatewayPublic, { token, audience: 'demands', body, replayGuard: guard });

const mint = async (viewer: Viewer, audience = 'demands') =>
  mintIdentityAssertion((await keys()).gatewayPrivate, { viewer, audience, body });

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught as { extensions?: { code?: string } },
  );
  return error?.extensions?.code;
}

/** An assertion signed by the gateway key, valid in every respect but the claims it is given. */
async function craft(claims: Record<string, unknown>) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    partner: caller.partner,
    kind: caller.kind,
    territories: caller.territories,
    scopes: caller.scopes,
    bh: bodyHash(body),
    ...claims,
  })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer('passerelle-gateway')
    .setAudience('demands')
    .setSubject(caller.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + 30)
    .setJti(randomUUID())
    .sign((await keys()).gatewayPrivate);
}

describe('request trace in the identity assertion', () => {
  it('carries the trace exactly: request id, operation name and purpose, accents included', async () => {
    const trace = {
      requestId: randomUUID(),
      operationName: 'DemandesDuQuartier',
      purpose: 'Instruction de la demande n° 42 — préparation de la commission d’attribution (CAL) à Lille',
    };
    const verified = await verify(await mint({ ...caller, trace }));
    expect(verified).toEqual({ ...caller, trace });
    expect(verified.kind !== 'ANONYMOUS' && verified.trace).toStrictEqual(trace);
  });

  it('carries a trace without operation name or purpose as nulls', async () => {
    const trace = { requestId: randomUUID(), operationName: null, purpose: null };
    await expect(verify(await mint({ ...caller, trace }))).resolves.toStrictEqual({ ...caller, trace });
  });

  it('adds no trace property when the viewer had none', async () => {
    const verified = await verify(await mint(caller));
    expect(verified).toStrictEqual(caller);
    expect('trace' in verified).toBe(false);
  });

  it('carries the trace in each subgraph call’s own assertion (its own jti, so both pass the replay guard)', async () => {
    const trace = { requestId: randomUUID(), operationName: 'Op', purpose: null };
    const guard = new ReplayGuard();
    const first = await verify(await mint({ ...caller, trace }), guard);
    const second = await verify(await mint({ ...caller, trace }), guard);
    expect([first, second].map((viewer) => viewer.kind !== 'ANONYMOUS' && viewer.trace?.requestId)).toEqual([
      trace.requestId,
      trace.requestId,
    ]);
  });

  it('accepts a well-formed crafted trace (the twin of the refusals below)', async () => {
    const rid = randomUUID();
    await expect(verify(await craft({ rid, op: 'x'.repeat(200), pur: 'p'.repeat(200) }))).resolves.toEqual({
      ...caller,
      trace: { requestId: rid, operationName: 'x'.repeat(200), purpose: 'p'.repeat(200) },
    });
    // Operation name and purpose may be left out: they read as null.
    await expect(verify(await craft({ rid }))).resolves.toEqual({
      ...caller,
      trace: { requestId: rid, operationName: null, purpose: null },
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a request id that is not a uuid', { rid: 'not-a-uuid', op: 'Op', pur: null }],
    ['an empty request id', { rid: '', op: 'Op', pur: null }],
    ['a request id that is not a string', { rid: 42, op: 'Op', pur: null }],
    ['an operation name over 200 characters', { rid: randomUUID(), op: 'x'.repeat(201), pur: null }],
    ['a purpose over 200 characters', { rid: randomUUID(), op: 'Op', pur: 'p'.repeat(201) }],
    ['an operation name that is not a string', { rid: randomUUID(), op: ['Op'], pur: null }],
    ['a purpose that is not a string', { rid: randomUUID(), op: 'Op', pur: { why: 'x' } }],
  ])('is refused, signed by the gateway key, when the trace has %s', async (_, claims) => {
    expect(await rejection(verify(await craft(claims)))).toBe(ErrorCode.UNAUTHENTICATED);
  });
});
