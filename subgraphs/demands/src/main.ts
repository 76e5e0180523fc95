import { runSubgraph } from '@passerelle/shared/subgraph';
import { loadConfig } from './config';
import { createDemandsDataSource } from './data-source';
import { seedDemoRegister } from './seed/demo-seed';
import { SUBGRAPH_NAME, buildDemandsServer } from './server';

runSubgraph(
  {
    name: SUBGRAPH_NAME,
    createDataSource: createDemandsDataSource,
    buildApp: buildDemandsServer,
    seed: seedDemoRegister,
  },
  loadConfig(),
);
