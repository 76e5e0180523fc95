import type { CalDecisionEntity } from './cal-decision.entity';
import type { CalDecision } from './cal-decision.type';

/** The public shape of a stored CAL decision. */
export function toCalDecision(row: CalDecisionEntity): CalDecision {
  return {
    id: row.id,
    type: row.type,
    rank: row.rank,
    motive: row.motive,
    motiveCode: row.motiveCode ?? null,
    condition:
      row.conditionDocument !== null && row.conditionDeadline !== null
        ? { document: row.conditionDocument, deadline: row.conditionDeadline }
        : null,
    decidedOn: row.decidedOn,
    meetingId: row.meetingId,
    demandId: row.demandId,
    vacancyId: row.vacancyId,
    communeCode: row.commune,
  };
}
