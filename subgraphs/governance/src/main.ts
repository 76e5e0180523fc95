import { runSubgraph } from '@passerelle/shared/subgraph';
import { loadConfig } from './config';
import { createGovernanceDataSource } from './data-source';
import { seedDemoGovernance } from './seed/demo-seed';
import { SUBGRAPH_NAME, buildGovernanceServer } from './server';

runSubgraph(
  {
    name: SUBGRAPH_NAME,
    createDataSource: createGovernanceDataSource,
    buildApp: buildGovernanceServer,
    seed: seedDemoGovernance,
  },
  loadConfig(),
);
