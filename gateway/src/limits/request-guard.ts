import { ErrorCode } from '@passerelle/shared/errors';
import type { Viewer } from '@passerelle/shared/identity';
import { LimitExceededError, formatCount } from './errors';
import { checkQueryText } from './query-text';
import { TokenBucketRateLimiter } from './rate-limiter';
import type { RequestLimits } from './types';

/** What the guard reads of an HTTP request (Express's request has it). */
export interface GraphQLHttpRequest {
  method: string;
  originalUrl: string;
  body?: unknown;
}

/** The GraphQL request as sent: body fields for POST, URL parameters for GET. */
interface Payload {
  query?: unknown;
  /** Variables as parsed JSON (POST) or as their JSON text (GET). */
  variables?: unknown;
}

/**
 * The checks made on a request once the caller is known and before Apollo Server parses
 * anything: the caller's rate, the size of the variables, the tokens and nesting of the query.
 * Each refusal is a `LimitExceededError` whose message says what to do.
 */
export class RequestGuard {
  readonly limiter: TokenBucketRateLimiter;

  constructor(
    private readonly limits: RequestLimits,
    now?: () => number,
  ) {
    this.limiter = new TokenBucketRateLimiter({ perMinute: limits.ratePerMinute, burst: limits.rateBurst, now });
  }

  /** Counts the request against its caller's rate: the partner, or the client address when anonymous. */
  chargeRate(viewer: Viewer | undefined, address: string): void {
    const byPartner = viewer && viewer.kind !== 'ANONYMOUS';
    const decision = this.limiter.take(byPartner ? `partner:${viewer.partner}` : `address:${address}`);
    if (decision.allowed) return;
    const who = byPartner ? `partner "${viewer.partner}"` : 'this client address';
    throw new LimitExceededError(
      ErrorCode.RATE_LIMITED,
      `Too many requests for ${who}: the limit is ${formatCount(this.limits.ratePerMinute)} requests per minute, ` +
        `with bursts of ${formatCount(this.limits.rateBurst)}. Retry after ${decision.retryAfterSeconds} s ` +
        '(the Retry-After header says the same), and spread your requests or combine them into fewer queries.',
      {
        limit: this.limits.ratePerMinute,
        status: 429,
        headers: { 'retry-after': String(decision.retryAfterSeconds) },
      },
    );
  }

  /** Variables size, then query tokens and nesting. */
  checkPayload(request: GraphQLHttpRequest): void {
    const payload = payloadOf(request);
    const bytes = variablesBytes(payload.variables);
    if (bytes > this.limits.maxVariablesBytes) {
      throw new LimitExceededError(
        ErrorCode.VARIABLES_TOO_LARGE,
        `The variables take ${Number.isFinite(bytes) ? `${formatCount(bytes)} bytes` : 'too much room'} as JSON; ` +
          `the limit is ${formatCount(this.limits.maxVariablesBytes)} bytes. Send less data per request: ` +
          'split a large input into several requests, and keep files and long texts out of the hub.',
        { limit: this.limits.maxVariablesBytes, ...(Number.isFinite(bytes) ? { actual: bytes } : {}) },
      );
    }
    if (typeof payload.query === 'string') checkQueryText(payload.query, this.limits);
  }
}

function payloadOf(request: GraphQLHttpRequest): Payload {
  if (request.method === 'GET') {
    const search = new URL(request.originalUrl, 'http://gateway').searchParams;
    return { query: search.get('query') ?? undefined, variables: search.get('variables') ?? undefined };
  }
  const body: unknown = request.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Payload) : {};
}

/** Bytes of the variables' JSON; Infinity when they cannot even be serialised (nested beyond the stack). */
function variablesBytes(variables: unknown): number {
  if (variables === undefined || variables === null) return 0;
  if (typeof variables === 'string') return Buffer.byteLength(variables);
  try {
    return Buffer.byteLength(JSON.stringify(variables));
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
