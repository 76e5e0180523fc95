import type { DataSource } from 'typeorm';
import { VacancyTransitionEntity } from './vacancy-transition.entity';

/** SQL for the vacancies' dated lifecycle. */
export class VacancyTransitionRepository {
  constructor(private readonly db: DataSource) {}

  /** Every transition of the vacancies in `vacancyIds`, oldest first, in one statement. */
  ofVacancies(vacancyIds: readonly string[]): Promise<VacancyTransitionEntity[]> {
    return this.db
      .getRepository(VacancyTransitionEntity)
      .createQueryBuilder('t')
      .where('t.vacancyId = ANY(:vacancyIds)', { vacancyIds })
      .orderBy('t.vacancyId')
      .addOrderBy('t.position', 'ASC')
      .getMany();
  }
}
