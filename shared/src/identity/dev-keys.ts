import { createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, importPKCS8, importSPKI, type KeyLike } from 'jose';

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
  if (pem) return refuseDevelopmentKeyInProduction(await importPublicKey(pem), production, 'GATEWAY_PUBLIC_KEY');
  if (production) throw new Error('GATEWAY_PUBLIC_KEY is required in production.');
  return importPublicKey(readDevKeyPem('gateway-dev', 'public'));
}

/** The key the gateway signs assertions with: configured PEM, or the development key outside production. */
export async function gatewayPrivateKey(pem: string | undefined, production: boolean): Promise<KeyLike> {
  if (pem) return refuseDevelopmentKeyInProduction(await importPrivateKey(pem), production, 'GATEWAY_SIGNING_KEY');
  if (production) throw new Error('GATEWAY_SIGNING_KEY is required in production.');
  return importPrivateKey(readDevKeyPem('gateway-dev', 'private'));
}

const DEV_KEY_NAMES: DevKeyName[] = ['caller-dev', 'gateway-dev'];
let devThumbprints: Promise<Set<string>> | undefined;
const verdicts = new WeakMap<object, boolean>();

/** RFC 7638 thumbprint of a key's public part (a private key is reduced to its public half). */
async function publicThumbprint(key: unknown): Promise<string | undefined> {
  if (!(key instanceof KeyObject) || key.type === 'secret') return undefined;
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return calculateJwkThumbprint(await exportJWK(publicKey));
}

/**
 * Whether `key` is (the public or private half of) one of the committed development keys.
 * Those keys are public on purpose, so production must never trust or use them, whatever
 * issuer or name they are configured under.
 */
export async function isDevelopmentKey(key: unknown): Promise<boolean> {
  if (!(key instanceof KeyObject)) return false;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  devThumbprints ??= Promise.all(
    DEV_KEY_NAMES.map(async (name) => (await publicThumbprint(await importPublicKey(readDevKeyPem(name, 'public'))))!),
  ).then((thumbprints) => new Set(thumbprints));
  const thumbprint = await publicThumbprint(key);
  const verdict = thumbprint !== undefined && (await devThumbprints).has(thumbprint);
  verdicts.set(key, verdict);
  return verdict;
}

async function refuseDevelopmentKeyInProduction(key: KeyLike, production: boolean, variable: string): Promise<KeyLike> {
  if (production && (await isDevelopmentKey(key))) {
    throw new Error(
      `${variable} is a committed development key: production refuses it. Configure the deployment's own key.`,
    );
  }
  return key;
}
