import { addDays, addMonths, addYears, monthsBetween, type CalendarDate } from '@passerelle/shared/dates';
import { DemandStatus, RadiationMotive } from '../demand/demand.enums';

/**
 * The lifecycle of a demand in the register, as small pure functions over calendar dates
 * (Europe/Paris, month ends per `addMonths`). Sources: CCH R441-2-7 (validity and renewal),
 * R441-2-8 and the arrêté of 23 March 2015, annex (radiation motives and their windows),
 * décret 2017-917 art. 4 (retention). Each refusal is a sentence a registration desk understands.
 */

/** What the rules need to know of a demand: its state and the dates its timeline established. */
export interface LifecycleFacts {
  status: DemandStatus;
  radiationMotive: RadiationMotive | null;
  radiatedOn: CalendarDate | null;
  validUntil: CalendarDate;
  purgedOn: CalendarDate | null;
  /** When the letter was sent whose lack of answer leads to radiation (null: none pending). */
  answerRequestedOn: CalendarDate | null;
  /** Date of the latest CAL decision rejecting the demand as ineligible, from the timeline. */
  ineligibilityDecidedOn: CalendarDate | null;
  /** Date of the latest lease signature recorded in the timeline. */
  leaseSignedOn: CalendarDate | null;
}

/** A rule's refusal: why the change cannot be made now. */
export interface Refusal {
  reason: string;
}

const refuse = (reason: string): Refusal => ({ reason });

// CCH R441-2-7: a demand is valid one year from its filing or its last renewal.
export const VALIDITY_YEARS = 1;
export const validUntilAfter = (renewedOn: CalendarDate) => addYears(renewedOn, VALIDITY_YEARS);

// Arrêté of 23 March 2015, annex: the renewal notice goes out one month before the anniversary.
export const renewalNoticeDue = (validUntil: CalendarDate) => addMonths(validUntil, -1);

// Non-renewal: radiated 13 months after filing or renewal (one month after validity ends),
// reactivable until 18 months (five more months), keeping NUR and seniority.
export const nonRenewalRadiationDue = (validUntil: CalendarDate) => addMonths(validUntil, 1);
export const nonRenewalReactivableUntil = (validUntil: CalendarDate) => addMonths(validUntil, 6);

// No answer to a letter: radiated 2 months after the warning; reactivable for 5 months.
export const noAnswerRadiationDue = (answerRequestedOn: CalendarDate) => addMonths(answerRequestedOn, 2);
export const noAnswerReactivableUntil = (radiatedOn: CalendarDate) => addMonths(radiatedOn, 5);

// Ineligibility (irrecevabilité): pronounced by a CAL only; radiation one month after notification,
// counted here from the decision recorded in the timeline.
export const ineligibilityRadiationDue = (decidedOn: CalendarDate) => addMonths(decidedOn, 1);

/** Renewal (CCH R441-2-7): from the notice, one month before validity ends, while the demand is active. */
export function renewalRefusal(facts: LifecycleFacts, on: CalendarDate): Refusal | null {
  if (facts.status !== DemandStatus.ACTIVE) {
    return refuse('Only an active demand is renewed; a demand radiated for non-renewal is reactivated instead.');
  }
  const opens = renewalNoticeDue(facts.validUntil);
  if (on < opens) {
    return refuse(`Renewal opens on ${opens}, one month before the demand's validity ends (${facts.validUntil}).`);
  }
  return null;
}

