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
}
