import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Client-facing error codes. They are part of the public contract: dashboards branch on them, so
 * a code never changes meaning once published.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The HTTP request itself is unusable: not JSON, wrong content type, batched (HTTP 400/415). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The request body is larger than the service accepts (HTTP 413). */
  REQUEST_TOO_LARGE: 'REQUEST_TOO_LARGE',
  /** The variables are larger than the gateway accepts (HTTP 400). */
  VARIABLES_TOO_LARGE: 'VARIABLES_TOO_LARGE',
  /** The query text has more tokens than the gateway parses (HTTP 400). */
  QUERY_TOO_LARGE: 'QUERY_TOO_LARGE',
  /** The query nests fields deeper than the gateway accepts (HTTP 400). */
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  /** The query uses more aliases than the gateway accepts (HTTP 400). */
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  /** The query's estimated cost (fields × list sizes) is above the gateway's limit (HTTP 400). */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** Schema introspection is not open to this caller (HTTP 400). */
  INTROSPECTION_DISABLED: 'INTROSPECTION_DISABLED',
  /** The caller sent more requests than its rate allows; retry after `Retry-After` seconds (HTTP 429). */
  RATE_LIMITED: 'RATE_LIMITED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes whose message was written for the client and may be shown as is. */
const PUBLIC_CODES = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.CONFLICT,
  // Refusals of hostile or oversized requests: their messages name the limit and what to do.
  ErrorCode.REQUEST_TOO_LARGE,
  ErrorCode.VARIABLES_TOO_LARGE,
  ErrorCode.QUERY_TOO_LARGE,
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.TOO_MANY_ALIASES,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.INTROSPECTION_DISABLED,
  ErrorCode.RATE_LIMITED,
  // Apollo Server's own request-level errors, already safe to show.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  ErrorCode.BAD_REQUEST,
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The caller did not prove who it is (missing where required, invalid, forged or expired). */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
  }
}

/** The caller is known but its role, territory or relationship does not allow this. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

/**
 * Nothing the caller may see exists under this id. Deliberately the same for "absent" and
 * "hidden from you", so that an error never reveals that a record exists.
 */
export class NotFoundError extends GraphQLError {
  constructor(entity: string, id: string) {
    super(`${entity} ${id} was not found.`, { extensions: { code: ErrorCode.NOT_FOUND } });
  }
}

/** The input breaks a rule; the message says which field and why. Nothing was changed. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) } });
  }
}

/** The request contradicts the current state (a duplicate, a transition not allowed now). */
export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.CONFLICT } });
  }
}

/**
 * Builds Apollo Server's `formatError`: errors with a public code pass through; anything else
 * (a bug, a database error) is replaced by a generic internal error so that no SQL, stack or
 * record content reaches a client, unless `exposeInternals` (NODE_ENV=development) is set.
 */
export function createErrorFormatter(options: { exposeInternals: boolean; onInternalError: (error: unknown) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      return formatted;
    }
    options.onInternalError(error);
    if (options.exposeInternals) {
      return formatted;
    }
    return {
      message: 'Internal server error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
