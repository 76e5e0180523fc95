import type { ProposalEntity } from './proposal.entity';
import type { Proposal } from './proposal.type';

/** The public shape of a stored proposal. */
export const toProposal = (row: ProposalEntity): Proposal => ({
  id: row.id,
  vacancyId: row.vacancyId,
  designatedById: row.designatedById,
  demand: { id: row.demandId },
  designatedOn: row.designatedOn,
  outcome: row.outcome,
  outcomeOn: row.outcomeOn,
  refusalMotive: row.refusalMotive,
  refusalMotiveCode: row.refusalMotiveCode,
  dalo: row.dalo,
  notifiedOn: row.outcome === 'OFFER_NOTIFIED' ? row.notifiedOn : null,
  answerDueOn: row.outcome === 'OFFER_NOTIFIED' ? row.answerDueOn : null,
});
