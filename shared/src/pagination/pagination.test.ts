import { decodeCursor, encodeCursor, pageSize } from '.';

describe('pagination', () => {
  it('defaults to 20 and accepts 1 to 100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
  });

  it.each([0, -1, 101, 1e9])('refuses first = %p as BAD_USER_INPUT', (first) => {
    expect(() => pageSize(first)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });

  it('round-trips a cursor and refuses tampered ones', () => {
    const cursor = encodeCursor(['2026-06-30', 'abc']);
    expect(decodeCursor(cursor, ['string', 'string'])).toEqual(['2026-06-30', 'abc']);
    for (const bad of [
      '',
      'zzz',
      encodeCursor([1, 'abc']),
      encodeCursor(['a']),
      Buffer.from('{"a":1}').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad, ['string', 'string'])).toThrow(/not a cursor/);
    }
  });
});
