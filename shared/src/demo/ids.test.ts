import { uuidV5 } from './ids';

describe('deterministic ids', () => {
  it('compute RFC 9562 UUIDv5 (reference vector: "www.example.com" in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('give the same id for the same natural key, and different ones otherwise', () => {
    expect(uuidV5('demand:059-2406-000001')).toBe(uuidV5('demand:059-2406-000001'));
    expect(uuidV5('demand:059-2406-000001')).not.toBe(uuidV5('demand:059-2406-000002'));
  });
});
