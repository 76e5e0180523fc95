import { checkQueryText, NESTING_ALLOWANCE } from './query-text';

const limits = { maxTokens: 100, maxDepth: 4, maxAliases: 2 };
const codeOf = (query: string, given = limits) => {
  try {
    checkQueryText(query, given);
    return 'accepted';
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code;
  }
};

describe('query text checked before parsing', () => {
  it('counts tokens as graphql-js parse does (comments and commas are not tokens)', () => {
    // `{ a }` is three tokens.
    expect(codeOf('{ a }', { ...limits, maxTokens: 3 })).toBe('accepted');
    expect(codeOf('{ a b }', { ...limits, maxTokens: 3 })).toBe('QUERY_TOO_LARGE');
    expect(codeOf('# a comment, b, c\n{ a,,,, }', { ...limits, maxTokens: 3 })).toBe('accepted');
  });

  it('refuses nesting deeper than the depth limit plus the allowance, before the parser recurses', () => {
    const nested = (levels: number) => `${'{ a '.repeat(levels)}${'}'.repeat(levels)}`;
    const bound = limits.maxDepth + NESTING_ALLOWANCE;
    expect(codeOf(nested(bound), { ...limits, maxTokens: 10_000 })).toBe('accepted');
    expect(codeOf(nested(bound + 1), { ...limits, maxTokens: 10_000 })).toBe('QUERY_TOO_DEEP');
    // Arguments count too: lists and objects nested in a value.
    expect(codeOf(`{ a(x: ${'['.repeat(bound)}${']'.repeat(bound)}) }`, { ...limits, maxTokens: 10_000 })).toBe(
      'QUERY_TOO_DEEP',
    );
    // A depth bomb of thousands of levels is refused quickly, without a stack overflow.
    expect(codeOf(nested(50_000), { maxTokens: 1_000_000, maxDepth: 12, maxAliases: 30 })).toBe('QUERY_TOO_DEEP');
  });

  it('counts aliases, not arguments, variable definitions or object fields', () => {
    expect(codeOf('{ a: x b: y }')).toBe('accepted');
    expect(codeOf('{ a: x b: y c: z }')).toBe('TOO_MANY_ALIASES');
    expect(
      codeOf(
        'query($n: Int = 1, $m: In = 2) { a: x(first: $n, filter: { c: "d", e: { f: 1 } }) @include(if: true) { b: y } }',
      ),
    ).toBe('accepted');
    expect(codeOf(`{ ${'a: __typename '.repeat(1_500)}}`, { ...limits, maxTokens: 10_000 })).toBe('TOO_MANY_ALIASES');
  });

  it('leaves syntax errors to the parser, which reports them with their position', () => {
    expect(codeOf('{ a(x: "unterminated }')).toBe('accepted');
    expect(codeOf('{ ^ }')).toBe('accepted');
  });

  it('says which limit, its value and what to do', () => {
    try {
      checkQueryText('{ a b c }', { maxTokens: 3, maxDepth: 4, maxAliases: 2 });
      throw new Error('not refused');
    } catch (error) {
      expect((error as Error).message).toMatch(/more than 3 tokens.*the limit is 3.*shorter query/);
      expect((error as { extensions: Record<string, unknown> }).extensions).toMatchObject({
        code: 'QUERY_TOO_LARGE',
        limit: 3,
      });
    }
  });
});
