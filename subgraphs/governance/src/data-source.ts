import { createSubgraphDataSource } from '@passerelle/shared/database';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { AgendaItemEntity } from './agenda/agenda-item.entity';
import { AttendanceEntity } from './agenda/attendance.entity';
import { BodyMemberEntity } from './body/body-member.entity';
import { BodyEntity } from './body/body.entity';
import { CalDecisionEntity } from './cal-decision/cal-decision.entity';
import { OfferAnswerEntity } from './cal-decision/offer-answer.entity';
import { MeetingEntity } from './meeting/meeting.entity';
import { migrations } from './migrations';
import { PartnerEntity } from './partner/partner.entity';
import { RecommendationEntity, RecommendationFollowUpEntity } from './recommendation/recommendation.entity';

export const governanceEntities = [
  PartnerEntity,
  BodyEntity,
  BodyMemberEntity,
  MeetingEntity,
  CalDecisionEntity,
  AgendaItemEntity,
  AttendanceEntity,
  OfferAnswerEntity,
  RecommendationEntity,
  RecommendationFollowUpEntity,
];

/** The governance database, with its entities and migrations. */
export const createGovernanceDataSource = (url: string, logger?: TypeOrmLogger) =>
  createSubgraphDataSource({ url, entities: governanceEntities, migrations, logger });
