import { z } from 'zod';
import { parseConfig, port } from '.';

describe('configuration', () => {
  const schema = z.object({ DEMANDS_PORT: port(4001), NAME: z.string().min(2) });

  it('applies defaults and coerces values', () => {
    expect(parseConfig(schema, { NAME: 'ok' })).toEqual({ DEMANDS_PORT: 4001, NAME: 'ok' });
    expect(parseConfig(schema, { NAME: 'ok', DEMANDS_PORT: '5001' }).DEMANDS_PORT).toBe(5001);
  });

  it('fails naming every bad variable', () => {
    expect(() => parseConfig(schema, { DEMANDS_PORT: 'abc', NAME: 'x' })).toThrow(/DEMANDS_PORT[\s\S]*NAME/);
  });
});
