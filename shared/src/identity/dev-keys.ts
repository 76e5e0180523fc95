import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importPKCS8, importSPKI, type KeyLike } from 'jose';

/**
 * The committed development key pairs (see shared/dev-keys/README.md). They are public on
 * purpose: production refuses their issuer and never loads them.
 */
const DEV_KEYS_DIR = path.resolve(__dirname, '../../dev-keys');

export type DevKeyName = 'caller-dev' | 'gateway-dev';

export function readDevKeyPem(name: DevKeyName, part: 'private' | 'public'): string {
  return readFileSync(path.join(DEV_KEYS_DIR, `${name}.${part}.pem`), 'utf8');
}

export const importPrivateKey = (pem: string): Promise<KeyLike> => importPKCS8(pem, 'ES256');
export const importPublicKey = (pem: string): Promise<KeyLike> => importSPKI(pem, 'ES256');

/**
 * The key a subgraph verifies assertions with: the configured PEM, or in development the
 * committed development key. Production without a configured key is a start-up error.
 */
export async function gatewayPublicKey(pem: string | undefined, production: boolean): Promise<KeyLike> {
  if (pem) return importPublicKey(pem);
  if (production) throw new Error('GATEWAY_PUBLIC_KEY is required in production.');
  return importPublicKey(readDevKeyPem('gateway-dev', 'public'));
}

/** The key the gateway signs assertions with: configured PEM, or the development key outside production. */
export async function gatewayPrivateKey(pem: string | undefined, production: boolean): Promise<KeyLike> {
  if (pem) return importPrivateKey(pem);
  if (production) throw new Error('GATEWAY_SIGNING_KEY is required in production.');
  return importPrivateKey(readDevKeyPem('gateway-dev', 'private'));
}
