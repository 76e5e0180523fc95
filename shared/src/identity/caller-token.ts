import { createPublicKey } from 'node:crypto';
import { SignJWT, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { UnauthenticatedError } from '../errors';
import { importPrivateKey, importPublicKey, isDevelopmentKey, readDevKeyPem } from './dev-keys';
import { callerClaimsSchema, type CallerClaims } from './viewer';

/** Issuer of development tokens; refused in production whatever key signed them. */
export const DEV_ISSUER = 'passerelle-dev';
/** Audience every caller token must carry. */
export const CALLER_AUDIENCE = 'passerelle';

/**
 * Algorithms accepted for caller tokens in production: asymmetric only, so never `none` and
 * never HS* (an HMAC "signed" with the public key is the classic algorithm-confusion forgery).
 */
export const PRODUCTION_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'EdDSA',
];

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
    issuers = options.issuers.filter((issuer) => issuer !== DEV_ISSUER);
    if (issuers.length === 0) throw new Error('Production needs AUTH_ISSUERS (the development issuer is refused).');
    if (options.jwksUrl) key = refusingDevelopmentKeys(createRemoteJWKSet(new URL(options.jwksUrl)));
    else if (options.publicKeyPem) key = await productionPublicKey(options.publicKeyPem);
    else throw new Error('Production needs AUTH_JWKS_URL or AUTH_PUBLIC_KEY to verify caller tokens.');
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

/**
 * The configured PEM public key (SPKI) of the partners' identity provider, of any type the
 * allow-list covers (EC, RSA, Ed25519): jose checks at each verification that the token's
 * `alg` fits it. The committed development keys are refused.
 */
async function productionPublicKey(pem: string): Promise<KeyLike> {
  let key: KeyLike;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error('AUTH_PUBLIC_KEY is not a PEM public key (-----BEGIN PUBLIC KEY-----).');
  }
  if (await isDevelopmentKey(key)) {
    throw new Error('AUTH_PUBLIC_KEY is a committed development key: production refuses it.');
  }
  return key;
}

/** A JWKS whose keys are used unless one is a committed development key (then the token is refused). */
function refusingDevelopmentKeys(getKey: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    const key = await getKey(header, token);
    if (await isDevelopmentKey(key)) throw new joseErrors.JWKSNoMatchingKey();
    return key;
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
