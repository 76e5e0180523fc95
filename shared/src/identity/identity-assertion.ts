import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type KeyLike } from 'jose';
import { UnauthenticatedError } from '../errors';
import { z } from 'zod';
import { ANONYMOUS, TRACE_TEXT_MAX, callerClaimsSchema, type RequestTrace, type Viewer } from './viewer';

/** The request trace as carried in the assertion (short claim names). */
const traceClaimsSchema = z.object({
  rid: z.uuid(),
  op: z.string().max(TRACE_TEXT_MAX).nullable().default(null),
  pur: z.string().max(TRACE_TEXT_MAX).nullable().default(null),
});

/** Header carrying the gateway's signed statement of who the caller is. */
export const IDENTITY_HEADER = 'x-passerelle-identity';
export const ASSERTION_ISSUER = 'passerelle-gateway';
/** Lifetime of one assertion. The contract caps it at 60 s; one subgraph call needs far less. */
export const ASSERTION_TTL_SECONDS = 30;
const MAX_LIFETIME_SECONDS = 60;
/** Tolerated clock difference between gateway and subgraph hosts. */
const CLOCK_TOLERANCE_SECONDS = 5;

/** SHA-256 of the exact request body bytes, base64url: binds an assertion to one request. */
export function bodyHash(body: string | Buffer): string {
  return createHash('sha256').update(body).digest('base64url');
}

/**
 * Mints the assertion the gateway sends with every subgraph request: the verified caller claims
 * (or `kind: ANONYMOUS`), for one audience (the subgraph's name), bound to the body by its hash.
 */
export async function mintIdentityAssertion(
  key: KeyLike,
  input: { viewer: Viewer; audience: string; body: string },
): Promise<string> {
  const claims =
    input.viewer.kind === 'ANONYMOUS'
      ? { kind: 'ANONYMOUS' }
      : {
          partner: input.viewer.partner,
          kind: input.viewer.kind,
          territories: input.viewer.territories,
          scopes: input.viewer.scopes,
          ...(input.viewer.trace ? traceClaims(input.viewer.trace) : {}),
        };
  const jwt = new SignJWT({ ...claims, bh: bodyHash(input.body) })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(ASSERTION_ISSUER)
    .setAudience(input.audience)
    .setIssuedAt()
    .setExpirationTime(`${ASSERTION_TTL_SECONDS}s`)
    .setJti(randomUUID());
  if (input.viewer.kind !== 'ANONYMOUS') jwt.setSubject(input.viewer.sub);
  return jwt.sign(key);
}

/**
 * Remembers the ids of assertions already accepted until they expire, so that a captured
 * request cannot be replayed within its lifetime.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /** Returns false when `jti` was already used; otherwise records it until `expiresAt` (s). */
  accept(jti: string, expiresAt: number, now = Math.floor(Date.now() / 1000)): boolean {
    if (this.seen.size > 10_000) this.prune(now);
    const known = this.seen.get(jti);
    if (known !== undefined && known + CLOCK_TOLERANCE_SECONDS >= now) return false;
    this.seen.set(jti, expiresAt);
    return true;
  }

  private prune(now: number) {
    for (const [jti, expiresAt] of this.seen) {
      if (expiresAt + CLOCK_TOLERANCE_SECONDS < now) this.seen.delete(jti);
    }
  }
}

/**
 * A subgraph's check of the gateway assertion: signature by the gateway key, issuer, its own
 * audience, expiry and a lifetime of at most 60 s, a fresh `jti`, and the body hash. Any failure
 * is `UNAUTHENTICATED` (HTTP 401); the subgraph then serves nothing.
 */
export async function verifyIdentityAssertion(
  key: KeyLike,
  input: { token: string | undefined; audience: string; body: string | Buffer; replayGuard: ReplayGuard },
): Promise<Viewer> {
  if (!input.token) {
    throw new UnauthenticatedError(
      'This subgraph only answers the Passerelle gateway: the x-passerelle-identity assertion is missing.',
    );
  }
  let payload;
  try {
    ({ payload } = await jwtVerify(input.token, key, {
      issuer: ASSERTION_ISSUER,
      audience: input.audience,
      algorithms: ['ES256'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'iat', 'jti'],
    }));
  } catch {
    throw new UnauthenticatedError('The identity assertion is invalid, expired or meant for another subgraph.');
  }
  if (payload.exp! - payload.iat! > MAX_LIFETIME_SECONDS) {
    throw new UnauthenticatedError('The identity assertion lives longer than 60 seconds.');
  }
  if (payload.bh !== bodyHash(input.body)) {
    throw new UnauthenticatedError('The identity assertion does not match the request body.');
  }
  if (!input.replayGuard.accept(payload.jti!, payload.exp!)) {
    throw new UnauthenticatedError('The identity assertion was already used.');
  }
  if (payload.kind === 'ANONYMOUS') return ANONYMOUS;
  const claims = callerClaimsSchema.safeParse(payload);
  if (!claims.success) {
    throw new UnauthenticatedError('The identity assertion carries malformed caller claims.');
  }
  const trace = payload.rid === undefined ? null : traceClaimsSchema.safeParse(payload);
  if (trace && !trace.success) {
    throw new UnauthenticatedError('The identity assertion carries a malformed request trace.');
  }
  return {
    ...claims.data,
    authenticated: true,
    ...(trace ? { trace: { requestId: trace.data.rid, operationName: trace.data.op, purpose: trace.data.pur } } : {}),
  };
}

function traceClaims(trace: RequestTrace) {
  return { rid: trace.requestId, op: trace.operationName, pur: trace.purpose };
}
