import { addDays, type CalendarDate } from '@passerelle/shared/dates';
import { OfferRefusalMotive, ProposalOutcome } from '../proposal/proposal.enums';
import { VacancyStatus } from './vacancy.enums';

/**
 * The lifecycle of a vacancy (DOMAIN.md §3, issue 5) as a pure function:
 *
 * | from                                   | action          | to                     | by                    |
 * | -------------------------------------- | --------------- | ---------------------- | --------------------- |
 * | VACATED, RETURNED                      | ORIENT          | ORIENTED               | landlord              |
 * | ORIENTED                               | DESIGNATE       | CANDIDATES_DESIGNATED  | reservation holder    |
 * | CANDIDATES_DESIGNATED                  | EXAMINE_IN_CAL  | EXAMINED_IN_CAL        | landlord              |
 * | EXAMINED_IN_CAL, OFFER_NOTIFIED¹       | NOTIFY_OFFER    | OFFER_NOTIFIED         | landlord              |
 * | OFFER_NOTIFIED                         | ANSWER_OFFER    | OFFER_NOTIFIED         | landlord              |
 * | OFFER_NOTIFIED                         | EXPIRE_OFFER    | OFFER_NOTIFIED         | the scheduled job     |
 * | OFFER_NOTIFIED (a candidate accepted)  | SIGN_LEASE      | LEASE_SIGNED           | landlord              |
 * | ORIENTED … OFFER_NOTIFIED              | RETURN          | RETURNED               | holder or landlord    |
 *
 * ¹ once the previous offer was refused: one offer at a time, to the next ranked candidate.
 *
 * - Designation (CCH R441-3): at least three candidates, except a DALO household designated
 *   alone by the State (préfet), or when the holder has fewer suitable candidates and says why.
 * - Offer (CCH R441-10): the applicant has 10 days to answer; silence is a refusal, recorded with
 *   the motive NO_ANSWER the day after. An acceptance after the 10 days is refused.
 * - Every date is a calendar day, never in the future, never before the step it follows.
 * Who may act is the service's business (it knows the partners); the rest is here.
 */

export interface VacancyState {
  status: VacancyStatus;
  vacatedOn: CalendarDate;
  /** The day of the latest step (the last transition, or a later answer to an offer). */
  lastStepOn: CalendarDate;
  reservationHolderId: string | null;
}

export interface CandidacyState {
  id: string;
  demandId: string;
  outcome: ProposalOutcome;
  outcomeOn: CalendarDate;
  answerDueOn: CalendarDate | null;
}

export type VacancyAction =
  | { type: 'ORIENT'; reservationHolderId: string; on: CalendarDate }
  | {
      type: 'DESIGNATE';
      demandIds: readonly string[];
      /** A DALO household designated alone by the State. */
      dalo: boolean;
      /** The holder designating is the State's contingent. */
      byState: boolean;
      fewerCandidatesReason: string | null;
      on: CalendarDate;
    }
  | { type: 'EXAMINE_IN_CAL'; on: CalendarDate }
  | { type: 'NOTIFY_OFFER'; proposalId: string; on: CalendarDate }
  | {
      type: 'ANSWER_OFFER';
      proposalId: string;
      accepted: boolean;
      motive: OfferRefusalMotive | null;
      on: CalendarDate;
    }
  | { type: 'EXPIRE_OFFER'; proposalId: string }
  | { type: 'SIGN_LEASE'; proposalId: string; on: CalendarDate }
  | { type: 'RETURN'; reason: string; on: CalendarDate };

/** What to change on one candidacy. */
export interface CandidacyChange {
  id: string;
  outcome: ProposalOutcome;
  outcomeOn: CalendarDate;
  notifiedOn?: CalendarDate;
  answerDueOn?: CalendarDate;
  refusalMotiveCode?: OfferRefusalMotive;
}

export interface TransitionOutcome {
  vacancy: VacancyState;
  /** A step to append to the vacancy's dated history, when the status changes. */
  step: { status: VacancyStatus; on: CalendarDate; note: string | null } | null;
  /** New candidacies (DESIGNATE). */
  designated: { demandId: string; dalo: boolean }[];
  changed: CandidacyChange[];
}

