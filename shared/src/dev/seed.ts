import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { optionalString, parseConfig, port } from '../config';
import { isCalendarDate, parisToday } from '../dates';
import { spawnService } from '../process';
import { REPOSITORY_ROOT, subgraphLayouts } from '../topology';
import { startHubDatabase } from './hub-database';

/**
 * `npm run seed -- --scale N [--reference-date YYYY-MM-DD]`: seeds the demo territory at N times
 * its volume (3 000 demands × N; N = 333 gives a million) into the hub's databases, each
 * subgraph loading its own slice with COPY, in parallel — then exits. For benchmarks; not in CI.
 * Seeding happens only into empty databases: use a fresh PASSERELLE_DATA_DIR (or DATABASE_URL),
 * then `npm start` with the same setting serves it.
 */
const BASE_DEMANDS = 3000;

const config = parseConfig(
  z.object({
    DATABASE_URL: optionalString,
    PASSERELLE_DATA_DIR: z.string().default(path.join(REPOSITORY_ROOT, '.data')),
    PASSERELLE_PG_PORT: port(54329),
  }),
);

async function main() {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, 'reference-date': { type: 'string' } },
  });
  const scale = Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw new Error('--scale must be a number from 0.01 to 1000.');
  }
  const referenceDate = values['reference-date'] ?? parisToday();
  if (!isCalendarDate(referenceDate)) throw new Error('--reference-date must be YYYY-MM-DD.');
  const demands = Math.round(BASE_DEMANDS * scale);

  const database = await startHubDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.PASSERELLE_DATA_DIR,
    port: config.PASSERELLE_PG_PORT,
  });
  const started = Date.now();
  console.log(`Seeding ${demands} demands (scale ${scale}, reference date ${referenceDate})…`);
  try {
    const results = await Promise.all(
      subgraphLayouts().map(
        (layout) =>
          new Promise<string>((resolve, reject) => {
            const child = spawnService({
              entry: path.join(REPOSITORY_ROOT, layout.entry),
              cwd: REPOSITORY_ROOT,
              env: {
                DATABASE_URL: database.serverUrl,
                SEED_DEMO: 'true',
                SEED_ONLY: 'true',
                SEED_DEMANDS: String(demands),
                SEED_REFERENCE_DATE: referenceDate,
                NODE_OPTIONS: '--max-old-space-size=8192',
              },
              output: 'inherit',
            });
            child.once('exit', (code) =>
              code === 0 ? resolve(layout.name) : reject(new Error(`${layout.name} seed failed (exit ${code})`)),
            );
          }),
      ),
    );
    console.log(`Seeded ${results.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
