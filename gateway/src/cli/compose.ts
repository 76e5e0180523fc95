import { writeFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from '../subgraphs';
import { composeSupergraph } from '../supergraph';

/** `npm run compose`: regenerates gateway/supergraph.graphql from the committed subgraph schemas. */
try {
  writeFileSync(SUPERGRAPH_FILE, composeSupergraph());
  console.log(`wrote ${SUPERGRAPH_FILE}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
