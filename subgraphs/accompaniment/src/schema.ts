import 'reflect-metadata';
import { buildFederatedSchema } from '@passerelle/shared/federation';
import {
  DemandDiagnosticsResolver,
  DiagnosticResolver,
  MeasureDiagnosticsResolver,
} from './diagnostic/diagnostic.resolver';
import {
  OperatorActivityFieldResolver,
  OperatorActivityResolver,
  TerritoryActivityResolver,
} from './indicators/accompaniment-activity.resolver';
import { TerritoryIndicatorsResolver } from './indicators/accompaniment-indicators.resolver';
import { DemandMeasuresResolver } from './measure/demand-measures.resolver';
import { resolveMeasureReference } from './measure/measure.reference';
import { MeasureLifecycleResolver } from './measure/measure-lifecycle.resolver';
import { MeasureConnectionResolver, MeasureResolver } from './measure/measure.resolver';
import { resolveOperatorReference } from './operator/operator.reference';
import { ACCOMPANIMENT_FIELD_POLICY } from './policy';
import { OperatorConnectionResolver, OperatorResolver } from './operator/operator.resolver';
import { DemandReference, resolveDemandReference } from './references/demand.reference';
import { TerritoryReference, resolveTerritoryReference } from './references/territory.reference';
import { resolveSchemeReference } from './scheme/scheme.reference';
import { SchemeResolver } from './scheme/scheme.resolver';
import { OperatorCapacityResolver, WatchResolver } from './watch/watch.resolver';

/** The accompaniment subgraph schema (the committed `schema.graphql` is printed from it). */
export function buildAccompanimentSchema() {
  return buildFederatedSchema(
    {
      subgraph: 'accompaniment',
      fieldPolicy: ACCOMPANIMENT_FIELD_POLICY,
      resolvers: [
        SchemeResolver,
        OperatorResolver,
        OperatorConnectionResolver,
        MeasureResolver,
        MeasureConnectionResolver,
        MeasureLifecycleResolver,
        DemandMeasuresResolver,
        TerritoryIndicatorsResolver,
        TerritoryActivityResolver,
        OperatorActivityFieldResolver,
        OperatorActivityResolver,
        WatchResolver,
        OperatorCapacityResolver,
        DiagnosticResolver,
        MeasureDiagnosticsResolver,
        DemandDiagnosticsResolver,
      ],
      // Stubs reachable only through `_entities` (Territory) must be listed, or the schema omits them.
      orphanedTypes: [DemandReference, TerritoryReference],
      validate: false,
    },
    {
      Scheme: { __resolveReference: resolveSchemeReference },
      Operator: { __resolveReference: resolveOperatorReference },
      Measure: { __resolveReference: resolveMeasureReference },
      Demand: { __resolveReference: resolveDemandReference },
      Territory: { __resolveReference: resolveTerritoryReference },
    },
  );
}
