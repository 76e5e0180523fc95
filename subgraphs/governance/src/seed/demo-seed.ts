import { seedOnce } from '@passerelle/shared/database';
import type { CalendarDate } from '@passerelle/shared/dates';
import { generateDemoTerritory } from '@passerelle/shared/demo';
import type { DataSource } from 'typeorm';
import { AgendaItemEntity } from '../agenda/agenda-item.entity';
import { AttendanceEntity } from '../agenda/attendance.entity';
import { BodyMemberEntity } from '../body/body-member.entity';
import { BodyEntity } from '../body/body.entity';
import { CalDecisionEntity } from '../cal-decision/cal-decision.entity';
import { OfferAnswerEntity } from '../cal-decision/offer-answer.entity';
import { MeetingEntity } from '../meeting/meeting.entity';
import { PartnerEntity } from '../partner/partner.entity';
import { RecommendationEntity, RecommendationFollowUpEntity } from '../recommendation/recommendation.entity';
import { generateDemoGovernance } from './demo-governance';

/**
 * Seeds governance's slice of the demo territory once (nothing when partners are already there),
 * parents before children: recommendations before the agenda items that follow them up, agenda
 * items before the decisions that conclude them, decisions before the answers to the offer.
 */
export function seedDemoGovernance(db: DataSource, options: { referenceDate: CalendarDate; demands: number }) {
  return seedOnce(db, {
    lock: 4004,
    isSeeded: (tx) => tx.getRepository(PartnerEntity).exists(),
    tables: () => {
      const seed = generateDemoGovernance(generateDemoTerritory(options.referenceDate, options.demands));
      return [
        [PartnerEntity, seed.partners],
        [BodyEntity, seed.bodies],
        [BodyMemberEntity, seed.members],
        [MeetingEntity, seed.meetings],
        [AttendanceEntity, seed.attendance],
        [RecommendationEntity, seed.recommendations],
        [RecommendationFollowUpEntity, seed.followUps],
        [AgendaItemEntity, seed.agendaItems],
        [CalDecisionEntity, seed.calDecisions],
        [OfferAnswerEntity, seed.offerAnswers],
      ];
    },
  });
}
