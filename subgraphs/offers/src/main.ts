import { runSubgraph } from '@passerelle/shared/subgraph';
import { loadConfig } from './config';
import { createOffersDataSource } from './data-source';
import { seedDemoOffers } from './seed/demo-seed';
import { SUBGRAPH_NAME, buildOffersServer } from './server';

runSubgraph(
  { name: SUBGRAPH_NAME, createDataSource: createOffersDataSource, buildApp: buildOffersServer, seed: seedDemoOffers },
  loadConfig(),
);
