import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { breakingChanges, undescribedElements } from '../schema-rules';
import { REPOSITORY_ROOT, SUBGRAPHS, SUPERGRAPH_FILE } from '../subgraphs';
import { composeSupergraph, readSubgraphSchemas } from '../supergraph';

/**
 * `npm run schema:check` — fails when:
 *  - a subgraph's committed schema.graphql differs from what its code emits (run schema:emit);
 *  - the committed schemas do not compose, or gateway/supergraph.graphql is stale (run compose);
 *  - a schema element has no description;
 *  - the supergraph breaks clients relative to `main` (BASE_REF overrides the reference).
 */
async function main(): Promise<number> {
  const problems: string[] = [];
  const schemas = readSubgraphSchemas();

  for (const subgraph of SUBGRAPHS) {
    const emitter = path.join(REPOSITORY_ROOT, path.dirname(subgraph.schemaFile), 'dist/src/cli/emit-schema.js');
    const emitted = execFileSync(process.execPath, [emitter, '--stdout'], { encoding: 'utf8' });
    if (emitted !== schemas.find((schema) => schema.name === subgraph.name)!.sdl) {
      problems.push(`${subgraph.schemaFile} is stale: run \`npm run schema:emit\` and commit it.`);
    }
  }

  let supergraph: string | undefined;
  try {
    supergraph = composeSupergraph(schemas);
    if (supergraph !== readFileSync(SUPERGRAPH_FILE, 'utf8')) {
      problems.push('gateway/supergraph.graphql is stale: run `npm run compose` and commit it.');
    }
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }

  for (const schema of schemas) {
    for (const element of undescribedElements(schema.sdl)) {
      problems.push(`${schema.name}: ${element} has no description.`);
    }
  }

  const baseRef = process.env.BASE_REF ?? 'main';
  const base = gitShow(baseRef, path.relative(REPOSITORY_ROOT, SUPERGRAPH_FILE));
  if (base === undefined) console.log(`(no ${baseRef} supergraph to compare with: breaking-change check skipped)`);
  else if (supergraph) {
    for (const change of await breakingChanges(base, supergraph)) {
      problems.push(`breaking change against ${baseRef}: ${change}`);
    }
  }

  for (const problem of problems) console.error(`✗ ${problem}`);
  if (problems.length === 0) console.log('✓ schemas emitted, composed, described, and compatible with ' + baseRef);
  return problems.length === 0 ? 0 : 1;
}

function gitShow(ref: string, file: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${ref}:${file}`], {
      cwd: REPOSITORY_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
