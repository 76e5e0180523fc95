import { parisDate, type CalendarDate, type Clock } from '@passerelle/shared/dates';
import { isAuthenticated, type Viewer } from '@passerelle/shared/identity';
import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { AlertRepository } from './alert/alert.repository';
import { AlertService } from './alert/alert.service';
import type { DemandsSettings } from './config';
import { DemandEventRepository } from './demand-event/demand-event.repository';
import type { DemandEntity } from './demand/demand.entity';
import { createDemandLoaders, type DemandLoaders } from './demand/demand.loaders';
import { registerAccess } from './policy';
import { DemandRepository } from './demand/demand.repository';
import { pseudonymOf } from './demand/pseudonym';
import { DemandService } from './demand/demand.service';
import type { Demand } from './demand/demand.type';
import { DemandLifecycleService } from './lifecycle/lifecycle.service';
import { TerritoryIndicatorRepository } from './territory/territory.repository';
import { TerritoryIndicatorService } from './territory/territory.service';
import type { DemandIndicators } from './territory/territory.type';

/** What every resolver of the demands subgraph receives. */
export interface DemandsContext {
  viewer: Viewer;
  demands: DemandService;
  lifecycle: DemandLifecycleService;
  alerts: AlertService;
  territories: TerritoryIndicatorService;
  loaders: DemandLoaders & { demandIndicators: DataLoader<string, DemandIndicators> };
  /** Today in Paris, per the register's clock. */
  today(): CalendarDate;
  /** The public shape of a stored demand, today. */
  present(row: DemandEntity): Demand;
  /** The viewer's partner's pseudonym of a NUR (`pseudonym.ts`). */
  pseudonym(nur: string): string;
}

/** Builds, once per process, the function that makes a fresh context (and loaders) per request. */
export function createContextFactory(
  db: DataSource,
  settings: DemandsSettings,
  now: Clock,
): (viewer: Viewer) => DemandsContext {
  const today = () => parisDate(now());
  const repositories = { demands: new DemandRepository(db), events: new DemandEventRepository(db) };
  const demands = new DemandService(repositories.demands, today);
  const present = (row: DemandEntity) => demands.present(row);
  const lifecycle = new DemandLifecycleService(db, settings, now);
  const alerts = new AlertService(new AlertRepository(db), present);
  const territories = new TerritoryIndicatorService(new TerritoryIndicatorRepository(db), today);
  return (viewer) => ({
    viewer,
    pseudonym: (nur) => pseudonymOf(settings.pseudonymKey, isAuthenticated(viewer) ? viewer.partner : '', nur),
    demands,
    lifecycle,
    alerts,
    territories,
    today,
    present,
    loaders: {
      ...createDemandLoaders(repositories, registerAccess(viewer)),
      demandIndicators: territories.createLoader(),
    },
  });
}
