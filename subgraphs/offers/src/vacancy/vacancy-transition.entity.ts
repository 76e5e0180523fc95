import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { VacancyStatus } from './vacancy.enums';

/** A row of the append-only `vacancy_transition` table (a database trigger refuses updates and deletes). */
@Entity({ name: 'vacancy_transition' })
export class VacancyTransitionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'vacancy_id' })
  vacancyId: string;

  /** 1 for VACATED, then one more per transition: orders transitions of the same day. */
  @Column('smallint')
  position: number;

  @Column('text')
  status: VacancyStatus;

  @Column('date', { name: 'occurred_on' })
  occurredOn: string;

  /** The reservation holder oriented to, on an ORIENTED step. */
  @Column('uuid', { name: 'reservation_holder_id', nullable: true })
  reservationHolderId: string | null;

  /** Why, when the step needs a reason (a return, fewer than three candidates). */
  @Column('text', { nullable: true })
  note: string | null;

  /** Slug of the partner who recorded the step; null for seeded history and the scheduled job. */
  @Column('text', { name: 'recorded_by', nullable: true })
  recordedBy: string | null;
}
