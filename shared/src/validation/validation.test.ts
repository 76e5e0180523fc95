import { isCommuneCode, isUuid, requireCommuneCode, requireUuid } from '.';

describe('identifier shapes', () => {
  it.each([
    ['0b5c2a54-6a2e-4f0e-9d7c-3f1f0e2a9b11', true],
    ['0B5C2A54-6A2E-4F0E-9D7C-3F1F0E2A9B11', true],
    ['0b5c2a54-6a2e-4f0e-9d7c-3f1f0e2a9b1', false],
    ['0b5c2a546a2e4f0e9d7c3f1f0e2a9b11', false],
    ["' OR '1'='1", false],
    ['', false],
  ])('isUuid(%j) is %s', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });

  it.each([
    ['59350', true],
    ['2A004', true],
    ['2B033', true],
    ['5935', false],
    ['593500', false],
    ['2C004', false],
    ['2a004', false],
    ['Lille', false],
  ])('isCommuneCode(%j) is %s', (value, expected) => {
    expect(isCommuneCode(value)).toBe(expected);
  });

  it('returns a UUID lower-cased, or a BAD_USER_INPUT naming the field', () => {
    expect(requireUuid('0B5C2A54-6A2E-4F0E-9D7C-3F1F0E2A9B11', 'id', 'a body')).toBe(
      '0b5c2a54-6a2e-4f0e-9d7c-3f1f0e2a9b11',
    );
    expect(() => requireUuid('42', 'filter.meeting', 'a meeting')).toThrow(
      expect.objectContaining({
        message: '"filter.meeting" must be a meeting id (a UUID); got "42".',
        extensions: { code: 'BAD_USER_INPUT', field: 'filter.meeting' },
      }),
    );
  });

  it('returns a commune code unchanged, or a BAD_USER_INPUT naming the field', () => {
    expect(requireCommuneCode('59350', 'filter.commune')).toBe('59350');
    expect(() => requireCommuneCode('Lille', 'filter.commune')).toThrow(
      expect.objectContaining({
        message: '"filter.commune" must be an INSEE commune code such as "59350" (got "Lille").',
        extensions: { code: 'BAD_USER_INPUT', field: 'filter.commune' },
      }),
    );
  });
});
