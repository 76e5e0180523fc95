import { isValidNir, nirHash, normaliseNir } from './nir';

/**
 * Valid NIRs computed by hand: key = 97 − (first 13 characters as a number mod 97), Corsica's
 * "2A" read as 19 and "2B" as 18 (python: `97 - (n % 97)`).
 *   1 85 05 78 006 084: 1850578006084 % 97 = 6  → key 97 − 6  = 91 → 185057800608491
 *   2 93 02 75 120 005: 2930275120005 % 97 = 70 → key 97 − 70 = 27 → 293027512000527
 *   1 66 07 99 350 020: 1660799350020 % 97 = 69 → key 97 − 69 = 28 → 166079935002028 (born abroad)
 *   1 87 02 19 004 123: 1870219004123 % 97 = 90 → key 97 − 90 = 7  → 187021900412307 (key on two digits)
 *   1 85 05 78 006 078: 1850578006078 % 97 = 0  → key 97 − 0  = 97 → 185057800607897 (key 97, never 00)
 *   1 79 11 2A 004 015: 1791119004015 % 97 = 28 → key 97 − 28 = 69 → 179112A00401569
 *   2 88 07 2B 033 101: 2880718033101 % 97 = 57 → key 97 − 57 = 40 → 288072B03310140
 * Wrong readings of Corsica: "2B" for "2A" gives 1791118004015 % 97 = 1 → key 96, not 69; "2A" read
 * as "20" gives 97 − (1791120004015 % 97) = 97 − 55 = 42, not 69.
 */
const VALID = [
  '185057800608491',
  '293027512000527',
  '166079935002028',
  '187021900412307',
  '185057800607897',
  '179112A00401569',
  '288072B03310140',
];

describe('NIR control key', () => {
  it.each(VALID)('%s is valid', (nir) => {
    expect(isValidNir(nir)).toBe(true);
  });

  it.each([
    ['1 85 05 78 006 084 91', '185057800608491'],
    ['1.85.05.78.006.084.91', '185057800608491'],
    ['1-85-05-78-006-084-91', '185057800608491'],
    [' 185057800608491 ', '185057800608491'],
    ['1 79 11 2a 004 015 69', '179112A00401569'],
    ['2.88.07.2b.033.101.40', '288072B03310140'],
  ])('"%s" is normalised to %s, which is valid', (written, normalised) => {
    expect(normaliseNir(written)).toBe(normalised);
    expect(isValidNir(normaliseNir(written))).toBe(true);
  });

  it.each([
    ['a wrong key', '185057800608492'],
    ['another wrong key', '293027512000572'],
    ['key 00 instead of 97', '185057800607800'],
    ['a one-digit key instead of 07', '18702190041237'],
    ['14 characters', '18505780060849'],
    ['16 characters', '1850578006084910'],
    ['empty', ''],
    ['Corsica with the key of 2B', '179112B00401569'],
    ['Corsica 2A read as 20', '179112000401569'],
    ['2C is no département', '179112C00401569'],
    ['a letter in the commune', '18505780A608491'],
    ['a letter in the order number', '1850578006O8491'],
    ['a letter in the key', '1850578006084A1'],
    ['a letter as the sex digit', 'A85057800608491'],
    ['a lower-case 2a not normalised', '179112a00401569'],
    ['spaces not normalised', '1 85 05 78 006 084 91'],
  ])('%s is rejected (%s)', (_case, nir) => {
    expect(isValidNir(nir)).toBe(false);
  });
});

describe('NIR hash', () => {
  const nir = '185057800608491';

  it('is stable under the same key, whatever the writing', () => {
    expect(nirHash(nir, 'key-1').equals(nirHash(nir, 'key-1'))).toBe(true);
    expect(nirHash('1 85 05 78 006 084 91', 'key-1').equals(nirHash(nir, 'key-1'))).toBe(true);
  });

  it('differs under another key, and between two NIRs', () => {
    expect(nirHash(nir, 'key-1').equals(nirHash(nir, 'key-2'))).toBe(false);
    expect(nirHash(nir, 'key-1').equals(nirHash('293027512000527', 'key-1'))).toBe(false);
  });

  it.each(VALID)('never contains the NIR %s', (value) => {
    const hash = nirHash(value, 'key-1');
    expect(hash).toHaveLength(32); // HMAC-SHA-256
    expect(hash.includes(Buffer.from(value))).toBe(false);
    expect(hash.toString('hex')).not.toContain(value);
    expect(hash.toString('hex')).not.toContain(value.slice(0, 13));
    expect(hash.toString('base64')).not.toContain(value);
  });
});
