import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { REPOSITORY_ROOT, SUBGRAPHS } from './subgraphs';

/** The subgraph SDLs as committed, by name. */
export function readSubgraphSchemas(
  read: (file: string) => string = (file) => readFileSync(path.join(REPOSITORY_ROOT, file), 'utf8'),
) {
  return SUBGRAPHS.map((subgraph) => ({ ...subgraph, sdl: read(subgraph.schemaFile) }));
}

/** Composes subgraph schemas (default: the committed ones) into the supergraph SDL, or throws with every composition error. */
export function composeSupergraph(
  schemas: { name: string; sdl: string; defaultUrl: string }[] = readSubgraphSchemas(),
): string {
  const result = composeServices(
    schemas.map(({ name, sdl, defaultUrl }) => ({ name, typeDefs: parse(sdl), url: defaultUrl })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}
