import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { Kind, parse, type DefinitionNode, type GraphQLSchema } from 'graphql';

/** Root operation types need no description of their own: their fields carry them. */
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Every type, field, argument, input field and enum value of a subgraph SDL that lacks a
 * description, as `Type.field(argument)` paths. The contract (ARCHITECTURE.md) wants none.
 */
export function undescribedElements(subgraphSdl: string): string[] {
  const missing: string[] = [];
  const lacks = (node: { description?: { value: string } }) => !node.description?.value.trim();
  for (const definition of parse(subgraphSdl).definitions as DefinitionNode[]) {
    if (!('name' in definition) || !definition.name) continue;
    const type = definition.name.value;
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        if (definition.kind !== Kind.OBJECT_TYPE_EXTENSION && !ROOT_TYPES.has(type) && lacks(definition)) {
          missing.push(type);
        }
        for (const field of definition.fields ?? []) {
          if (lacks(field)) missing.push(`${type}.${field.name.value}`);
          for (const argument of ('arguments' in field ? field.arguments : undefined) ?? []) {
            if (lacks(argument)) missing.push(`${type}.${field.name.value}(${argument.name.value})`);
          }
        }
        break;
      case Kind.ENUM_TYPE_DEFINITION:
        if (lacks(definition)) missing.push(type);
        for (const value of definition.values ?? []) if (lacks(value)) missing.push(`${type}.${value.name.value}`);
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.UNION_TYPE_DEFINITION:
        if (lacks(definition)) missing.push(type);
        break;
    }
  }
  return missing;
}

/** The client-facing schema of a supergraph (federation machinery removed). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** Changes from `before` to `after` that can break an existing client query, as readable lines. */
export async function breakingChanges(beforeSupergraph: string, afterSupergraph: string): Promise<string[]> {
  const changes = await diff(apiSchemaOf(beforeSupergraph), apiSchemaOf(afterSupergraph));
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => change.message);
}
