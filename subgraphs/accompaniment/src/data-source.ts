import { createSubgraphDataSource } from '@passerelle/shared/database';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { ConsentEntity, DiagnosticEntity } from './diagnostic/diagnostic.entity';
import { HouseholdEntity } from './household/household.entity';
import { MeasureEntity } from './measure/measure.entity';
import { migrations } from './migrations';
import { OperatorEntity } from './operator/operator.entity';
import { SchemeEntity } from './scheme/scheme.entity';

export const accompanimentEntities = [
  SchemeEntity,
  OperatorEntity,
  HouseholdEntity,
  MeasureEntity,
  DiagnosticEntity,
  ConsentEntity,
];

/** The accompaniment database, with its entities and migrations. */
export const createAccompanimentDataSource = (url: string, logger?: TypeOrmLogger) =>
  createSubgraphDataSource({ url, entities: accompanimentEntities, migrations, logger });
