import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OfferAnswer } from './cal-decision.enums';

/** A row of the append-only `offer_answer`: the candidate's answer to the offer after an attribution. */
@Entity({ name: 'offer_answer' })
export class OfferAnswerEntity {
  @PrimaryColumn('uuid', { name: 'cal_decision_id' })
  calDecisionId: string;

  @Column('text')
  answer: OfferAnswer;

  @Column('text', { nullable: true })
  motive: string | null;

  @Column('date', { name: 'answered_on' })
  answeredOn: string;

  @Column('text', { name: 'recorded_by' })
  recordedBy: string;
}
