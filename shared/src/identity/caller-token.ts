import { SignJWT, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { UnauthenticatedError } from '../errors';
import { importPrivateKey, importPublicKey, readDevKeyPem } from './dev-keys';
import { callerClaimsSchema, type CallerClaims } from './viewer';

/** Issuer of development tokens; refused in production whatever key signed them. */
export const DEV_ISSUER = 'passerelle-dev';
/** Audience every caller token must carry. */
export const CALLER_AUDIENCE = 'passerelle';

/** Algorithms accepted for caller tokens: asymmetric only, so no shared secret and never `none`. */
const PRODUCTION_ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];

export interface CallerTokenVerifierOptions {
  /** `production` refuses development tokens and requires a configured key source. */
  production: boolean;
  /** Issuers accepted in production (e.g. the partners' identity provider). */
  issuers: string[];
  /** Production key source: a JWKS URL or a PEM public key (SPKI). */
  jwksUrl?: string;
  publicKeyPem?: string;
}

export type CallerTokenVerifier = (token: string) => Promise<CallerClaims>;

/**
 * Builds the gateway's caller-token check: signature, issuer, audience, expiry and algorithm
 * allow-list, then the claim shapes. Every failure becomes `UNAUTHENTICATED` with a message that
 * says what to fix, never which internal check tripped in detail.
 */
export async function createCallerTokenVerifier(options: CallerTokenVerifierOptions): Promise<CallerTokenVerifier> {
  let key: KeyLike | JWTVerifyGetKey;
  let issuers: string[];
  let algorithms: string[];
  if (options.production) {
    if (options.jwksUrl) key = createRemoteJWKSet(new URL(options.jwksUrl));
    else if (options.publicKeyPem) key = await importPublicKey(options.publicKeyPem);
    else throw new Error('Production needs AUTH_JWKS_URL or AUTH_PUBLIC_KEY to verify caller tokens.');
    issuers = options.issuers.filter((issuer) => issuer !== DEV_ISSUER);
    if (issuers.length === 0) throw new Error('Production needs AUTH_ISSUERS (the development issuer is refused).');
    algorithms = PRODUCTION_ALGORITHMS;
  } else {
    key = await importPublicKey(readDevKeyPem('caller-dev', 'public'));
    issuers = [DEV_ISSUER];
    algorithms = ['ES256'];
  }

  return async (token) => {
    try {
      const options = { issuer: issuers, audience: CALLER_AUDIENCE, algorithms, requiredClaims: ['exp'] };
      // jwtVerify is overloaded for a key and for a key resolver (JWKS); both take the same options.
      const { payload } = await jwtVerify(token, key as KeyLike, options);
      const claims = callerClaimsSchema.safeParse(payload);
      if (!claims.success) {
        throw new UnauthenticatedError(
          'The token lacks the Passerelle claims (sub, partner, kind, territories, scopes).',
        );
      }
      return claims.data;
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof joseErrors.JWTExpired) {
        throw new UnauthenticatedError('The token has expired: get a new one.');
      }
      throw new UnauthenticatedError(
        'The token is invalid: it must be a JWT signed by an accepted issuer, for audience "passerelle".',
      );
    }
  };
}

/** Signs a development caller token with the committed development key (`npm run -s token`). */
export async function signDevCallerToken(claims: CallerClaims, ttl: string): Promise<string> {
  const key = await importPrivateKey(readDevKeyPem('caller-dev', 'private'));
  return new SignJWT({
    partner: claims.partner,
    kind: claims.kind,
    territories: claims.territories,
    scopes: claims.scopes,
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(CALLER_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key);
}
