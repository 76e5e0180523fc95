import { createHmac } from 'node:crypto';
import { pseudonymOf } from './pseudonym';

const KEY = 'k'.repeat(32);

describe('NUR pseudonyms', () => {
  it('is stable for one team and one NUR', () => {
    expect(pseudonymOf(KEY, 'observatoire-mel', '059-2601-000042')).toBe(
      pseudonymOf(KEY, 'observatoire-mel', '059-2601-000042'),
    );
  });

  it('differs between teams, between NURs and between keys', () => {
    const base = pseudonymOf(KEY, 'observatoire-mel', '059-2601-000042');
    expect(pseudonymOf(KEY, 'another-team', '059-2601-000042')).not.toBe(base);
    expect(pseudonymOf(KEY, 'observatoire-mel', '059-2601-000043')).not.toBe(base);
    expect(pseudonymOf('j'.repeat(32), 'observatoire-mel', '059-2601-000042')).not.toBe(base);
  });

  it('is the keyed HMAC-SHA-256 of team and NUR, 128 bits in base64url, never the NUR itself', () => {
    const expected = createHmac('sha256', KEY).update('observatoire-mel\u0000059-2601-000042').digest('base64url');
    const pseudonym = pseudonymOf(KEY, 'observatoire-mel', '059-2601-000042');
    expect(pseudonym).toBe(`PSN-${expected.slice(0, 22)}`);
    expect(pseudonym).not.toContain('000042');
  });

  it('keeps team and NUR apart: ("ab", "c") and ("a", "bc") differ', () => {
    expect(pseudonymOf(KEY, 'ab', 'c')).not.toBe(pseudonymOf(KEY, 'a', 'bc'));
  });
});
