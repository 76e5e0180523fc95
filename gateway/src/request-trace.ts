import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { BadUserInputError } from '@passerelle/shared/errors';
import { TRACE_TEXT_MAX, type RequestTrace, type Viewer } from '@passerelle/shared/identity';

/** Header in which a client may say why it reads nominative data; the audit log keeps it. */
export const PURPOSE_HEADER = 'x-passerelle-purpose';

/** What the gateway reads of an HTTP request to trace it. */
interface TracedRequest {
  header(name: string): string | undefined;
}

/**
 * The trace the gateway passes to every subgraph call of one client request: a fresh request id and
 * the client's declared purpose; the operation name comes once Apollo Server has resolved it
 * (`operationNamePlugin`). A purpose that is too long or holds control characters is refused, so
 * that the log only ever holds what a person can read.
 */
export function requestTrace(request: TracedRequest): RequestTrace {
  return { requestId: randomUUID(), operationName: null, purpose: purposeOf(request.header(PURPOSE_HEADER)) };
}

/**
 * HTTP header values are bytes that Node reads as Latin-1, so accented text sent raw would be logged
 * garbled: the purpose is printable ASCII, other characters percent-encoded as UTF-8
 * (`encodeURIComponent`), and decoded here.
 */
function purposeOf(header: string | undefined): string | null {
  const refuse = (why: string) =>
    new BadUserInputError(`The ${PURPOSE_HEADER} header says why you read nominative data: ${why}.`, PURPOSE_HEADER);
  const raw = header?.trim();
  if (!raw) return null;
  if (/[^\x20-\x7e]/.test(raw)) {
    throw refuse('send printable ASCII, with other characters percent-encoded as UTF-8 (encodeURIComponent)');
  }
  let purpose: string;
  try {
    purpose = decodeURIComponent(raw).trim();
  } catch {
    throw refuse('its percent-encoding is not valid UTF-8');
  }
  if (purpose.length > TRACE_TEXT_MAX || /\p{Cc}/u.test(purpose)) {
    throw refuse(`at most ${TRACE_TEXT_MAX} printable characters once decoded`);
  }
  return purpose || null;
}

/**
 * Once Apollo Server knows which operation runs, its name goes into the trace (at most 200
 * characters): a client that sends a single named operation without `operationName` is traced by
 * that name too. It runs before the
 * query plan, so every subgraph call of the request carries it.
 */
export const operationNamePlugin: ApolloServerPlugin<{ viewer: Viewer }> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operationName }) {
        const viewer = contextValue.viewer;
        if (viewer.kind === 'ANONYMOUS' || !viewer.trace || !operationName) return;
        contextValue.viewer = {
          ...viewer,
          trace: { ...viewer.trace, operationName: operationName.slice(0, TRACE_TEXT_MAX) },
        };
      },
    };
  },
};
