import type { DataSource } from 'typeorm';
import { householdLinkCondition } from '../common/visibility';
import type { HouseholdLinks } from '../policy';
import { AttributionEntity } from './attribution.entity';

/** SQL for the signed leases read with their vacancy. */
export class AttributionRepository {
  constructor(private readonly db: DataSource) {}

  /** The attributions of `vacancyIds`, in one statement. */
  ofVacancies(vacancyIds: readonly string[]): Promise<AttributionEntity[]> {
    return this.db
      .getRepository(AttributionEntity)
      .createQueryBuilder('a')
      .where('a.vacancy_id = ANY(:vacancyIds)', { vacancyIds })
      .getMany();
  }

  /** Among `vacancyIds`, those whose lease's household the viewer reads (`policy.ts`), in one statement. */
  async vacanciesWithVisibleHousehold(vacancyIds: readonly string[], links: HouseholdLinks): Promise<string[]> {
    const { condition, parameter } = householdLinkCondition(links, 2, false);
    const rows: { id: string }[] = await this.db.query(
      `SELECT v.id FROM vacancy v JOIN dwelling d ON d.id = v.dwelling_id
        WHERE v.id = ANY($1::uuid[]) AND ${condition}`,
      [vacancyIds, parameter],
    );
    return rows.map((row) => row.id);
  }
}
