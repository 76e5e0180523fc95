import { createHmac } from 'node:crypto';

/**
 * The NIR (numéro d'inscription au répertoire, "numéro de sécurité sociale") of an adult is
 * collected for one purpose only: finding duplicate demands (loi Égalité et Citoyenneté, art. 78).
 * It is never stored nor returned: the register keeps an HMAC-SHA-256 under a secret key, so the
 * stored value cannot be reversed by enumerating the ~10^13 possible NIRs without the key.
 */

const NIR_SHAPE = /^[1-478][0-9]{2}(0[1-9]|1[0-2]|[2-9][0-9])(2[AB]|[0-9]{2})[0-9]{6}[0-9]{2}$/;

/** The NIR without spaces, dots or dashes, upper-cased ("1 85 05 2A 123 456 78" → "185052A12345678"). */
export const normaliseNir = (nir: string) => nir.replace(/[\s.-]/g, '').toUpperCase();

/**
 * Whether a normalised NIR is well formed and its control key matches: key = 97 − (the first 13
 * characters as a number, Corsica's 2A read as 19 and 2B as 18) mod 97.
 */
export function isValidNir(nir: string): boolean {
  if (!NIR_SHAPE.test(nir)) return false;
  const digits = nir.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = 97n - (BigInt(digits) % 97n);
  return key === BigInt(nir.slice(13));
}

/** The keyed hash stored for de-duplication. */
export const nirHash = (nir: string, key: string): Buffer =>
  createHmac('sha256', key).update(normaliseNir(nir)).digest();
