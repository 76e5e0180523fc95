import { runSubgraph } from '@passerelle/shared/subgraph';
import { loadConfig } from './config';
import { createAccompanimentDataSource } from './data-source';
import { seedDemoAccompaniment } from './seed/demo-seed';
import { SUBGRAPH_NAME, buildAccompanimentServer } from './server';

runSubgraph(
  {
    name: SUBGRAPH_NAME,
    createDataSource: createAccompanimentDataSource,
    buildApp: buildAccompanimentServer,
    seed: seedDemoAccompaniment,
  },
  loadConfig(),
);
