import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkSchemas } from '../schema-check';
import { REPOSITORY_ROOT, SUPERGRAPH_FILE } from '../subgraphs';
import { readSubgraphSchemas } from '../supergraph';

/**
 * `npm run schema:check`: fails on a stale subgraph schema or supergraph, a composition error,
 * an undescribed element, or a breaking change against `main` (BASE_REF overrides the branch).
 */
async function main(): Promise<number> {
  const baseRef = process.env.BASE_REF ?? 'main';
  const base = gitShow(baseRef, path.relative(REPOSITORY_ROOT, SUPERGRAPH_FILE));
  if (base === undefined) console.log(`(no ${baseRef} supergraph to compare with: breaking-change check skipped)`);
  const problems = await checkSchemas({
    subgraphs: readSubgraphSchemas().map((subgraph) => ({ ...subgraph, emitted: emit(subgraph.schemaFile) })),
    committedSupergraph: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    baseSupergraph: base === undefined ? undefined : { ref: baseRef, sdl: base },
  });
  for (const problem of problems) console.error(`✗ ${problem}`);
  if (problems.length === 0) console.log(`✓ schemas emitted, composed, described, and compatible with ${baseRef}`);
  return problems.length === 0 ? 0 : 1;
}

/** What a subgraph's code emits now (its own emitter, in its own process: type-graphql metadata is per process). */
function emit(schemaFile: string): string {
  const emitter = path.join(REPOSITORY_ROOT, path.dirname(schemaFile), 'dist/src/cli/emit-schema.js');
  return execFileSync(process.execPath, [emitter, '--stdout'], { encoding: 'utf8' });
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
