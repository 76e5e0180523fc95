import { printSubgraphSchema } from '@apollo/subgraph';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOffersSchema } from '../schema';

/**
 * Prints the subgraph's SDL into `schema.graphql`, the committed contract the gateway composes
 * (`--stdout`: print it instead, for `npm run schema:check`).
 */
export const SCHEMA_FILE = path.resolve(__dirname, '../../../schema.graphql');

export async function emittedSchema(): Promise<string> {
  return printSubgraphSchema(await buildOffersSchema());
}

if (require.main === module) {
  emittedSchema()
    .then((sdl) => (process.argv.includes('--stdout') ? process.stdout.write(sdl) : writeFileSync(SCHEMA_FILE, sdl)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
