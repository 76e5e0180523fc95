import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

/**
 * The Federation 2 version every subgraph links. One constant, so subgraphs cannot drift apart,
 * and no higher than what the gateway's composer (@apollo/composition 2.14) supports.
 */
export const FEDERATION_VERSION = 'v2.9';
const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides', '@tag', '@inaccessible'];

/** `__resolveReference` functions, by entity type name (type-graphql has no decorator for them). */
export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: never, context: never, info: never) => unknown }
>;

/**
 * Builds a federated subgraph schema from type-graphql resolvers: type-graphql builds the
 * schema, its SDL (with directives) gets the federation `@link`, and `buildSubgraphSchema` adds
 * `_service` and `_entities` with the given reference resolvers.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true });
  const link = `extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: ${JSON.stringify(FEDERATION_IMPORTS)})`;
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  return buildSubgraphSchema({ typeDefs: parse(`${link}\n${printSchemaWithDirectives(schema)}`), resolvers });
}
