import type { Viewer } from '@passerelle/shared/identity';
import type { DataSource } from 'typeorm';
import { createIndicatorLoaders, type IndicatorLoaders } from './indicators/accompaniment-indicators.loaders';
import { IndicatorRepository } from './indicators/accompaniment-indicators.repository';
import { IndicatorService } from './indicators/accompaniment-indicators.service';
import { createMeasureLoaders, type MeasureLoaders } from './measure/measure.loaders';
import { MeasureRepository } from './measure/measure.repository';
import { MeasureService } from './measure/measure.service';
import { createOperatorLoaders, type OperatorLoaders } from './operator/operator.loaders';
import { OperatorRepository } from './operator/operator.repository';
import { OperatorService } from './operator/operator.service';
import { measureAccess } from './policy';
import { createSchemeLoaders, type SchemeLoaders } from './scheme/scheme.loaders';
import { SchemeRepository } from './scheme/scheme.repository';
import { SchemeService } from './scheme/scheme.service';

/** Every per-request loader of the subgraph. */
export type AccompanimentLoaders = SchemeLoaders & OperatorLoaders & MeasureLoaders & IndicatorLoaders;

/** What every resolver of the accompaniment subgraph receives. */
export interface AccompanimentContext {
  viewer: Viewer;
  schemes: SchemeService;
  operators: OperatorService;
  measures: MeasureService;
  indicators: IndicatorService;
  loaders: AccompanimentLoaders;
}

/** Builds, once per process, the function that makes a fresh context (and loaders) per request. */
export function createContextFactory(db: DataSource): (viewer: Viewer) => AccompanimentContext {
  const repositories = {
    schemes: new SchemeRepository(db),
    operators: new OperatorRepository(db),
    measures: new MeasureRepository(db),
    indicators: new IndicatorRepository(db),
  };
  const services = {
    schemes: new SchemeService(repositories.schemes),
    operators: new OperatorService(repositories.operators),
    measures: new MeasureService(repositories.measures),
    indicators: new IndicatorService(),
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
    },
  });
}