/** Whether the demand may be radiated for `motive` on `on`: each motive has its own condition. */
export function radiationRefusal(facts: LifecycleFacts, motive: RadiationMotive, on: CalendarDate): Refusal | null {
  if (facts.status !== DemandStatus.ACTIVE) return refuse('The demand is already radiated.');
  switch (motive) {
    case RadiationMotive.NON_RENEWAL: {
      const due = nonRenewalRadiationDue(facts.validUntil);
      return on < due
        ? refuse(`A demand not renewed is radiated 13 months after filing or renewal: not before ${due}.`)
        : null;
    }
    case RadiationMotive.NO_ANSWER: {
      if (!facts.answerRequestedOn) {
        return refuse('Radiation for no answer needs a letter first: record an ANSWER_REQUESTED event.');
      }
      const due = noAnswerRadiationDue(facts.answerRequestedOn);
      return on < due ? refuse(`Radiation for no answer comes 2 months after the letter: not before ${due}.`) : null;
    }
    case RadiationMotive.INELIGIBILITY: {
      if (!facts.ineligibilityDecidedOn) {
        return refuse(
          "Only a CAL pronounces ineligibility (CCH R441-3): the timeline must hold the landlord's CAL_DECISION event of type INELIGIBLE.",
        );
      }
      const due = ineligibilityRadiationDue(facts.ineligibilityDecidedOn);
      return on < due
        ? refuse(`Radiation for ineligibility comes one month after notification: not before ${due}.`)
        : null;
    }
    case RadiationMotive.LEASE_SIGNED:
      return facts.leaseSignedOn
        ? null
        : refuse("Radiation for a signed lease needs the landlord's LEASE_SIGNED event in the timeline.");
    case RadiationMotive.RENUNCIATION:
      return null;
  }
}

/** The last day a radiated demand may be reactivated, or null when its motive allows none. */
export function reactivableUntil(
  facts: Pick<LifecycleFacts, 'status' | 'purgedOn' | 'radiatedOn' | 'radiationMotive' | 'validUntil'>,
): CalendarDate | null {
  if (facts.status !== DemandStatus.RADIATED || facts.purgedOn || !facts.radiatedOn) return null;
  switch (facts.radiationMotive) {
    case RadiationMotive.NON_RENEWAL:
      return nonRenewalReactivableUntil(facts.validUntil);
    case RadiationMotive.NO_ANSWER:
      return noAnswerReactivableUntil(facts.radiatedOn);
    default:
      return null;
  }
}

/** Reactivation: only after non-renewal or no answer, within their windows. */
export function reactivationRefusal(facts: LifecycleFacts, on: CalendarDate): Refusal | null {
  if (facts.status !== DemandStatus.RADIATED) return refuse('The demand is active: there is nothing to reactivate.');
  const until = reactivableUntil(facts);
  if (!until) {
    return refuse(
      `A demand radiated for ${facts.radiationMotive ?? 'this motive'} cannot be reactivated: the applicant files a new demand.`,
    );
  }
  return on > until ? refuse(`The reactivation window closed on ${until}: the applicant files a new demand.`) : null;
}

/** Validity after reactivation: unchanged while still running, else one year from reactivation. */
export const validUntilAfterReactivation = (facts: LifecycleFacts, on: CalendarDate) =>
  facts.validUntil >= on ? facts.validUntil : validUntilAfter(on);

/**
 * When nominative data may be erased (décret 2017-917 art. 4: one year after radiation, a
 * configurable period), never while the demand can still be reactivated.
 */
export function purgeDue(facts: LifecycleFacts, retentionMonths: number): CalendarDate | null {
  if (facts.status !== DemandStatus.RADIATED || facts.purgedOn || !facts.radiatedOn) return null;
  const retentionEnds = addMonths(facts.radiatedOn, retentionMonths);
  const reactivation = reactivableUntil(facts);
  return reactivation && reactivation >= retentionEnds ? addDays(reactivation, 1) : retentionEnds;
}

/** Whole months the household has waited since filing, at `on` (renewals keep the filing date). */
export const waitMonths = (filingDate: CalendarDate, on: CalendarDate) => monthsBetween(filingDate, on);

/** The DAL date: filing date plus the délai anormalement long of CCH L441-1-4 (null when none is set). */
export const dalDate = (filingDate: CalendarDate, dalMonths: number | null) =>
  dalMonths === null ? null : addMonths(filingDate, dalMonths);
