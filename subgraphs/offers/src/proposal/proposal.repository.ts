import type { DataSource } from 'typeorm';
import { ProposalEntity } from './proposal.entity';

/** The columns of a proposal, dates as `YYYY-MM-DD` text (raw queries bypass the entity's date mapping). */
const COLUMNS = `p.id, p.vacancy_id, p.demand_id, p.designated_by_id, p.designated_on::text AS designated_on,
  p.outcome, p.outcome_on::text AS outcome_on, p.refusal_motive`;

/**
 * Proposals of the dwellings in one of `communes`: the household-link filter of `policy.ts`,
 * applied in every read, so nothing here reads proposals unfiltered.
 */
const VISIBLE = `proposal p
  JOIN vacancy v ON v.id = p.vacancy_id
  JOIN dwelling d ON d.id = v.dwelling_id AND d.commune = ANY($1::text[])`;

/** SQL for proposals. */
export class ProposalRepository {
  constructor(private readonly db: DataSource) {}

  /** The visible proposals among `ids`, in one statement. */
  async findVisible(ids: readonly string[], communes: readonly string[]): Promise<ProposalEntity[]> {
    return this.select(`SELECT ${COLUMNS} FROM ${VISIBLE} WHERE p.id = ANY($2::uuid[])`, [communes, ids]);
  }

  /** The `limit` newest visible proposals of each demand in `demandIds`, newest designation first, in one statement. */
  newestOfDemands(demandIds: readonly string[], communes: readonly string[], limit: number): Promise<ProposalEntity[]> {
    return this.newestOf('demand_id', demandIds, communes, limit);
  }

  /** The `limit` newest visible proposals of each vacancy in `vacancyIds`, in one statement. */
  newestOfVacancies(
    vacancyIds: readonly string[],
    communes: readonly string[],
    limit: number,
  ): Promise<ProposalEntity[]> {
    return this.newestOf('vacancy_id', vacancyIds, communes, limit);
  }

  private newestOf(
    parent: 'demand_id' | 'vacancy_id',
    parentIds: readonly string[],
    communes: readonly string[],
    limit: number,
  ): Promise<ProposalEntity[]> {
    return this.select(
      `SELECT * FROM (
         SELECT ${COLUMNS},
           row_number() OVER (PARTITION BY p.${parent} ORDER BY p.designated_on DESC, p.id DESC) AS rank
         FROM ${VISIBLE}
         WHERE p.${parent} = ANY($2::uuid[])
       ) ranked
       WHERE rank <= $3
       ORDER BY ${parent}, designated_on DESC, id DESC`,
      [communes, parentIds, limit],
    );
  }

  private async select(sql: string, parameters: unknown[]): Promise<ProposalEntity[]> {
    const rows: Record<string, string | null>[] = await this.db.query(sql, parameters);
    return rows.map((row) =>
      Object.assign(new ProposalEntity(), {
        id: row.id,
        vacancyId: row.vacancy_id,
        demandId: row.demand_id,
        designatedById: row.designated_by_id,
        designatedOn: row.designated_on,
        outcome: row.outcome,
        outcomeOn: row.outcome_on,
        refusalMotive: row.refusal_motive,
      }),
    );
  }
}
