import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@passerelle/shared/testing';
import { REPOSITORY_ROOT } from '@passerelle/shared/topology';

/** `npm run seed -- --scale N`: every subgraph loads its slice (with COPY) and the command exits. */
describe('npm run seed', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-seed-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter this folder.
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds 3 000 × scale demands and the matching slices, then exits', async () => {
    const port = await freePort();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(REPOSITORY_ROOT, 'shared/dist/dev/seed.js'), '--scale', '0.05', '--reference-date', '2026-06-30'],
      {
        cwd: REPOSITORY_ROOT,
        env: { ...process.env, PASSERELLE_DATA_DIR: dataDir, PASSERELLE_PG_PORT: String(port), LOG_LEVEL: 'info' },
      },
    );
    expect(stdout).toMatch(/Seeded .* in [\d.]+ s\./);
    // Each subgraph reports the rows it copied (COPY fails loudly on any bad row).
    const reports = stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === 'demo territory seeded');
    const bySubgraph = Object.fromEntries(reports.map((entry) => [entry.service, entry]));
    expect(Object.keys(bySubgraph).sort()).toEqual(['accompaniment', 'demands', 'governance', 'offers']);
    expect(bySubgraph.demands).toMatchObject({ demand: 150, referenceDate: '2026-06-30' });
    expect(bySubgraph.offers).toMatchObject({ vacancy: 30, landlord: 3 });
    expect(bySubgraph.governance).toMatchObject({ partner: 12 });
    expect(bySubgraph.accompaniment!.measure).toBeGreaterThan(0);
  }, 90_000);
});
