import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoToken, freePort } from '@passerelle/shared/testing';
import { postGraphQL } from '../support/endpoints';

const ROOT = path.resolve(__dirname, '../../..');

/** Every process descending from `pid`, read from /proc. */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we read
    }
  }
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, ppid] of parentOf) {
      if (ppid !== parent) continue;
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

describe('npm start', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'passerelle-start-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter this folder.
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the whole graph through the gateway with a demo token, and Ctrl-C leaves no process or postmaster.pid', async () => {
    const ports = { gateway: await freePort(), demands: await freePort(), postgres: await freePort() };
    const hub = spawn(process.execPath, [path.join(ROOT, 'shared/dist/dev/start.js')], {
      cwd: ROOT,
      detached: true, // its own process group, so that a Ctrl-C can be sent to the whole group
      env: {
        ...process.env,
        DATABASE_URL: '',
        NODE_ENV: '', // as in a developer's shell (Jest sets NODE_ENV=test): development mode
        PASSERELLE_DATA_DIR: dataDir,
        PASSERELLE_PG_PORT: String(ports.postgres),
        GATEWAY_PORT: String(ports.gateway),
        DEMANDS_PORT: String(ports.demands),
        SEED_DEMANDS: '300',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    hub.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    hub.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => hub.once('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start did not get ready:\n${output}`)), 60_000);
        hub.stdout.on('data', () => {
          if (!output.includes('Passerelle is running')) return;
          clearTimeout(timer);
          resolve();
        });
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`npm start exited:\n${output}`));
        });
      });
      expect(output).toContain(`http://localhost:${ports.gateway}/graphql`);

      const gateway = `http://127.0.0.1:${ports.gateway}/graphql`;
      const { body } = await postGraphQL(
        gateway,
        { query: '{ demands(first: 3) { totalCount edges { node { nur } } } }' },
        {
          authorization: `Bearer ${await demoToken('mel')}`,
        },
      );
      expect(body.data.demands.totalCount).toBe(300);
      expect(body.data.demands.edges).toHaveLength(3);
      // The whole graph: one territory request answered by the four subgraphs.
      const dashboard = await postGraphQL(
        gateway,
        {
          query: `{ territory(code: "200093201") { name demandIndicators { pending } offerIndicators { vacanciesOpen }
            accompanimentIndicators { activeMeasures } governanceIndicators { meetingsHeldThisYear } } }`,
        },
        { authorization: `Bearer ${await demoToken('mel')}` },
      );
      expect(dashboard.body.errors).toBeUndefined();
      expect(dashboard.body.data.territory).toMatchObject({
        name: 'Métropole Européenne de Lille',
        demandIndicators: { pending: expect.any(Number) },
        offerIndicators: { vacanciesOpen: expect.any(Number) },
        accompanimentIndicators: { activeMeasures: expect.any(Number) },
        governanceIndicators: { meetingsHeldThisYear: expect.any(Number) },
      });
      expect(dashboard.body.data.territory.demandIndicators.pending).toBeGreaterThan(0);
      // In development a browser gets Apollo Sandbox on the GraphQL URL.
      const page = await fetch(gateway, { headers: { accept: 'text/html' } });
      expect(await page.text()).toMatch(/sandbox/i);

      const children = descendants(hub.pid!);
      expect(children.length).toBeGreaterThanOrEqual(6); // postgres, four subgraphs, the gateway
      process.kill(-hub.pid!, 'SIGINT'); // what a terminal does on Ctrl-C
      expect(await exited).toBe(0);
      expect(children.filter(alive)).toEqual([]);
      expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    } finally {
      if (alive(hub.pid!)) process.kill(-hub.pid!, 'SIGKILL');
    }
  }, 90_000);
});
