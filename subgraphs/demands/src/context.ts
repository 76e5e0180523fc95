import type { Viewer } from '@passerelle/shared/identity';
import type { DataSource } from 'typeorm';
import { DemandEventRepository } from './demand-event/demand-event.repository';
import { createDemandLoaders, type DemandLoaders } from './demand/demand.loaders';
import { registerAccess } from './demand/demand.policy';
import { DemandRepository } from './demand/demand.repository';
import { DemandService } from './demand/demand.service';

/** What every resolver of the demands subgraph receives. */
export interface DemandsContext {
  viewer: Viewer;
  demands: DemandService;
  loaders: DemandLoaders;
}

/** Builds, once per process, the function that makes a fresh context (and loaders) per request. */
export function createContextFactory(db: DataSource): (viewer: Viewer) => DemandsContext {
  const repositories = { demands: new DemandRepository(db), events: new DemandEventRepository(db) };
  const demands = new DemandService(repositories.demands);
  return (viewer) => ({ viewer, demands, loaders: createDemandLoaders(repositories, registerAccess(viewer)) });
}
