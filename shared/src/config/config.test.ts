import { z } from 'zod';
import { nodeEnv, parseConfig, port } from '.';

describe('configuration', () => {
  const schema = z.object({ DEMANDS_PORT: port(4001), NAME: z.string().min(2) });

  it('applies defaults and coerces values', () => {
    expect(parseConfig(schema, { NAME: 'ok' })).toEqual({ DEMANDS_PORT: 4001, NAME: 'ok' });
    expect(parseConfig(schema, { NAME: 'ok', DEMANDS_PORT: '5001' }).DEMANDS_PORT).toBe(5001);
  });

  it('treats an empty variable as unset', () => {
    const withEnv = z.object({ NODE_ENV: nodeEnv, DEMANDS_PORT: port(4001) });
    expect(parseConfig(withEnv, { NODE_ENV: '', DEMANDS_PORT: ' ' })).toEqual({
      NODE_ENV: 'development',
      DEMANDS_PORT: 4001,
    });
    expect(() => parseConfig(withEnv, { NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });

  it('fails naming every bad variable', () => {
    expect(() => parseConfig(schema, { DEMANDS_PORT: 'abc', NAME: 'x' })).toThrow(/DEMANDS_PORT[\s\S]*NAME/);
  });
});
