import { groupBy } from '@passerelle/shared/loaders';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { CalDecisionEntity } from './cal-decision.entity';
import type { OfferAnswer, OfferStatus } from './cal-decision.enums';
import { offerStatuses } from './cal-decision.rules';
import { OfferAnswerEntity } from './offer-answer.entity';

/** Per-request loaders of the offers that follow attributions. */
export interface OfferLoaders {
  offerAnswerOf: DataLoader<string, OfferAnswerEntity | null>;
  /** Where the offer stands for a decision (null for a refusal): computed over all the dwelling's decisions at its meeting. */
  offerStatusOf: DataLoader<string, OfferStatus | null>;
  /** The id of the decision concluding a case review (read then through the access-filtered decision loader). */
  decisionIdOfItem: DataLoader<string, string | null>;
}

/**
 * Offer statuses need every decision for the dwelling at the meeting, including those the caller
 * may not read; only the status of decisions the caller reads is ever returned (the field hangs on them).
 */
export function createOfferLoaders(db: DataSource): OfferLoaders {
  const offerAnswerOf = new DataLoader<string, OfferAnswerEntity | null>(async (decisionIds) => {
    const rows = await db
      .getRepository(OfferAnswerEntity)
      .createQueryBuilder('o')
      .where('o.calDecisionId = ANY(:ids::uuid[])', { ids: decisionIds })
      .getMany();
    const byId = new Map(rows.map((row) => [row.calDecisionId, row]));
    return decisionIds.map((id) => byId.get(id) ?? null);
  });
  const offerStatusOf = new DataLoader<string, OfferStatus | null>(async (decisionIds) => {
    const statuses = await offerStatusesAround((sql, parameters) => db.query(sql, parameters), decisionIds);
    return decisionIds.map((id) => statuses.get(id) ?? null);
  });
  const decisionIdOfItem = new DataLoader<string, string | null>(async (itemIds) => {
    const rows = (await db.query(
      `SELECT id, agenda_item_id AS "itemId" FROM cal_decision WHERE agenda_item_id = ANY ($1::uuid[])`,
      [itemIds],
    )) as { id: string; itemId: string }[];
    const byItem = new Map(rows.map((row) => [row.itemId, row.id]));
    return itemIds.map((id) => byItem.get(id) ?? null);
  });
  return { offerAnswerOf, offerStatusOf, decisionIdOfItem };
}

/**
 * Where the offer stands for every attribution decided with the given decisions (same meeting,
 * same dwelling): one statement, then the pure `offerStatuses` per dwelling. Used by the loader
 * and, inside its transaction, by the recording of an answer.
 */
export async function offerStatusesAround(
  query: (sql: string, parameters: unknown[]) => Promise<unknown>,
  decisionIds: readonly string[],
): Promise<Map<string, OfferStatus>> {
  const rows = (await query(
    `SELECT d.id, d.demand_id AS "demandId", d.type, d.rank, d.meeting_id || ':' || d.vacancy_id AS "group", o.answer
       FROM cal_decision d LEFT JOIN offer_answer o ON o.cal_decision_id = d.id
      WHERE (d.meeting_id, d.vacancy_id) IN (
        SELECT meeting_id, vacancy_id FROM cal_decision WHERE id = ANY ($1::uuid[]))`,
    [decisionIds],
  )) as (Pick<CalDecisionEntity, 'id' | 'demandId' | 'type' | 'rank'> & {
    group: string;
    answer: OfferAnswer | null;
  })[];
  const statuses = new Map<string, OfferStatus>();
  for (const group of groupBy(rows, (row) => row.group).values()) {
    const answers = new Map(group.flatMap((row) => (row.answer ? [[row.id, row.answer] as const] : [])));
    for (const [id, status] of offerStatuses(group, answers)) statuses.set(id, status);
  }
  return statuses;
}
