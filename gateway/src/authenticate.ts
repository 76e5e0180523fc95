import { UnauthenticatedError } from '@passerelle/shared/errors';
import { ANONYMOUS, type CallerTokenVerifier, type Viewer } from '@passerelle/shared/identity';

/**
 * The caller from the `Authorization` header: none → anonymous (public data only); a bearer
 * token → verified claims; anything else → 401 `UNAUTHENTICATED`.
 */
export async function authenticate(header: string | undefined, verify: CallerTokenVerifier): Promise<Viewer> {
  if (!header || header.trim() === '') return ANONYMOUS;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  return { ...(await verify(match[1]!)), authenticated: true };
}
