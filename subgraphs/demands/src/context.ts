import type { Viewer } from '@passerelle/shared/identity';
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { DemandEventRepository } from './demand-event/demand-event.repository';
import { createDemandLoaders, type DemandLoaders } from './demand/demand.loaders';
import { registerAccess } from './demand/demand.policy';
import { DemandRepository } from './demand/demand.repository';
import { DemandService } from './demand/demand.service';
import { TerritoryIndicatorRepository } from './territory/territory.repository';
import { TerritoryIndicatorService } from './territory/territory.service';
import type { DemandIndicators } from './territory/territory.type';

/** What every resolver of the demands subgraph receives. */
export interface DemandsContext {
  viewer: Viewer;
  demands: DemandService;
  territories: TerritoryIndicatorService;
  loaders: DemandLoaders & { demandIndicators: DataLoader<string, DemandIndicators> };
}

/** Builds, once per process, the function that makes a fresh context (and loaders) per request. */
export function createContextFactory(db: DataSource): (viewer: Viewer) => DemandsContext {
  const repositories = { demands: new DemandRepository(db), events: new DemandEventRepository(db) };
  const demands = new DemandService(repositories.demands);
  const territories = new TerritoryIndicatorService(new TerritoryIndicatorRepository(db));
  return (viewer) => ({
    viewer,
    demands,
    territories,
    loaders: {
      ...createDemandLoaders(repositories, registerAccess(viewer)),
      demandIndicators: territories.createLoader(),
    },
  });
}
