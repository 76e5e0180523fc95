import { createHash } from 'node:crypto';

/**
 * Namespace of Passerelle's deterministic ids. A record's id is the UUIDv5 of this namespace and
 * a natural key (`demand:59-2024-000123`), so the four subgraph databases agree on ids without
 * talking to each other, and a re-seed gives the same ids.
 */
export const PASSERELLE_NAMESPACE = '6f1b0c6e-3a8e-5b7c-9d2e-4f5a6b7c8d9e';

/** RFC 9562 UUID version 5 (SHA-1, name-based). */
export function uuidV5(name: string, namespace: string = PASSERELLE_NAMESPACE): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The deterministic id of a seeded record of `kind` with natural key `key`. */
export const demoId = (kind: string, key: string) => uuidV5(`${kind}:${key}`);
