import { runSubgraph } from '@passerelle/shared/subgraph';
import { loadConfig } from './config';
import { createDemandsDataSource } from './data-source';
import { seedDemoRegister } from './seed/demo-seed';
import { SUBGRAPH_NAME, buildDemandsServer } from './server';

const config = loadConfig();
runSubgraph(
  {
    name: SUBGRAPH_NAME,
    createDataSource: createDemandsDataSource,
    buildApp: (options) => buildDemandsServer({ ...options, settings: config.settings }),
    seed: seedDemoRegister,
  },
  config,
);
