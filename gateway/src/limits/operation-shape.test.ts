import { loadConfig } from '../config';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, getIntrospectionQuery, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { SUPERGRAPH_FILE, REPOSITORY_ROOT } from '../subgraphs';
import { DEFAULT_LIST_SIZE, measureOperation } from './operation-shape';

/** A small schema with the shapes that matter: a connection, plain lists with and without `first`. */
const schema = buildSchema(`
  type Query {
    demands(first: Int = 20, after: String): DemandConnection!
    demand(id: ID!): Demand
    communes: [String!]!
    schemes: [Scheme!]!
  }
  type DemandConnection { totalCount: Int! edges: [DemandEdge!]! pageInfo: PageInfo! }
  type DemandEdge { cursor: String! node: Demand! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Demand { id: ID! nur: String! proposals(first: Int): [Proposal!]! events(first: Int = 5): [String!]! household: Household }
  type Household { size: Int! members: [String!]! }
  type Proposal { id: ID! demand: Demand! }
  type Scheme { code: String! operators: [String!]! }
`);

function shape(query: string, variables?: Record<string, unknown>, over = schema) {
  const document = parse(query);
  expect(validate(over, document)).toEqual([]);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  return measureOperation(over, document, operation, variables);
}

describe('operation shape: depth', () => {
  it('counts nested fields, through fragments and inline fragments', () => {
    expect(shape('{ demand(id: "1") { id } }').depth).toBe(2);
    expect(shape('{ demand(id: "1") { household { size } } }').depth).toBe(3);
    expect(
      shape('{ demand(id: "1") { ...D } } fragment D on Demand { ... on Demand { proposals { demand { id } } } }')
        .depth,
    ).toBe(4);
  });

  it('does not count introspection, which is bounded by its own list nesting', () => {
    const introspection = shape(getIntrospectionQuery());
    expect(introspection.depth).toBe(0);
    expect(introspection.cost).toBe(0);
    expect(introspection.introspectionListNesting).toBe(3); // types → fields → args
    expect(
      shape('{ __type(name: "Demand") { fields { args { name } type { name } } } }').introspectionListNesting,
    ).toBe(2);
  });
});

describe('operation shape: cost', () => {
  it('multiplies a connection by its first, counting its page (edges) once', () => {
    // demands 1 + 10 × (edges 1 + 1 × (node 1 + id 1 + nur 1))
    expect(shape('{ demands(first: 10) { edges { node { id nur } } } }').cost).toBe(1 + 10 * (1 + 1 * (1 + 2)));
    // totalCount and pageInfo are counted under the connection's first too: a simple, safe overestimate.
    expect(shape('{ demands(first: 10) { totalCount } }').cost).toBe(1 + 10 * 1);
  });

  it('uses the argument default, else the default list size, for an absent first', () => {
    expect(shape('{ demands { totalCount } }').cost).toBe(1 + 20 * 1);
    expect(shape('{ demand(id: "1") { proposals { id } } }').cost).toBe(1 + 1 + DEFAULT_LIST_SIZE * 1);
    expect(shape('{ demand(id: "1") { events } }').cost).toBe(1 + 1 + 5 * 0);
    // A list field with no first argument at all counts as a default page.
    expect(shape('{ schemes { code } }').cost).toBe(1 + DEFAULT_LIST_SIZE * 1);
  });

  it('reads first from variables and from variable defaults', () => {
    const query = 'query($n: Int = 7) { demands(first: $n) { totalCount } }';
    expect(shape(query, { n: 50 }).cost).toBe(1 + 50);
    expect(shape(query, {}).cost).toBe(1 + 7);
    expect(shape(query, { n: 'x' }).cost).toBe(1 + DEFAULT_LIST_SIZE);
  });

  it('multiplies nested lists: a plain list inside a page multiplies again', () => {
    // 1 + 100 × (edges 1 + node 1 + proposals (1 + 100 × (id 1 + demand 1 + 100 × ... no: demand is one object)))
    const cost = shape(
      '{ demands(first: 100) { edges { node { proposals(first: 100) { id demand { id } } } } } }',
    ).cost;
    expect(cost).toBe(1 + 100 * (1 + 1 * (1 + (1 + 100 * (1 + (1 + 1))))));
  });

  it('measures a fragment bomb in linear time and reports its whole expansion', () => {
    // Each fragment spreads the next through ten aliased fields: 10^12 proposals at the end.
    const levels = 12;
    const fragments = Array.from(
      { length: levels },
      (_, level) =>
        `fragment F${level} on Demand { ${Array.from({ length: 10 }, (_, i) => `p${i}: proposals(first: 1) { demand { ...F${level + 1} } }`).join(' ')} }`,
    ).join('\n');
    const query = `{ demand(id: "1") { ...F0 } } ${fragments} fragment F${levels} on Demand { id }`;
    // Without the per-fragment memo this would never end (jest's timeout fails it): no timing here.
    const measured = shape(query);
    expect(measured.cost).toBeGreaterThan(1e12);
    expect(measured.aliases).toBe(levels * 10);
  });
});

describe('operation shape: aliases', () => {
  it('counts every aliased field in the document', () => {
    expect(shape('{ a: demand(id: "1") { id } b: demand(id: "2") { i: id } }').aliases).toBe(3);
    expect(shape('{ demand(id: "1") { id } }').aliases).toBe(0);
  });
});

describe('the default limits let every documented dashboard query through', () => {
  const supergraph = Supergraph.build(readFileSync(SUPERGRAPH_FILE, 'utf8')).apiSchema().toGraphQLJSSchema();
  const readme = readFileSync(path.join(REPOSITORY_ROOT, 'README.md'), 'utf8');
  const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

  it.each(examples.map((query, index) => [index + 1, query] as const))('README query %i', (_index, query) => {
    const measured = shape(query, undefined, supergraph);
    const limits = loadConfig({}).limits;
    expect(measured.depth).toBeLessThanOrEqual(limits.maxDepth);
    expect(measured.aliases).toBeLessThanOrEqual(limits.maxAliases);
    expect(measured.cost).toBeLessThanOrEqual(limits.maxCost);
  });
});
