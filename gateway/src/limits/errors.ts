import { HeaderMap } from '@apollo/server';
import { ErrorCode } from '@passerelle/shared/errors';
import { GraphQLError } from 'graphql';

/** The codes of the gateway's refusals; each names one limit (docs/limits.md). */
export type LimitCode =
  | typeof ErrorCode.QUERY_TOO_LARGE
  | typeof ErrorCode.QUERY_TOO_DEEP
  | typeof ErrorCode.TOO_MANY_ALIASES
  | typeof ErrorCode.QUERY_TOO_COMPLEX
  | typeof ErrorCode.VARIABLES_TOO_LARGE
  | typeof ErrorCode.INTROSPECTION_DISABLED
  | typeof ErrorCode.RATE_LIMITED;

/**
 * A request refused before anything ran because it exceeds a published limit. The message
 * names the limit, its value and what to do; `extensions.limit` and `extensions.actual` give
 * the numbers to programs. HTTP 400 unless said otherwise (429 for the rate).
 */
export class LimitExceededError extends GraphQLError {
  constructor(
    code: LimitCode,
    message: string,
    details: { limit?: number; actual?: number; status?: number; headers?: Record<string, string> } = {},
  ) {
    const headers = new HeaderMap(Object.entries(details.headers ?? {}));
    super(message, {
      extensions: {
        code,
        ...(details.limit !== undefined ? { limit: details.limit } : {}),
        ...(details.actual !== undefined ? { actual: details.actual } : {}),
        http: { status: details.status ?? 400, headers },
      },
    });
  }
}

/** Large numbers as a partner reads them: 12 000, not 12000 or 1.2e4. */
export const formatCount = (value: number): string =>
  value > 1e15 ? 'more than 10^15' : Math.round(value).toLocaleString('en-US').replace(/,/g, ' ');
