import { ErrorCode } from '@passerelle/shared/errors';
import { Lexer, Source, TokenKind } from 'graphql';
import { LimitExceededError, formatCount } from './errors';

/**
 * Nesting of braces, brackets and parentheses allowed before parsing, above the field depth:
 * room for the operation's own braces, argument objects and lists, and the standard
 * introspection query (nine `ofType` levels), while keeping graphql-js's recursive-descent
 * parser and validation far from the call-stack limit (they overflow near 2 000 levels).
 */
export const NESTING_ALLOWANCE = 32;

const OPENING = new Set<TokenKind>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<TokenKind>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Checks the query text before it is parsed, in one pass of graphql-js's own lexer: at most
 * `maxTokens` tokens (the same count as `parse`'s `maxTokens`), no nesting deeper than
 * `maxDepth + NESTING_ALLOWANCE`, and at most `maxAliases` aliases. Aliases are counted here as
 * well as after validation because graphql-js's overlapping-fields rule gives up on thousands of
 * them with a bare "Validation aborted.", which tells a partner nothing. A lexical error is left
 * to the parser, which reports it as `GRAPHQL_PARSE_FAILED` with its position.
 */
export function checkQueryText(
  query: string,
  limits: { maxTokens: number; maxDepth: number; maxAliases: number },
): void {
  const maxNesting = limits.maxDepth + NESTING_ALLOWANCE;
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  let nesting = 0;
  // Inside parentheses, `name:` is an argument, a variable definition or an object field.
  let parentheses = 0;
  let aliases = 0;
  let previous: TokenKind | undefined;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (token.kind === TokenKind.PAREN_L) parentheses += 1;
      if (token.kind === TokenKind.PAREN_R) parentheses = Math.max(0, parentheses - 1);
      if (token.kind === TokenKind.COLON && previous === TokenKind.NAME && parentheses === 0) {
        if (++aliases > limits.maxAliases) throw tooManyAliases(limits.maxAliases);
      }
      previous = token.kind;
      if (++tokens > limits.maxTokens) {
        throw new LimitExceededError(
          ErrorCode.QUERY_TOO_LARGE,
          `The query has more than ${formatCount(limits.maxTokens)} tokens (names, punctuation and values); ` +
            `the limit is ${formatCount(limits.maxTokens)}. Send a shorter query: drop fields you do not use, ` +
            'pass long values as variables, or split it into several requests.',
          { limit: limits.maxTokens },
        );
      }
      if (OPENING.has(token.kind) && ++nesting > maxNesting) {
        throw new LimitExceededError(
          ErrorCode.QUERY_TOO_DEEP,
          `The query nests braces, brackets or parentheses more than ${maxNesting} levels deep; ` +
            `fields may nest ${limits.maxDepth} levels. Ask for fewer nested levels, or fetch the deeper data in a second query.`,
          { limit: limits.maxDepth },
        );
      }
      if (CLOSING.has(token.kind)) nesting = Math.max(0, nesting - 1);
    }
  } catch (error) {
    if (error instanceof LimitExceededError) throw error;
    // A syntax error: the parser will report it properly.
  }
}

/** The refusal of a query with more aliases than allowed (also used after validation). */
export function tooManyAliases(limit: number, actual?: number): LimitExceededError {
  return new LimitExceededError(
    ErrorCode.TOO_MANY_ALIASES,
    `The query uses ${actual ?? `more than ${limit}`} aliases; the limit is ${limit}. ` +
      'Use one list query with a filter instead of many aliased lookups, or split the query into several requests.',
    { limit, ...(actual !== undefined ? { actual } : {}) },
  );
}
