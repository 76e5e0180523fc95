import { createSubgraphDataSource } from '@passerelle/shared/database';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { DemandEventEntity } from './demand-event/demand-event.entity';
import { DemandNirEntity } from './demand/demand-nir.entity';
import { DemandEntity } from './demand/demand.entity';
import { migrations } from './migrations';

export const demandsEntities = [DemandEntity, DemandEventEntity, DemandNirEntity];

/** The demands database, with its entities and migrations. */
export const createDemandsDataSource = (url: string, logger?: TypeOrmLogger) =>
  createSubgraphDataSource({ url, entities: demandsEntities, migrations: migrations, logger });
