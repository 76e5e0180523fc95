import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkSchemas } from '@passerelle/gateway/dist/schema-check';
import { REPOSITORY_ROOT, SUPERGRAPH_FILE } from '@passerelle/gateway/dist/subgraphs';
import { readSubgraphSchemas } from '@passerelle/gateway/dist/supergraph';

/** `npm run schema:check` fails on a breaking change and on a missing description, and passes on the repository. */
const committedSupergraph = readFileSync(SUPERGRAPH_FILE, 'utf8');

/** The committed schemas, with demands' SDL changed by `edit` (and its code "emitting" the same, so it is not stale). */
function withDemandsSdl(edit: (sdl: string) => string) {
  return readSubgraphSchemas().map((subgraph) => {
    const sdl = subgraph.name === 'demands' ? edit(subgraph.sdl) : subgraph.sdl;
    return { ...subgraph, sdl, emitted: sdl };
  });
}

describe('npm run schema:check', () => {
  it('passes on the repository as committed', () => {
    const output = execFileSync(process.execPath, [path.join(REPOSITORY_ROOT, 'gateway/dist/cli/schema-check.js')], {
      cwd: REPOSITORY_ROOT,
      encoding: 'utf8',
      env: { ...process.env, BASE_REF: 'HEAD' },
    });
    expect(output).toContain('✓ schemas emitted, composed, described, and compatible with HEAD');
  });

  it('fails on a deliberate breaking change (a field removed)', async () => {
    const subgraphs = withDemandsSdl((sdl) => {
      const edited = sdl.replace(/\n\s*"""\s*Numéro unique[\s\S]*?"""\s*\n\s*nur: String\n/, '\n');
      expect(edited).not.toBe(sdl);
      return edited;
    });
    const problems = await checkSchemas({
      subgraphs,
      committedSupergraph,
      baseSupergraph: { ref: 'main', sdl: committedSupergraph },
    });
    expect(problems).toContainEqual(expect.stringMatching(/^breaking change against main: .*'nur' was removed/));
  });

  it('fails on a deliberate missing description', async () => {
    const subgraphs = withDemandsSdl((sdl) =>
      sdl.replace('  departement: String!', '  departement: String!\n  extra: String'),
    );
    const problems = await checkSchemas({ subgraphs, committedSupergraph });
    expect(problems).toContainEqual('demands: Demand.extra has no description.');
  });

  it('fails on a stale committed schema or supergraph', async () => {
    const stale = readSubgraphSchemas().map((subgraph) => ({ ...subgraph, emitted: `${subgraph.sdl}\n# changed` }));
    expect(await checkSchemas({ subgraphs: stale, committedSupergraph })).toContainEqual(
      expect.stringMatching(/schema\.graphql is stale/),
    );
    const fresh = readSubgraphSchemas().map((subgraph) => ({ ...subgraph, emitted: subgraph.sdl }));
    expect(await checkSchemas({ subgraphs: fresh, committedSupergraph: `${committedSupergraph}\n` })).toEqual([
      'gateway/supergraph.graphql is stale: run `npm run compose` and commit it.',
    ]);
  });
});
