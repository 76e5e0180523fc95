import { breakingChanges, undescribedElements } from './schema-rules';
import { composeSupergraph } from './supergraph';

export interface SchemaCheckInput {
  /** Each subgraph's committed SDL and what its code emits now. */
  subgraphs: { name: string; schemaFile: string; defaultUrl: string; sdl: string; emitted: string }[];
  /** The committed gateway/supergraph.graphql. */
  committedSupergraph: string;
  /** The supergraph of the reference branch (`main`), if there is one. */
  baseSupergraph?: { ref: string; sdl: string };
}

/**
 * The schema contract checks behind `npm run schema:check`, as problems to report (none = pass):
 * stale subgraph SDL, composition errors, stale supergraph, undescribed elements, and changes
 * that would break existing client queries compared with the reference branch.
 */
export async function checkSchemas(input: SchemaCheckInput): Promise<string[]> {
  const problems: string[] = [];
  for (const subgraph of input.subgraphs) {
    if (subgraph.emitted !== subgraph.sdl) {
      problems.push(`${subgraph.schemaFile} is stale: run \`npm run schema:emit\` and commit it.`);
    }
    for (const element of undescribedElements(subgraph.sdl)) {
      problems.push(`${subgraph.name}: ${element} has no description.`);
    }
  }
  let supergraph: string | undefined;
  try {
    supergraph = composeSupergraph(input.subgraphs);
    if (supergraph !== input.committedSupergraph) {
      problems.push('gateway/supergraph.graphql is stale: run `npm run compose` and commit it.');
    }
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (supergraph && input.baseSupergraph) {
    for (const change of await breakingChanges(input.baseSupergraph.sdl, supergraph)) {
      problems.push(`breaking change against ${input.baseSupergraph.ref}: ${change}`);
    }
  }
  return problems;
}
