import { GraphQLError } from 'graphql';
import { ErrorCode, ForbiddenError, NotFoundError, createErrorFormatter } from '.';

describe('client-facing errors', () => {
  const internal: unknown[] = [];
  const masked = createErrorFormatter({ exposeInternals: false, onInternalError: (error) => internal.push(error) });

  it('pass through with their stable code', () => {
    const error = new NotFoundError('Demand', 'x');
    const formatted = masked({ message: error.message, extensions: error.extensions }, error);
    expect(formatted).toEqual({ message: 'Demand x was not found.', extensions: { code: 'NOT_FOUND' } });
    expect(new ForbiddenError('no').extensions.code).toBe('FORBIDDEN');
  });

  it('hide internal errors (SQL, stack) behind INTERNAL_SERVER_ERROR and report them', () => {
    const error = new GraphQLError('relation "demand" does not exist', { path: ['demands'] });
    const formatted = masked(
      {
        message: error.message,
        path: ['demands'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
      },
      error,
    );
    expect(formatted).toEqual({
      message: 'Internal server error.',
      path: ['demands'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(internal).toContain(error);
  });

  it('show internal details in development only', () => {
    const open = createErrorFormatter({ exposeInternals: true, onInternalError: () => undefined });
    expect(open({ message: 'boom', extensions: {} }, new Error('boom')).message).toBe('boom');
  });

  it('pass the refusals of hostile or oversized requests through, with their sentence', () => {
    const codes = [
      ErrorCode.BAD_REQUEST,
      ErrorCode.REQUEST_TOO_LARGE,
      ErrorCode.VARIABLES_TOO_LARGE,
      ErrorCode.QUERY_TOO_LARGE,
      ErrorCode.QUERY_TOO_DEEP,
      ErrorCode.TOO_MANY_ALIASES,
      ErrorCode.QUERY_TOO_COMPLEX,
      ErrorCode.INTROSPECTION_DISABLED,
      ErrorCode.RATE_LIMITED,
    ];
    for (const code of codes) {
      const formatted = { message: `refused: ${code}`, extensions: { code, limit: 1 } };
      expect(masked(formatted, new GraphQLError(formatted.message))).toEqual(formatted);
    }
  });
});
