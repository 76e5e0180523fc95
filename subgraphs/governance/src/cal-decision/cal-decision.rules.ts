import { CalDecisionType } from '@passerelle/shared/housing';
import { DecisionMotiveCode, OfferAnswer, OfferStatus } from './cal-decision.enums';

/**
 * The rules of CAL decisions (CCH R441-3) as pure functions over governance's own data: the
 * candidates on the meeting's agenda for one dwelling, the decisions already recorded for it,
 * and the candidates' answers to the offer. Each returns null, or the refusal in a sentence.
 */

/** A candidate on a CAL meeting's agenda for one dwelling. */
export interface AgendaCandidate {
  demandId: string;
  daloDesignatedByState: boolean;
}

/** A decision already recorded for one dwelling at one meeting. */
export interface RecordedDecision {
  id: string;
  demandId: string;
  type: CalDecisionType;
  rank: number | null;
}

// CCH R441-3, first paragraph: the commission examines at least three demands for one dwelling,
// except when it examines a household designated by the préfet under the DALO (L441-2-3).
export const MIN_CANDIDATES = 3;

export function candidatesRefusal(candidates: readonly AgendaCandidate[]): string | null {
  if (candidates.length >= MIN_CANDIDATES || candidates.some((candidate) => candidate.daloDesignatedByState)) {
    return null;
  }
  return `A CAL examines at least ${MIN_CANDIDATES} candidates for a dwelling (CCH R441-3), unless one is a DALO household designated by the State: this dwelling has ${candidates.length} on the agenda.`;
}

const ATTRIBUTIONS: readonly CalDecisionType[] = [
  CalDecisionType.ATTRIBUTION,
  CalDecisionType.ATTRIBUTION_CONDITIONAL,
  CalDecisionType.ATTRIBUTION_RANKED,
];
export const isAttribution = (type: CalDecisionType) => ATTRIBUTIONS.includes(type);

/**
 * R441-3 a) to c): an attribution (plain or conditional) is rank 1, a ranked attribution rank 2
 * or more; one candidate per rank for a dwelling; refusals have no rank.
 */
export function rankRefusal(
  decision: { type: CalDecisionType; rank: number | null },
  recorded: readonly RecordedDecision[],
): string | null {
  const { type, rank } = decision;
  if (!isAttribution(type)) return rank === null ? null : `A ${type} decision has no rank.`;
  if (type === CalDecisionType.ATTRIBUTION_RANKED) {
    if (rank === null || !Number.isInteger(rank) || rank < 2) return 'A ranked attribution has a rank of 2 or more.';
  } else if (rank !== null && rank !== 1) {
    return `A ${type} decision is rank 1; use ATTRIBUTION_RANKED for ranks 2 and beyond.`;
  }
  const position = rank ?? 1;
  const given = new Set(recorded.filter((other) => isAttribution(other.type)).map((other) => other.rank ?? 1));
  if (given.has(position)) return `Rank ${position} is already given to another candidate for this dwelling.`;
  // The order of priority has no gap: rank n follows rank n − 1 (so the offer cannot skip a candidate).
  return position > 1 && !given.has(position - 1) ? `Record rank ${position - 1} before rank ${position}.` : null;
}

const NON_ATTRIBUTION_MOTIVES: readonly DecisionMotiveCode[] = [
  DecisionMotiveCode.UNSUITED_TO_HOUSEHOLD,
  DecisionMotiveCode.EXCESSIVE_EFFORT_RATE,
  DecisionMotiveCode.TOO_FAR_FROM_WORK,
  DecisionMotiveCode.BETTER_PLACED_CANDIDATE,
  DecisionMotiveCode.OTHER,
];
// R441-3 e): ineligibility only for resources over the ceiling or an irregular stay.
const INELIGIBILITY_GROUNDS: readonly DecisionMotiveCode[] = [
  DecisionMotiveCode.RESOURCES_OVER_CEILING,
  DecisionMotiveCode.IRREGULAR_STAY,
];

/** R441-3 d) and e): a refusal states a coded motive from its list; an attribution has none. */
export function motiveRefusal(
  type: CalDecisionType,
  code: DecisionMotiveCode | null,
  text: string | null,
): string | null {
  if (type === CalDecisionType.NON_ATTRIBUTION) {
    if (!code || !NON_ATTRIBUTION_MOTIVES.includes(code)) {
      return `A non-attribution states its motive, one of ${NON_ATTRIBUTION_MOTIVES.join(', ')}.`;
    }
    return code === DecisionMotiveCode.OTHER && !text?.trim() ? 'The motive OTHER is stated in words.' : null;
  }
  if (type === CalDecisionType.INELIGIBLE) {
    return code && INELIGIBILITY_GROUNDS.includes(code)
      ? null
      : 'Ineligibility has only two grounds (CCH R441-3 e): RESOURCES_OVER_CEILING or IRREGULAR_STAY.';
  }
  return code ? `A ${type} decision has no refusal motive.` : null;
}

/** R441-3 c): a suspensive condition names the missing document and a deadline after the decision. */
export function conditionRefusal(
  type: CalDecisionType,
  condition: { document: string; deadline: string } | null,
  decidedOn: string,
): string | null {
  if (type !== CalDecisionType.ATTRIBUTION_CONDITIONAL) {
    return condition ? 'Only an attribution under suspensive condition has a condition.' : null;
  }
  if (!condition || !condition.document.trim()) {
    return 'An attribution under suspensive condition names the missing document (CCH R441-2-4-1) and its deadline.';
  }
  return condition.deadline < decidedOn ? `The deadline cannot precede the decision (${decidedOn}).` : null;
}

/**
 * Where the offer stands for each attribution of one dwelling (R441-3 b): in rank order, the
 * first candidate who has not refused holds it; an acceptance ends the chain. Refusals get no status.
 */
export function offerStatuses(
  decisions: readonly RecordedDecision[],
  answers: ReadonlyMap<string, OfferAnswer>,
): Map<string, OfferStatus> {
  const statuses = new Map<string, OfferStatus>();
  const ranked = decisions
    .filter((decision) => isAttribution(decision.type))
    .sort((a, b) => (a.rank ?? 1) - (b.rank ?? 1));
  let settled = false;
  let holderFound = false;
  for (const decision of ranked) {
    const answer = answers.get(decision.id);
    if (settled) statuses.set(decision.id, OfferStatus.NOT_REACHED);
    // Behind the holder, answers given out of turn do not count: the offer has not reached them.
    else if (holderFound) statuses.set(decision.id, OfferStatus.WAITING);
    else if (answer === OfferAnswer.ACCEPTED) {
      statuses.set(decision.id, OfferStatus.ACCEPTED);
      settled = true;
    } else if (answer === OfferAnswer.REFUSED) statuses.set(decision.id, OfferStatus.REFUSED);
    else {
      statuses.set(decision.id, OfferStatus.PENDING);
      holderFound = true;
    }
  }
  return statuses;
}

/** Only the candidate holding the offer answers it. */
export function offerAnswerRefusal(decisionId: string, statuses: ReadonlyMap<string, OfferStatus>): string | null {
  const status = statuses.get(decisionId);
  if (status === undefined) return 'Only an attribution is followed by an offer.';
  if (status === OfferStatus.PENDING) return null;
  if (status === OfferStatus.WAITING) {
    return 'A candidate ranked before still holds the offer: record their answer first.';
  }
  return `The offer is no longer open to this candidate (${status}).`;
}