export type TransitionRefusal =
  { code: 'CONFLICT'; message: string } | { code: 'BAD_USER_INPUT'; message: string; field: string };

export type TransitionResult = { ok: true; outcome: TransitionOutcome } | { ok: false; refusal: TransitionRefusal };

/** The ten days to answer an offer (CCH R441-10). */
export const OFFER_ANSWER_DAYS = 10;
/** Candidates per designation: at least three (CCH R441-3); a bound on the list. */
export const MIN_CANDIDATES = 3;
export const MAX_CANDIDATES = 10;

const S = VacancyStatus;
const P = ProposalOutcome;

export const ALLOWED_FROM: Record<VacancyAction['type'], readonly VacancyStatus[]> = {
  ORIENT: [S.VACATED, S.RETURNED],
  DESIGNATE: [S.ORIENTED],
  EXAMINE_IN_CAL: [S.CANDIDATES_DESIGNATED],
  NOTIFY_OFFER: [S.EXAMINED_IN_CAL, S.OFFER_NOTIFIED],
  ANSWER_OFFER: [S.OFFER_NOTIFIED],
  EXPIRE_OFFER: [S.OFFER_NOTIFIED],
  SIGN_LEASE: [S.OFFER_NOTIFIED],
  RETURN: [S.ORIENTED, S.CANDIDATES_DESIGNATED, S.EXAMINED_IN_CAL, S.OFFER_NOTIFIED],
};

const VERB: Record<VacancyAction['type'], string> = {
  ORIENT: 'orient',
  DESIGNATE: 'designate candidates for',
  EXAMINE_IN_CAL: 'record the CAL examination of',
  NOTIFY_OFFER: 'notify an offer for',
  ANSWER_OFFER: 'record an answer to an offer for',
  EXPIRE_OFFER: 'expire an offer for',
  SIGN_LEASE: 'sign a lease for',
  RETURN: 'return',
};

/** Candidacies still in the running: not refused, withdrawn nor signed. */
const PENDING: readonly ProposalOutcome[] = [P.DESIGNATED, P.EXAMINED_IN_CAL, P.OFFER_NOTIFIED, P.ACCEPTED];

const conflict = (message: string): TransitionResult => ({ ok: false, refusal: { code: 'CONFLICT', message } });
const badInput = (field: string, message: string): TransitionResult => ({
  ok: false,
  refusal: { code: 'BAD_USER_INPUT', message, field },
});

function dateProblem(field: string, day: CalendarDate, today: CalendarDate, earliest: CalendarDate) {
  if (day > today) return badInput(field, `"${field}" is ${day}: a vacancy's steps are never in the future.`);
  if (day < earliest) return badInput(field, `"${field}" is ${day}, before the vacancy's previous step (${earliest}).`);
  return null;
}

