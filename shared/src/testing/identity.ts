import { SignJWT } from 'jose';
import {
  ASSERTION_ISSUER,
  bodyHash,
  importPrivateKey,
  mintIdentityAssertion,
  readDevKeyPem,
  signDevCallerToken,
  type Viewer,
} from '../identity';
import { findDemoPartner } from '../demo';

/** A viewer acting for a demo partner, as a subgraph would see it. */
export function demoViewer(slug: string, scopes: string[] = []): Viewer {
  const partner = findDemoPartner(slug);
  if (!partner) throw new Error(`No demo partner ${slug}`);
  return {
    sub: `${slug}:test`,
    partner: slug,
    kind: partner.kind,
    territories: partner.territories,
    scopes,
    authenticated: true,
  };
}

/** A development caller token for a demo partner, as `npm run -s token` prints it (with `--scope` for each scope). */
export async function demoToken(slug: string, ttl = '1h', scopes: string[] = []): Promise<string> {
  const viewer = demoViewer(slug, scopes);
  if (viewer.kind === 'ANONYMOUS') throw new Error('unreachable');
  return signDevCallerToken(viewer, ttl);
}

/** An identity assertion from the development gateway key, for calling a subgraph directly. */
export async function gatewayAssertion(input: { viewer: Viewer; audience: string; body: string }): Promise<string> {
  return mintIdentityAssertion(await importPrivateKey(readDevKeyPem('gateway-dev', 'private')), input);
}

/** An assertion with chosen (possibly wrong) claims, to probe a subgraph's checks. */
export async function craftedAssertion(input: {
  audience: string;
  body: string;
  issuedAt: number;
  expiresAt: number;
  bodyHashOverride?: string;
}) {
  const key = await importPrivateKey(readDevKeyPem('gateway-dev', 'private'));
  return new SignJWT({ kind: 'ANONYMOUS', bh: input.bodyHashOverride ?? bodyHash(input.body) })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(ASSERTION_ISSUER)
    .setAudience(input.audience)
    .setIssuedAt(input.issuedAt)
    .setExpirationTime(input.expiresAt)
    .setJti(`${input.issuedAt}-${Math.random()}`)
    .sign(key);
}
