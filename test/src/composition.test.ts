import { readFileSync } from 'node:fs';
import path from 'node:path';
import { emittedSchema } from '@passerelle/demands/dist/src/cli/emit-schema';
import { breakingChanges, undescribedElements } from '@passerelle/gateway/dist/schema-rules';
import { REPOSITORY_ROOT, SUPERGRAPH_FILE } from '@passerelle/gateway/dist/subgraphs';
import { composeSupergraph, readSubgraphSchemas } from '@passerelle/gateway/dist/supergraph';

/** The committed contracts: subgraph SDLs, the supergraph the gateway serves, and their descriptions. */
describe('schema contracts', () => {
  const committed = readSubgraphSchemas();

  it('demands: the committed schema.graphql is what the code emits (run `npm run schema:emit`)', async () => {
    const file = readFileSync(path.join(REPOSITORY_ROOT, 'subgraphs/demands/schema.graphql'), 'utf8');
    expect(await emittedSchema()).toBe(file);
  });

  it('the committed supergraph is the composition of the committed schemas (run `npm run compose`)', () => {
    expect(composeSupergraph(committed)).toBe(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  });

  it('describes every type, field, argument and enum value', () => {
    for (const schema of committed) expect(undescribedElements(schema.sdl)).toEqual([]);
  });

  it('the description rule catches what it must', () => {
    const sdl = `"""A thing."""
type Thing { """Its id.""" id: ID!  name(lang: String): String }
enum Colour { """Red.""" RED  BLUE }
input Filter { """On name.""" name: String  code: String }
type Query { things: [Thing] }`;
    expect(undescribedElements(sdl)).toEqual([
      'Thing.name',
      'Thing.name(lang)',
      'Colour',
      'Colour.BLUE',
      'Filter',
      'Filter.code',
      'Query.things',
    ]);
  });

  it('the breaking-change rule reports a removed field, not an added one', async () => {
    const base = composeSupergraph(committed);
    const withDemands = (edit: (sdl: string) => string) =>
      committed.map((schema) => (schema.name === 'demands' ? { ...schema, sdl: edit(schema.sdl) } : schema));
    const removed = withDemands((sdl) => sdl.replace(/\n\s*"""\s*Numéro unique[\s\S]*?"""\s*\n\s*nur: String\n/, '\n'));
    expect(removed).not.toEqual(committed);
    expect(await breakingChanges(base, composeSupergraph(removed))).toEqual([
      expect.stringMatching(/'nur' was removed from object type 'Demand'/),
    ]);
    const added = withDemands((sdl) =>
      sdl.replace('  departement: String!', '  departement: String!\n  """New."""\n  extra: String'),
    );
    expect(await breakingChanges(base, composeSupergraph(added))).toEqual([]);
  });
});
