import type { EmbeddedCluster } from '@passerelle/shared/database';
import type { RunningService } from './services';

/** What globalSetup started, for globalTeardown (both run in Jest's parent process). */
export const harnessState: {
  cluster?: EmbeddedCluster;
  serverUrl?: string;
  databases: string[];
  services: RunningService[];
} = { databases: [], services: [] };
