import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@passerelle/shared/errors';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../signed-data-source';
import { LimitExceededError, formatCount } from './errors';
import { schemaDetailsAllowed, usesIntrospection, withoutSuggestions } from './introspection';
import { DEFAULT_LIST_SIZE, MAX_INTROSPECTION_LIST_NESTING, measureOperation } from './operation-shape';
import { tooManyAliases } from './query-text';
import type { IntrospectionPolicy, RequestLimits } from './types';

/**
 * The gateway's checks on a parsed, validated operation, before it is planned or sent to any
 * subgraph: introspection only for callers allowed to see the schema, then depth, aliases and
 * estimated cost. And, for callers not allowed to see the schema, "Did you mean …" suggestions
 * cut from every error message.
 */
export function limitsPlugin(options: {
  limits: RequestLimits;
  introspection: IntrospectionPolicy;
}): ApolloServerPlugin<GatewayContext> {
  const { limits, introspection } = options;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request, contextValue }) {
          if (usesIntrospection(document) && !schemaDetailsAllowed(introspection, contextValue.viewer)) {
            throw new LimitExceededError(
              ErrorCode.INTROSPECTION_DISABLED,
              introspection === 'analysts'
                ? 'Schema introspection (__schema, __type) is open to ANALYST partners only here. ' +
                    'The published schema and its descriptions document every type and field.'
                : 'Schema introspection (__schema, __type) is turned off here. ' +
                    'The published schema and its descriptions document every type and field.',
            );
          }
          // The gateway's executor throws on these (HTTP 500): refuse them here, as graphql-js words them.
          if (!operation) {
            throw new GraphQLError(
              request.operationName
                ? `Unknown operation named "${request.operationName}".`
                : 'Must provide operation name if query contains multiple operations.',
              { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
            );
          }
          if (!schema.getRootType(operation.operation)) {
            throw new GraphQLError(
              `The schema has no ${operation.operation} operations: the hub serves queries and mutations.`,
              {
                nodes: [operation],
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
              },
            );
          }
          const shape = measureOperation(schema, document, operation, request.variables);
          if (shape.depth > limits.maxDepth) {
            throw new LimitExceededError(
              ErrorCode.QUERY_TOO_DEEP,
              `The query nests fields ${shape.depth} levels deep; the limit is ${limits.maxDepth}. ` +
                'Ask for fewer nested levels, or fetch the deeper data in a second query (by id).',
              { limit: limits.maxDepth, actual: shape.depth },
            );
          }
          if (shape.introspectionListNesting > MAX_INTROSPECTION_LIST_NESTING) {
            throw new LimitExceededError(
              ErrorCode.QUERY_TOO_DEEP,
              `The introspection query nests ${shape.introspectionListNesting} lists; the limit is ` +
                `${MAX_INTROSPECTION_LIST_NESTING} (types → fields → args, as the standard introspection query does).`,
              { limit: MAX_INTROSPECTION_LIST_NESTING, actual: shape.introspectionListNesting },
            );
          }
          if (shape.aliases > limits.maxAliases) throw tooManyAliases(limits.maxAliases, shape.aliases);
          if (shape.cost > limits.maxCost) {
            throw new LimitExceededError(
              ErrorCode.QUERY_TOO_COMPLEX,
              `The query's estimated cost is ${formatCount(shape.cost)}; the limit is ${formatCount(limits.maxCost)}. ` +
                `Each field counts 1, multiplied by the size of every list it sits in (its \`first\`, or ${DEFAULT_LIST_SIZE} when absent). ` +
                'Ask for smaller pages (`first`) and fewer nested lists, and follow `pageInfo.endCursor` for the rest.',
              { limit: limits.maxCost, actual: Number.isFinite(shape.cost) ? Math.round(shape.cost) : undefined },
            );
          }
        },

        async willSendResponse({ response, contextValue }) {
          if (schemaDetailsAllowed(introspection, contextValue.viewer)) return;
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          if (result.errors) result.errors = result.errors.map(withoutSuggestions);
        },
      };
    },
  };
}
