/** The gateway's limits on one request (docs/limits.md lists them with their variables). */
export interface RequestLimits {
  /** Deepest nesting of fields in an operation. */
  maxDepth: number;
  /** Aliases in a document. */
  maxAliases: number;
  /** Lexical tokens in the query text. */
  maxTokens: number;
  /** Estimated cost: each field 1, times the size of every list it sits in. */
  maxCost: number;
  /** Request body, bytes. */
  maxBodyBytes: number;
  /** Variables, bytes of their JSON. */
  maxVariablesBytes: number;
  /** Requests per minute per partner (per address for anonymous callers); 0 = no limit. */
  ratePerMinute: number;
  /** Requests a caller may send at once above the steady rate. */
  rateBurst: number;
}

/** Who may introspect the schema and see field suggestions in error messages. */
export type IntrospectionPolicy = 'everyone' | 'analysts' | 'nobody';
