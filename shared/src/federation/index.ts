import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { enforceFieldPolicy, type FieldPolicy, type PolicyContext } from '../access';
import { createAuditLogResolver } from '../audit';

/** What a subgraph's schema is built from, besides its resolvers. */
export interface SubgraphSchemaOptions extends Omit<BuildSchemaOptions, 'skipCheck'> {
  /** The subgraph's name: its audit-log query is `<name>AuditLog`. */
  subgraph: string;
  /** Who reads which restricted field (see `@passerelle/shared/access`). */
  fieldPolicy: FieldPolicy<any>; // each subgraph's rules take its own context
}

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
 * schema (with the auditor's query on the subgraph's log), its SDL (with directives) gets the
 * federation `@link`, `buildSubgraphSchema` adds `_service` and `_entities` with the given
 * reference resolvers, and the field policy guards the restricted fields.
 */
export async function buildFederatedSchema(
  { subgraph, fieldPolicy, ...options }: SubgraphSchemaOptions,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    resolvers: [...options.resolvers, createAuditLogResolver(subgraph)],
    skipCheck: true,
  });
  const link = `extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: ${JSON.stringify(FEDERATION_IMPORTS)})`;
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  const subgraphSchema = buildSubgraphSchema({
    typeDefs: parse(`${link}\n${printSchemaWithDirectives(schema)}`),
    resolvers,
  });
  return enforceFieldPolicy<PolicyContext>(subgraphSchema, fieldPolicy);
}
