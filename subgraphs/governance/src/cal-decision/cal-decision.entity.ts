import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalDecisionType } from '@passerelle/shared/housing';
import type { DecisionMotiveCode } from './cal-decision.enums';

/**
 * A row of the append-only `cal_decision` table. The demand and the vacancy are owned by other
 * subgraphs (no foreign key across databases); the dwelling's commune and QPV are copied here
 * when the decision is recorded, so that access and indicators need no other subgraph.
 */
@Entity({ name: 'cal_decision' })
export class CalDecisionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'meeting_id' })
  meetingId: string;

  @Column('uuid', { name: 'demand_id' })
  demandId: string;

  @Column('uuid', { name: 'vacancy_id' })
  vacancyId: string;

  @Column('text')
  type: CalDecisionType;

  @Column('smallint', { nullable: true })
  rank: number | null;

  @Column('text', { nullable: true })
  motive: string | null;

  @Column('text', { name: 'condition_document', nullable: true })
  conditionDocument: string | null;

  @Column('date', { name: 'condition_deadline', nullable: true })
  conditionDeadline: string | null;

  /** The meeting's date, copied so that lists sort and indicators count on this table alone. */
  @Column('date', { name: 'decided_on' })
  decidedOn: string;

  /** INSEE code of the dwelling's commune. */
  @Column('text')
  commune: string;

  /** QPV code when the dwelling lies in a priority urban district. */
  @Column('text', { nullable: true })
  qpv: string | null;

  /**
   * Territories whose partners act for the decision: the commune, its EPCI and département, and
   * the QPV. A viewer reads the decision when one of its territories is here (ADR 0005).
   */
  @Column('text', { name: 'territory_codes', array: true })
  territoryCodes: string[];

  /** The case review this decision concludes (null for decisions recorded before agendas existed). */
  @Column('uuid', { name: 'agenda_item_id', nullable: true })
  agendaItemId?: string | null;

  /** The coded motive of a non-attribution or ineligibility (`motive` keeps the stated text). */
  @Column('text', { name: 'motive_code', nullable: true })
  motiveCode?: DecisionMotiveCode | null;

  /** Slug of the landlord that recorded it. */
  @Column('text', { name: 'recorded_by', nullable: true })
  recordedBy?: string | null;
}
