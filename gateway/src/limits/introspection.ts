import type { Viewer } from '@passerelle/shared/identity';
import { Kind, visit, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { IntrospectionPolicy } from './types';

/** Whether this caller may introspect the schema and see "Did you mean …" suggestions. */
export function schemaDetailsAllowed(policy: IntrospectionPolicy, viewer: Viewer): boolean {
  if (policy === 'everyone') return true;
  return policy === 'analysts' && viewer.kind === 'ANALYST';
}

/** The document asks for `__schema` or `__type` somewhere (`__typename` is not introspection). */
export function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * graphql-js appends suggestions to validation and coercion messages (`Cannot query field "nurr"
 * on type "Demand". Did you mean "nur"?`): they disclose the schema bit by bit, so they are cut
 * for callers who may not introspect it. The rest of the message stays.
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  const message = error.message.replace(SUGGESTION, '');
  return message === error.message ? error : { ...error, message };
}
