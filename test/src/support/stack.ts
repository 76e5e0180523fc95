import { ensureDatabase, withDatabase } from '@passerelle/shared/database';
import { terminate } from '@passerelle/shared/process';
import { harnessEnvironment, templateDatabaseName } from '@passerelle/shared/testing';
import { subgraphLayouts } from '@passerelle/shared/topology';
import { startService, type RunningService } from '../harness/services';

export interface Stack {
  gateway: RunningService;
  subgraphs: { name: string; database: string; service: RunningService }[];
  stop(): Promise<void>;
}

/**
 * Every registered subgraph on a fresh clone of its template, seeded with the demo territory,
 * and a gateway in front: the real processes, each on a free port. globalSetup starts the shared
 * one; a test that must not share its databases (statement counts) starts its own.
 */
export async function startStack(options: { label: string; referenceDate: string; demands: number }): Promise<Stack> {
  const { serverUrl, runId } = harnessEnvironment();
  const started: RunningService[] = [];
  const stop = () => Promise.all(started.map((service) => terminate(service.child, 5_000))).then(() => undefined);
  try {
    const subgraphs = await Promise.all(
      subgraphLayouts().map(async (layout) => {
        const database = `passerelle_test_${runId}_${options.label}_${layout.name}`;
        await ensureDatabase(serverUrl, database, templateDatabaseName(runId, layout.name));
        const service = await startService({
          name: layout.name,
          entry: layout.entry,
          portVariable: `${layout.envPrefix}_PORT`,
          env: {
            [`${layout.envPrefix}_DATABASE_URL`]: withDatabase(serverUrl, database),
            SEED_DEMO: 'true',
            SEED_REFERENCE_DATE: options.referenceDate,
            SEED_DEMANDS: String(options.demands),
          },
        });
        started.push(service);
        return { name: layout.name, database, service };
      }),
    );
    const gateway = await startService({
      name: 'gateway',
      entry: 'gateway/dist/main.js',
      portVariable: 'GATEWAY_PORT',
      env: Object.fromEntries(
        subgraphLayouts().map((layout) => [
          `${layout.envPrefix}_URL`,
          subgraphs.find((subgraph) => subgraph.name === layout.name)!.service.url,
        ]),
      ),
    });
    started.push(gateway);
    return { gateway, subgraphs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
