import { createSubgraphDataSource } from '@passerelle/shared/database';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { BodyMemberEntity } from './body/body-member.entity';
import { BodyEntity } from './body/body.entity';
import { CalDecisionEntity } from './cal-decision/cal-decision.entity';
import { MeetingEntity } from './meeting/meeting.entity';
import { migrations } from './migrations';
import { PartnerEntity } from './partner/partner.entity';

export const governanceEntities = [PartnerEntity, BodyEntity, BodyMemberEntity, MeetingEntity, CalDecisionEntity];

/** The governance database, with its entities and migrations. */
export const createGovernanceDataSource = (url: string, logger?: TypeOrmLogger) =>
  createSubgraphDataSource({ url, entities: governanceEntities, migrations, logger });