/** The vacancy and candidacies after `action`, or why it is refused. Pure: same inputs, same answer. */
export function applyVacancyAction(
  vacancy: VacancyState,
  candidacies: readonly CandidacyState[],
  action: VacancyAction,
  today: CalendarDate,
): TransitionResult {
  if (!ALLOWED_FROM[action.type].includes(vacancy.status)) {
    return conflict(
      `Cannot ${VERB[action.type]} a vacancy that is ${vacancy.status}: allowed from ${ALLOWED_FROM[action.type].join(' or ')} only${hint(vacancy.status)}.`,
    );
  }
  const done = (
    next: Partial<VacancyState>,
    step: TransitionOutcome['step'],
    changed: CandidacyChange[] = [],
    designated: TransitionOutcome['designated'] = [],
  ): TransitionResult => ({
    ok: true,
    outcome: {
      vacancy: { ...vacancy, ...next, lastStepOn: step?.on ?? next.lastStepOn ?? vacancy.lastStepOn },
      step,
      changed,
      designated,
    },
  });
  const find = (proposalId: string) => candidacies.find((candidacy) => candidacy.id === proposalId);

  switch (action.type) {
    case 'ORIENT': {
      const problem = dateProblem('on', action.on, today, vacancy.lastStepOn);
      if (problem) return problem;
      return done(
        { status: S.ORIENTED, reservationHolderId: action.reservationHolderId },
        { status: S.ORIENTED, on: action.on, note: null },
      );
    }
    case 'DESIGNATE': {
      const problem = dateProblem('on', action.on, today, vacancy.lastStepOn);
      if (problem) return problem;
      const ids = action.demandIds.map((id) => id.toLowerCase());
      if (new Set(ids).size !== ids.length) {
        return badInput('candidates', 'Each demand is designated once per vacancy: the list repeats one.');
      }
      if (ids.length === 0 || ids.length > MAX_CANDIDATES) {
        return badInput(
          'candidates',
          `Designate 1 to ${MAX_CANDIDATES} candidates (at least ${MIN_CANDIDATES} as a rule).`,
        );
      }
      if (action.dalo) {
        if (!action.byState) {
          return badInput(
            'daloDesignation',
            'Only the State (préfet) designates a DALO household alone (CCH L441-2-3); other reservation holders designate at least three candidates.',
          );
        }
        if (ids.length !== 1) {
          return badInput('candidates', 'A DALO designation names exactly one household.');
        }
      } else if (ids.length < MIN_CANDIDATES && !action.fewerCandidatesReason?.trim()) {
        return badInput(
          'candidates',
          `CCH R441-3 asks for at least ${MIN_CANDIDATES} candidates per dwelling (${ids.length} given): designate more, or say in \`fewerCandidatesReason\` why there are not enough suitable candidates.`,
        );
      }
      const reason = action.fewerCandidatesReason?.trim() || null;
      if (reason && reason.length > 500) {
        return badInput('fewerCandidatesReason', 'Say why in at most 500 characters.');
      }
      const already = new Set(candidacies.map((candidacy) => candidacy.demandId));
      const repeated = ids.find((id) => already.has(id));
      if (repeated) {
        return badInput('candidates', `Demand ${repeated} was already a candidate for this vacancy.`);
      }
      return done(
        { status: S.CANDIDATES_DESIGNATED },
        {
          status: S.CANDIDATES_DESIGNATED,
          on: action.on,
          note: ids.length < MIN_CANDIDATES && !action.dalo ? reason : null,
        },
        [],
        ids.map((demandId) => ({ demandId, dalo: action.dalo })),
      );
    }
    case 'EXAMINE_IN_CAL': {
      const problem = dateProblem('on', action.on, today, vacancy.lastStepOn);
      if (problem) return problem;
      const changed = candidacies
        .filter((candidacy) => candidacy.outcome === P.DESIGNATED)
        .map((candidacy) => ({ id: candidacy.id, outcome: P.EXAMINED_IN_CAL, outcomeOn: action.on }));
      return done({ status: S.EXAMINED_IN_CAL }, { status: S.EXAMINED_IN_CAL, on: action.on, note: null }, changed);
    }
    case 'NOTIFY_OFFER': {
      const problem = dateProblem('on', action.on, today, vacancy.lastStepOn);
      if (problem) return problem;
      const candidacy = find(action.proposalId);
      if (!candidacy) return badInput('proposal', `Proposal ${action.proposalId} is not a candidacy for this vacancy.`);
      const open = candidacies.find((other) => other.outcome === P.OFFER_NOTIFIED || other.outcome === P.ACCEPTED);
      if (open) {
        return conflict(
          `An offer is already ${open.outcome === P.ACCEPTED ? 'accepted' : 'awaiting an answer'} for this vacancy (proposal ${open.id}): one offer at a time.`,
        );
      }
      if (candidacy.outcome !== P.EXAMINED_IN_CAL) {
        return conflict(
          `Proposal ${candidacy.id} is ${candidacy.outcome}: an offer goes to a candidate examined by the CAL and not yet offered the dwelling.`,
        );
      }
      const answerDueOn = addDays(action.on, OFFER_ANSWER_DAYS);
      return done(
        { status: S.OFFER_NOTIFIED },
        vacancy.status === S.OFFER_NOTIFIED ? null : { status: S.OFFER_NOTIFIED, on: action.on, note: null },
        [{ id: candidacy.id, outcome: P.OFFER_NOTIFIED, outcomeOn: action.on, notifiedOn: action.on, answerDueOn }],
      );
    }
    case 'ANSWER_OFFER': {
      const candidacy = find(action.proposalId);
      if (!candidacy) return badInput('proposal', `Proposal ${action.proposalId} is not a candidacy for this vacancy.`);
      if (candidacy.outcome !== P.OFFER_NOTIFIED) {
        return conflict(
          `Proposal ${candidacy.id} is ${candidacy.outcome}: only an offer awaiting an answer is answered.`,
        );
      }
      const problem = dateProblem('on', action.on, today, candidacy.outcomeOn);
      if (problem) return problem;
      if (action.accepted) {
        if (action.motive) return badInput('refusalMotive', 'An acceptance has no refusal motive.');
        if (action.on > candidacy.answerDueOn!) {
          return conflict(
            `The 10 days to answer ran out on ${candidacy.answerDueOn} (CCH R441-10): silence was a refusal, so the offer can no longer be accepted.`,
          );
        }
        return done({ lastStepOn: action.on }, null, [{ id: candidacy.id, outcome: P.ACCEPTED, outcomeOn: action.on }]);
      }
      if (!action.motive) {
        return badInput('refusalMotive', 'A refusal is recorded with its motive (`refusalMotive`).');
      }
      return done({ lastStepOn: action.on }, null, [
        { id: candidacy.id, outcome: P.REFUSED, outcomeOn: action.on, refusalMotiveCode: action.motive },
      ]);
    }
    case 'EXPIRE_OFFER': {
      const candidacy = find(action.proposalId);
      if (!candidacy || candidacy.outcome !== P.OFFER_NOTIFIED) {
        return conflict(`Proposal ${action.proposalId} awaits no answer.`);
      }
      const on = addDays(candidacy.answerDueOn!, 1);
      if (on > today) {
        return conflict(`The offer of proposal ${candidacy.id} may be answered until ${candidacy.answerDueOn}.`);
      }
      return done({ lastStepOn: on > vacancy.lastStepOn ? on : vacancy.lastStepOn }, null, [
        { id: candidacy.id, outcome: P.REFUSED, outcomeOn: on, refusalMotiveCode: OfferRefusalMotive.NO_ANSWER },
      ]);
    }
    case 'SIGN_LEASE': {
      const candidacy = find(action.proposalId);
      if (!candidacy) return badInput('proposal', `Proposal ${action.proposalId} is not a candidacy for this vacancy.`);
      if (candidacy.outcome !== P.ACCEPTED) {
        return conflict(
          `Proposal ${candidacy.id} is ${candidacy.outcome}: a lease is signed by a candidate who accepted the offer.`,
        );
      }
      const problem = dateProblem('leaseSignedOn', action.on, today, candidacy.outcomeOn);
      if (problem) return problem;
      const withdrawn = candidacies
        .filter((other) => other.id !== candidacy.id && PENDING.includes(other.outcome))
        .map((other) => ({ id: other.id, outcome: P.WITHDRAWN, outcomeOn: action.on }));
      return done({ status: S.LEASE_SIGNED }, { status: S.LEASE_SIGNED, on: action.on, note: null }, [
        { id: candidacy.id, outcome: P.LEASE_SIGNED, outcomeOn: action.on },
        ...withdrawn,
      ]);
    }
    case 'RETURN': {
      const problem = dateProblem('on', action.on, today, vacancy.lastStepOn);
      if (problem) return problem;
      const reason = action.reason.trim();
      if (reason.length === 0 || reason.length > 500) {
        return badInput('reason', 'A return says why, in 1 to 500 characters.');
      }
      const accepted = candidacies.find((candidacy) => candidacy.outcome === P.ACCEPTED);
      if (accepted) {
        return conflict(`Proposal ${accepted.id} accepted the offer: sign the lease, or record its withdrawal first.`);
      }
      const withdrawn = candidacies
        .filter((candidacy) => PENDING.includes(candidacy.outcome))
        .map((candidacy) => ({ id: candidacy.id, outcome: P.WITHDRAWN, outcomeOn: action.on }));
      return done({ status: S.RETURNED }, { status: S.RETURNED, on: action.on, note: reason }, withdrawn);
    }
  }
}

function hint(status: VacancyStatus): string {
  if (status === S.LEASE_SIGNED) return '; a leased vacancy is final (declare a new vacancy when the tenant leaves)';
  if (status === S.RETURNED) return '; a returned vacancy is oriented again first';
  if (status === S.VACATED) return '; orient it to a reservation holder first';
  return '';
}
