import { createHmac } from 'node:crypto';

/**
 * A stable, irreversible stand-in for a NUR, proper to one partner (an analyst team): HMAC-SHA-256
 * of the team and the NUR under the register's pseudonym key, truncated to 128 bits. The same
 * demand always gets the same pseudonym for one team, so a team can follow it across extracts; two
 * teams get different pseudonyms, so they cannot join their extracts on it; without the key,
 * nobody can go back to the NUR (or test a guessed NUR: the NUR space is small, hence the key).
 */
export function pseudonymOf(key: string, team: string, nur: string): string {
  return `PSN-${createHmac('sha256', key).update(`${team}\u0000${nur}`).digest('base64url').slice(0, 22)}`;
}
