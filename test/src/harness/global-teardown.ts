import { dropDatabase } from '@passerelle/shared/database';
import { terminate, withTimeout } from '@passerelle/shared/process';
import { harnessState } from './state';

/** Stops the processes, then drops the run's databases (external server) or the whole cluster. */
export default async function globalTeardown() {
  await Promise.all(harnessState.services.map((service) => terminate(service.child, 5_000)));
  if (harnessState.cluster) {
    await withTimeout(harnessState.cluster.stop(), 15_000, 'stopping the test cluster');
    return;
  }
  if (harnessState.serverUrl) {
    for (const database of harnessState.databases) await dropDatabase(harnessState.serverUrl, database);
  }
}
