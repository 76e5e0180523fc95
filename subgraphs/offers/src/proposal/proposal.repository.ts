import type { DataSource } from 'typeorm';
import { householdLinkCondition } from '../common/visibility';
import type { HouseholdLinks } from '../policy';
import { ProposalEntity } from './proposal.entity';

/** The columns of a proposal, dates as `YYYY-MM-DD` text (raw queries bypass the entity's date mapping). */
const COLUMNS = `p.id, p.vacancy_id, p.demand_id, p.designated_by_id, p.designated_on::text AS designated_on,
  p.outcome, p.outcome_on::text AS outcome_on, p.refusal_motive, p.dalo, p.notified_on::text AS notified_on,
  p.answer_due_on::text AS answer_due_on, p.refusal_motive_code`;

/**
 * The proposals a viewer reads: the household-link filter of `policy.ts` ($1), applied in every
 * read, so nothing here reads proposals unfiltered.
 */
function visible(links: HouseholdLinks): { from: string; parameter: unknown } {
  const { condition, parameter } = householdLinkCondition(links, 1, true);
  return {
    from: `proposal p JOIN vacancy v ON v.id = p.vacancy_id JOIN dwelling d ON d.id = v.dwelling_id AND ${condition}`,
    parameter,
  };
}

/** SQL for proposals. */
export class ProposalRepository {
  constructor(private readonly db: DataSource) {}

  /** The visible proposals among `ids`, in one statement. */
  async findVisible(ids: readonly string[], links: HouseholdLinks): Promise<ProposalEntity[]> {
    const { from, parameter } = visible(links);
    return this.select(`SELECT ${COLUMNS} FROM ${from} WHERE p.id = ANY($2::uuid[])`, [parameter, ids]);
  }

  /** The `limit` newest visible proposals of each demand in `demandIds`, newest designation first, in one statement. */
  newestOfDemands(demandIds: readonly string[], links: HouseholdLinks, limit: number): Promise<ProposalEntity[]> {
    return this.newestOf('demand_id', demandIds, links, limit);
  }

  /** The `limit` newest visible proposals of each vacancy in `vacancyIds`, in one statement. */
  newestOfVacancies(vacancyIds: readonly string[], links: HouseholdLinks, limit: number): Promise<ProposalEntity[]> {
    return this.newestOf('vacancy_id', vacancyIds, links, limit);
  }

  private newestOf(
    parent: 'demand_id' | 'vacancy_id',
    parentIds: readonly string[],
    links: HouseholdLinks,
    limit: number,
  ): Promise<ProposalEntity[]> {
    const { from, parameter } = visible(links);
    return this.select(
      `SELECT * FROM (
         SELECT ${COLUMNS},
           row_number() OVER (PARTITION BY p.${parent} ORDER BY p.designated_on DESC, p.id DESC) AS rank
         FROM ${from}
         WHERE p.${parent} = ANY($2::uuid[])
       ) ranked
       WHERE rank <= $3
       ORDER BY ${parent}, designated_on DESC, id DESC`,
      [parameter, parentIds, limit],
    );
  }

  private async select(sql: string, parameters: unknown[]): Promise<ProposalEntity[]> {
    const rows: Record<string, any>[] = await this.db.query(sql, parameters);
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
        dalo: row.dalo,
        notifiedOn: row.notified_on,
        answerDueOn: row.answer_due_on,
        refusalMotiveCode: row.refusal_motive_code,
      }),
    );
  }
}
