import { DEV_NIR_KEY, DEV_PSEUDONYM_KEY, loadConfig } from './config';

const SECRET = 'x'.repeat(32);
const production = (own: Record<string, string>) => ({
  NODE_ENV: 'production',
  GATEWAY_PUBLIC_KEY: 'set-by-the-deployment',
  ...own,
});

describe('demands configuration', () => {
  it('uses the development keys outside production', () => {
    expect(loadConfig({}).settings).toMatchObject({ nirKey: DEV_NIR_KEY, pseudonymKey: DEV_PSEUDONYM_KEY });
  });

  it.each([
    ['no key at all', {}, /DEMANDS_NIR_KEY[\s\S]*DEMANDS_PSEUDONYM_KEY/],
    ['no pseudonym key', { DEMANDS_NIR_KEY: SECRET }, /DEMANDS_PSEUDONYM_KEY: required in production/],
    [
      'the development pseudonym key',
      { DEMANDS_NIR_KEY: SECRET, DEMANDS_PSEUDONYM_KEY: DEV_PSEUDONYM_KEY },
      /DEMANDS_PSEUDONYM_KEY/,
    ],
    ['the development NIR key', { DEMANDS_NIR_KEY: DEV_NIR_KEY, DEMANDS_PSEUDONYM_KEY: SECRET }, /DEMANDS_NIR_KEY/],
  ])('refuses to start in production with %s', (_, own, message) => {
    expect(() => loadConfig(production(own))).toThrow(message);
  });

  it('refuses a pseudonym key shorter than 32 characters', () => {
    expect(() => loadConfig({ DEMANDS_PSEUDONYM_KEY: 'short' })).toThrow(/DEMANDS_PSEUDONYM_KEY/);
  });

  it('starts in production with both secrets (the allowed twin)', () => {
    const other = 'y'.repeat(40);
    expect(loadConfig(production({ DEMANDS_NIR_KEY: SECRET, DEMANDS_PSEUDONYM_KEY: other })).settings).toMatchObject({
      nirKey: SECRET,
      pseudonymKey: other,
    });
  });
});
