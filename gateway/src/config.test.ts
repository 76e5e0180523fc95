import { introspectionPolicy, loadConfig } from './config';

describe('gateway configuration', () => {
  it('has these limits by default (operation-shape.test checks the documented queries pass them)', () => {
    expect(loadConfig({}).limits).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxTokens: 5_000,
      maxCost: 100_000,
      maxBodyBytes: 102_400,
      maxVariablesBytes: 65_536,
      ratePerMinute: 600,
      rateBurst: 100,
    });
  });

  it('reads each limit from its variable, empty meaning the default', () => {
    const config = loadConfig({
      MAX_QUERY_DEPTH: '8',
      MAX_QUERY_ALIASES: '',
      MAX_QUERY_TOKENS: '2000',
      MAX_QUERY_COST: '5000',
      MAX_BODY_BYTES: '65536',
      MAX_VARIABLES_BYTES: '1024',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_BURST: '10',
      TRUST_PROXY: '1',
    });
    expect(config.limits).toEqual({
      maxDepth: 8,
      maxAliases: 30,
      maxTokens: 2_000,
      maxCost: 5_000,
      maxBodyBytes: 65_536,
      maxVariablesBytes: 1_024,
      ratePerMinute: 0,
      rateBurst: 10,
    });
    expect(config.TRUST_PROXY).toBe(1);
  });

  it('refuses to start on a limit out of range, naming the variable', () => {
    expect(() => loadConfig({ MAX_QUERY_DEPTH: '1000' })).toThrow(/MAX_QUERY_DEPTH/);
    expect(() => loadConfig({ MAX_BODY_BYTES: 'lots' })).toThrow(/MAX_BODY_BYTES/);
  });

  it('opens introspection to everyone outside production, to analysts in production only when asked', () => {
    expect(introspectionPolicy(false, undefined)).toBe('everyone');
    expect(introspectionPolicy(false, 'false')).toBe('nobody');
    expect(introspectionPolicy(true, undefined)).toBe('nobody');
    expect(introspectionPolicy(true, 'true')).toBe('analysts');
    expect(introspectionPolicy(true, 'false')).toBe('nobody');
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).introspection).toBe('analysts');
  });
});
