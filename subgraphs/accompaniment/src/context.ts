import { parisDate, type Clock } from '@passerelle/shared/dates';
import type { Viewer } from '@passerelle/shared/identity';
import type { DataSource } from 'typeorm';
import { createDiagnosticLoaders, type DiagnosticLoaders } from './diagnostic/diagnostic.loaders';
import { DiagnosticRepository } from './diagnostic/diagnostic.repository';
import { DiagnosticService } from './diagnostic/diagnostic.service';
import { createHouseholdLoaders, type HouseholdLoaders } from './household/household.loaders';
import { createActivityLoaders, type ActivityLoaders } from './indicators/accompaniment-activity.loaders';
import { ActivityRepository } from './indicators/accompaniment-activity.repository';
import { ActivityService } from './indicators/accompaniment-activity.service';
import { createIndicatorLoaders, type IndicatorLoaders } from './indicators/accompaniment-indicators.loaders';
import { IndicatorRepository } from './indicators/accompaniment-indicators.repository';
import { IndicatorService } from './indicators/accompaniment-indicators.service';
import { createMeasureLoaders, type MeasureLoaders } from './measure/measure.loaders';
import { MeasureRepository } from './measure/measure.repository';
import { MeasureLifecycleService } from './measure/measure-lifecycle.service';
import { MeasureService } from './measure/measure.service';
import { createOperatorLoaders, type OperatorLoaders } from './operator/operator.loaders';
import { OperatorRepository } from './operator/operator.repository';
import { OperatorService } from './operator/operator.service';
import { accompanimentFactAccess, measureAccess } from './policy';
import { WatchRepository } from './watch/watch.repository';
import { createWatchLoaders, WatchService, type WatchLoaders } from './watch/watch.service';
import { createSchemeLoaders, type SchemeLoaders } from './scheme/scheme.loaders';
import { SchemeRepository } from './scheme/scheme.repository';
import { SchemeService } from './scheme/scheme.service';

/** Every per-request loader of the subgraph. */
export type AccompanimentLoaders = SchemeLoaders &
  OperatorLoaders &
  MeasureLoaders &
  IndicatorLoaders &
  ActivityLoaders &
  HouseholdLoaders &
  WatchLoaders &
  DiagnosticLoaders;

/** What every resolver of the accompaniment subgraph receives. */
export interface AccompanimentContext {
  viewer: Viewer;
  schemes: SchemeService;
  operators: OperatorService;
  measures: MeasureService;
  lifecycle: MeasureLifecycleService;
  watch: WatchService;
  /** Social diagnostics and consents. */
  diagnostics: DiagnosticService;
  /** Today's date in Paris, from the subgraph's clock. */
  today: () => string;
  indicators: IndicatorService;
  /** The accompaniment activity over a period (territories and operators). */
  activity: ActivityService;
  loaders: AccompanimentLoaders;
}

/** Builds, once per process, the function that makes a fresh context (and loaders) per request. */
export function createContextFactory(
  db: DataSource,
  now: Clock = () => new Date(),
): (viewer: Viewer) => AccompanimentContext {
  const repositories = {
    schemes: new SchemeRepository(db),
    operators: new OperatorRepository(db),
    measures: new MeasureRepository(db),
    indicators: new IndicatorRepository(db),
    activity: new ActivityRepository(db),
    watch: new WatchRepository(db),
    diagnostics: new DiagnosticRepository(db),
  };
  const services = {
    schemes: new SchemeService(repositories.schemes),
    operators: new OperatorService(repositories.operators),
    measures: new MeasureService(repositories.measures),
    indicators: new IndicatorService(() => parisDate(now())),
    activity: new ActivityService(() => parisDate(now())),
    lifecycle: new MeasureLifecycleService(db, now),
    watch: new WatchService(repositories.watch),
    diagnostics: new DiagnosticService(db, now),
    today: () => parisDate(now()),
  };
  return (viewer) => ({
    viewer,
    ...services,
    loaders: {
      ...createSchemeLoaders(repositories.schemes),
      ...createOperatorLoaders(repositories.operators),
      // The viewer's access is decided once per request and carried into every measure batch.
      ...createMeasureLoaders(repositories.measures, measureAccess(viewer)),
      ...createIndicatorLoaders(repositories.indicators),
      ...createActivityLoaders(repositories.activity),
      ...createHouseholdLoaders(db),
      ...createWatchLoaders(repositories.watch, parisDate(now())),
      ...createDiagnosticLoaders(repositories.diagnostics, accompanimentFactAccess(viewer)),
    },
  });
}
