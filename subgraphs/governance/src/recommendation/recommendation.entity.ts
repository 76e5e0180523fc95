import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RecommendationScopeKind, RecommendationStatus } from './recommendation.enums';

/** A row of `recommendation`: a préconisation issued by a body at a meeting. */
@Entity({ name: 'recommendation' })
export class RecommendationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'body_id' })
  bodyId: string;

  @Column('uuid', { name: 'issued_at_meeting_id' })
  issuedAtMeetingId: string;

  @Column('date', { name: 'issued_on' })
  issuedOn: string;

  @Column('text')
  title: string;

  @Column('text')
  text: string;

  @Column('text', { name: 'scope_kind' })
  scopeKind: RecommendationScopeKind;

  @Column('text', { name: 'scope_value' })
  scopeValue: string;

  @Column('boolean')
  binding: boolean;

  @Column('uuid', { name: 'owner_partner_id' })
  ownerPartnerId: string;

  @Column('date', { name: 'due_on' })
  dueOn: string;

  @Column('text')
  status: RecommendationStatus;

  @Column('integer', { default: 1 })
  version: number;
}

/** A row of the append-only `recommendation_follow_up`: its status reported at a later meeting. */
@Entity({ name: 'recommendation_follow_up' })
export class RecommendationFollowUpEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'recommendation_id' })
  recommendationId: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;

  @Column('text')
  status: RecommendationStatus;

  @Column('text')
  note: string;

  @Column('date', { name: 'recorded_on' })
  recordedOn: string;

  @Column('text', { name: 'recorded_by' })
  recordedBy: string;
}
