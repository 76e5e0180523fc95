import type { CalendarDate } from '@passerelle/shared/dates';
import { DemandStatus, RadiationMotive } from '../demand/demand.enums';
import {
  dalDate,
  ineligibilityRadiationDue,
  type LifecycleFacts,
  noAnswerRadiationDue,
  noAnswerReactivableUntil,
  nonRenewalRadiationDue,
  nonRenewalReactivableUntil,
  purgeDue,
  radiationRefusal,
  reactivableUntil,
  reactivationRefusal,
  renewalNoticeDue,
  renewalRefusal,
  validUntilAfter,
  validUntilAfterReactivation,
  waitMonths,
} from './lifecycle.rules';

/**
 * Every expected date below is written by hand from the law and the calendar, never computed by
 * the rules under test. A delay in months ends on the same day number, or on the last day of the
 * month when that day does not exist (Code civil art. 641): 31 January + 1 month = 28 February
 * (29 in 2028, a leap year). Sources:
 * - CCH R441-2-7: a demand is valid one year from filing or last renewal; notice one month before.
 * - Arrêté of 23 March 2015, annex: NON_RENEWAL radiated 13 months after filing or renewal (one month
 *   after validity ends), reactivable until 18 months; NO_ANSWER radiated 2 months after the warning
 *   letter, reactivable 5 months after radiation; INELIGIBILITY one month after the CAL decision;
 *   LEASE_SIGNED once a lease is signed; RENUNCIATION any time. Only the first two are reactivable.
 * - Décret 2017-917 art. 4: nominative data erased a retention period after radiation (12 months by
 *   default), never while the demand can still be reactivated.
 */

const active = (validUntil: CalendarDate, timeline: Partial<LifecycleFacts> = {}): LifecycleFacts => ({
  status: DemandStatus.ACTIVE,
  radiationMotive: null,
  radiatedOn: null,
  validUntil,
  purgedOn: null,
  answerRequestedOn: null,
  ineligibilityDecidedOn: null,
  leaseSignedOn: null,
  ...timeline,
});

const radiated = (
  motive: RadiationMotive,
  radiatedOn: CalendarDate,
  validUntil: CalendarDate,
  purgedOn: CalendarDate | null = null,
): LifecycleFacts => ({
  ...active(validUntil),
  status: DemandStatus.RADIATED,
  radiationMotive: motive,
  radiatedOn,
  purgedOn,
});

const { NON_RENEWAL, NO_ANSWER, INELIGIBILITY, LEASE_SIGNED, RENUNCIATION } = RadiationMotive;

describe('validity and renewal (CCH R441-2-7)', () => {
  it.each([
    // filed or renewed on → valid until (one year later)
    ['2026-06-15', '2027-06-15'],
    ['2027-01-31', '2028-01-31'],
    ['2026-12-31', '2027-12-31'],
    ['2028-02-29', '2029-02-28'], // no 29 February in 2029
    ['2027-02-28', '2028-02-28'], // not moved to the 29th of the leap year
  ])('a demand filed or renewed on %s is valid until %s', (base, expected) => {
    expect(validUntilAfter(base)).toBe(expected);
  });

  it.each([
    // valid until → renewal notice due (one month before)
    ['2028-01-31', '2027-12-31'], // filed 2027-01-31
    ['2027-06-15', '2027-05-15'],
    ['2027-03-31', '2027-02-28'],
    ['2028-03-31', '2028-02-29'], // leap year
    ['2029-02-28', '2029-01-28'], // renewed 2028-02-29
    ['2027-01-15', '2026-12-15'], // across the new year
  ])('a demand valid until %s gets its renewal notice on %s', (validUntil, expected) => {
    expect(renewalNoticeDue(validUntil)).toBe(expected);
  });

  it.each<[string, LifecycleFacts, CalendarDate, boolean]>([
    // Filed 2027-01-31: valid until 2028-01-31, renewal opens with the notice on 2027-12-31.
    ['the day before the notice', active('2028-01-31'), '2027-12-30', false],
    ['the day of the notice', active('2028-01-31'), '2027-12-31', true],
    ['the last day of validity', active('2028-01-31'), '2028-01-31', true],
    ['in the month after validity, before radiation', active('2028-01-31'), '2028-02-28', true],
    // Filed 2026-03-31: valid until 2027-03-31, notice on 2027-02-28 (no 31 February).
    ['the day before a month-end notice', active('2027-03-31'), '2027-02-27', false],
    ['the day of a month-end notice', active('2027-03-31'), '2027-02-28', true],
    ['long before the notice', active('2027-06-15'), '2026-09-01', false],
    [
      'a radiated demand, even inside the window',
      radiated(NON_RENEWAL, '2028-02-29', '2028-01-31'),
      '2028-03-01',
      false,
    ],
  ])('renewal %s: allowed %s', (_case, facts, on, allowed) => {
    const refusal = renewalRefusal(facts, on);
    if (allowed) expect(refusal).toBeNull();
    else expect(refusal).toEqual({ reason: expect.any(String) });
  });

  it('names the opening day and the end of validity when renewal is too early', () => {
    expect(renewalRefusal(active('2028-01-31'), '2027-12-30')?.reason).toMatch(/2027-12-31.*2028-01-31/);
  });
});

describe('radiation, motive by motive', () => {
  it.each([
    // valid until → NON_RENEWAL radiation due (13 months after filing = one month after validity)
    ['2028-01-31', '2028-02-29'], // filed 2027-01-31; 2028 is a leap year
    ['2027-01-31', '2027-02-28'], // filed 2026-01-31
    ['2027-06-15', '2027-07-15'],
    ['2027-12-31', '2028-01-31'], // across the new year
  ])('not renewed, a demand valid until %s is radiated from %s', (validUntil, expected) => {
    expect(nonRenewalRadiationDue(validUntil)).toBe(expected);
  });

  it.each([
    // valid until → reactivable until (18 months after filing = validity + 6 months)
    ['2027-01-31', '2027-07-31'], // filed 2026-01-31
    ['2027-08-31', '2028-02-29'], // filed 2026-08-31; 2028 is a leap year
    ['2026-09-30', '2027-03-30'],
    ['2027-06-15', '2027-12-15'],
  ])('radiated for non-renewal, a demand valid until %s is reactivable until %s', (validUntil, expected) => {
    expect(nonRenewalReactivableUntil(validUntil)).toBe(expected);
  });

  it.each([
    // warning letter → NO_ANSWER radiation due (2 months later)
    ['2026-03-10', '2026-05-10'],
    ['2025-12-31', '2026-02-28'],
    ['2027-12-31', '2028-02-29'],
    ['2026-11-15', '2027-01-15'],
  ])('a letter sent on %s unanswered leads to radiation from %s', (letter, expected) => {
    expect(noAnswerRadiationDue(letter)).toBe(expected);
  });

  it.each([
    // radiated for NO_ANSWER → reactivable until (5 months later)
    ['2026-05-10', '2026-10-10'],
    ['2026-09-30', '2027-02-28'],
    ['2027-09-30', '2028-02-29'],
    ['2026-10-31', '2027-03-31'],
  ])('radiated for no answer on %s, reactivable until %s', (radiatedOn, expected) => {
    expect(noAnswerReactivableUntil(radiatedOn)).toBe(expected);
  });

  it.each([
    // CAL decision INELIGIBLE → radiation due (one month later)
    ['2026-01-31', '2026-02-28'],
    ['2028-01-30', '2028-02-29'],
    ['2026-04-12', '2026-05-12'],
  ])('declared ineligible by a CAL on %s, radiated from %s', (decidedOn, expected) => {
    expect(ineligibilityRadiationDue(decidedOn)).toBe(expected);
  });

  it.each<[string, RadiationMotive, LifecycleFacts, CalendarDate, string | null]>([
    // NON_RENEWAL: filed 2027-01-31, valid until 2028-01-31, radiated from 2028-02-29.
    ['not renewed, the day before', NON_RENEWAL, active('2028-01-31'), '2028-02-28', '2028-02-29'],
    ['not renewed, the first day', NON_RENEWAL, active('2028-01-31'), '2028-02-29', null],
    ['not renewed, later', NON_RENEWAL, active('2028-01-31'), '2028-04-01', null],
    ['not renewed, on the last day of validity', NON_RENEWAL, active('2028-01-31'), '2028-01-31', '2028-02-29'],
    // Filed 2026-01-31: valid until 2027-01-31, radiated from 2027-02-28.
    ['not renewed (2027), the day before', NON_RENEWAL, active('2027-01-31'), '2027-02-27', '2027-02-28'],
    ['not renewed (2027), the first day', NON_RENEWAL, active('2027-01-31'), '2027-02-28', null],
    // NO_ANSWER: needs the warning letter, then 2 months.
    ['no answer without any letter', NO_ANSWER, active('2027-06-15'), '2026-12-01', 'ANSWER_REQUESTED'],
    [
      'no answer, the day before',
      NO_ANSWER,
      active('2027-06-15', { answerRequestedOn: '2026-03-10' }),
      '2026-05-09',
      '2026-05-10',
    ],
    [
      'no answer, the first day',
      NO_ANSWER,
      active('2027-06-15', { answerRequestedOn: '2026-03-10' }),
      '2026-05-10',
      null,
    ],
    [
      'no answer to a 31 December letter, the day before',
      NO_ANSWER,
      active('2026-09-01', { answerRequestedOn: '2025-12-31' }),
      '2026-02-27',
      '2026-02-28',
    ],
    [
      'no answer to a 31 December letter, the first day',
      NO_ANSWER,
      active('2026-09-01', { answerRequestedOn: '2025-12-31' }),
      '2026-02-28',
      null,
    ],
    // INELIGIBILITY: only after a CAL decision INELIGIBLE, then one month.
    ['ineligible without a CAL decision', INELIGIBILITY, active('2027-01-31'), '2026-12-01', 'CAL'],
    [
      'ineligible, the day before',
      INELIGIBILITY,
      active('2027-01-31', { ineligibilityDecidedOn: '2026-01-31' }),
      '2026-02-27',
      '2026-02-28',
    ],
    [
      'ineligible, the first day',
      INELIGIBILITY,
      active('2027-01-31', { ineligibilityDecidedOn: '2026-01-31' }),
      '2026-02-28',
      null,
    ],
    // LEASE_SIGNED: needs the signature in the timeline.
    ['lease signed, none recorded', LEASE_SIGNED, active('2027-01-31'), '2026-06-01', 'LEASE_SIGNED'],
    ['lease signed, recorded', LEASE_SIGNED, active('2027-01-31', { leaseSignedOn: '2026-05-20' }), '2026-05-20', null],
    // RENUNCIATION: any time, even the day of filing.
    ['renunciation on the day of filing', RENUNCIATION, active('2027-01-31'), '2026-01-31', null],
    ['renunciation on any day', RENUNCIATION, active('2027-01-31'), '2026-07-14', null],
    // Nothing for a demand already radiated.
    [
      'renunciation of a radiated demand',
      RENUNCIATION,
      radiated(NO_ANSWER, '2026-05-10', '2027-01-31'),
      '2026-06-01',
      'already',
    ],
    [
      'not renewed, already radiated',
      NON_RENEWAL,
      radiated(RENUNCIATION, '2027-01-02', '2027-01-31'),
      '2027-03-01',
      'already',
    ],
    [
      'lease signed, already radiated',
      LEASE_SIGNED,
      radiated(NO_ANSWER, '2026-05-10', '2027-01-31'),
      '2026-06-01',
      'already',
    ],
  ])('%s (%s)', (_case, motive, facts, on, refusedMentioning) => {
    const refusal = radiationRefusal(facts, motive, on);
    if (refusedMentioning === null) expect(refusal).toBeNull();
    else expect(refusal?.reason).toContain(refusedMentioning);
  });
});

describe('reactivation windows', () => {
  it.each<[string, LifecycleFacts, CalendarDate, boolean]>([
    // NON_RENEWAL, filed 2026-01-31: valid until 2027-01-31, radiated 2027-02-28, until 2027-07-31.
    ['not renewed, on the radiation day', radiated(NON_RENEWAL, '2027-02-28', '2027-01-31'), '2027-02-28', true],
    ['not renewed, the last day', radiated(NON_RENEWAL, '2027-02-28', '2027-01-31'), '2027-07-31', true],
    ['not renewed, the day after', radiated(NON_RENEWAL, '2027-02-28', '2027-01-31'), '2027-08-01', false],
    // NON_RENEWAL, filed 2026-08-31: valid until 2027-08-31, radiated 2027-09-30, until 2028-02-29.
    ['not renewed, the last day (29 February)', radiated(NON_RENEWAL, '2027-09-30', '2027-08-31'), '2028-02-29', true],
    ['not renewed, the day after (1 March)', radiated(NON_RENEWAL, '2027-09-30', '2027-08-31'), '2028-03-01', false],
    // A radiation run late by the scheduled job does not extend the window (18 months from filing).
    ['not renewed, radiated late, last day', radiated(NON_RENEWAL, '2027-04-10', '2027-01-31'), '2027-07-31', true],
    ['not renewed, radiated late, day after', radiated(NON_RENEWAL, '2027-04-10', '2027-01-31'), '2027-08-01', false],
    // NO_ANSWER radiated 2026-09-30: until 2027-02-28.
    ['no answer, the last day', radiated(NO_ANSWER, '2026-09-30', '2027-06-15'), '2027-02-28', true],
    ['no answer, the day after', radiated(NO_ANSWER, '2026-09-30', '2027-06-15'), '2027-03-01', false],
    // NO_ANSWER radiated 2026-05-10: until 2026-10-10.
    ['no answer, mid-window', radiated(NO_ANSWER, '2026-05-10', '2027-01-31'), '2026-07-01', true],
    ['no answer (May), the last day', radiated(NO_ANSWER, '2026-05-10', '2027-01-31'), '2026-10-10', true],
    ['no answer (May), the day after', radiated(NO_ANSWER, '2026-05-10', '2027-01-31'), '2026-10-11', false],
    // The other motives are never reactivable: the household files a new demand.
    ['ineligible, the radiation day', radiated(INELIGIBILITY, '2026-02-28', '2027-01-31'), '2026-02-28', false],
    ['lease signed, the radiation day', radiated(LEASE_SIGNED, '2026-05-20', '2027-01-31'), '2026-05-20', false],
    ['renounced, the radiation day', radiated(RENUNCIATION, '2026-07-14', '2027-01-31'), '2026-07-14', false],
    // Nothing to reactivate, or nothing left.
    ['an active demand', active('2027-01-31'), '2026-07-14', false],
    [
      'no answer, inside the window but data erased',
      radiated(NO_ANSWER, '2026-05-10', '2027-01-31', '2026-06-01'),
      '2026-06-02',
      false,
    ],
  ])('%s: allowed %s', (_case, facts, on, allowed) => {
    const refusal = reactivationRefusal(facts, on);
    if (allowed) expect(refusal).toBeNull();
    else expect(refusal).toEqual({ reason: expect.any(String) });
  });

  it.each<[string, LifecycleFacts, CalendarDate | null]>([
    ['not renewed (filed 2026-01-31)', radiated(NON_RENEWAL, '2027-02-28', '2027-01-31'), '2027-07-31'],
    ['not renewed (filed 2026-08-31)', radiated(NON_RENEWAL, '2027-09-30', '2027-08-31'), '2028-02-29'],
    ['no answer (radiated 2026-09-30)', radiated(NO_ANSWER, '2026-09-30', '2027-06-15'), '2027-02-28'],
    ['no answer (radiated 2026-10-31)', radiated(NO_ANSWER, '2026-10-31', '2027-06-15'), '2027-03-31'],
    ['ineligible', radiated(INELIGIBILITY, '2026-02-28', '2027-01-31'), null],
    ['lease signed', radiated(LEASE_SIGNED, '2026-05-20', '2027-01-31'), null],
    ['renounced', radiated(RENUNCIATION, '2026-07-14', '2027-01-31'), null],
    ['active', active('2027-01-31'), null],
    ['erased', radiated(NO_ANSWER, '2026-05-10', '2027-01-31', '2026-06-01'), null],
  ])('%s: reactivable until %s', (_case, facts, expected) => {
    expect(reactivableUntil(facts)).toBe(expected);
  });

  it('names the closing day when the window has closed', () => {
    expect(reactivationRefusal(radiated(NO_ANSWER, '2026-09-30', '2027-06-15'), '2027-03-01')?.reason).toContain(
      '2027-02-28',
    );
  });

  it.each<[string, CalendarDate, CalendarDate, CalendarDate]>([
    // validity still running on reactivation: kept as is
    ['validity still running', '2026-12-15', '2026-08-01', '2026-12-15'],
    ['validity ending that very day', '2026-12-15', '2026-12-15', '2026-12-15'],
    // validity over: one year from reactivation
    ['validity over', '2027-01-31', '2027-07-31', '2028-07-31'],
    ['validity over, reactivated on 29 February', '2027-08-31', '2028-02-29', '2029-02-28'],
  ])('%s: valid until %s, reactivated on %s → valid until %s', (_case, validUntil, on, expected) => {
    expect(validUntilAfterReactivation(radiated(NO_ANSWER, '2026-06-01', validUntil), on)).toBe(expected);
  });
});

describe('erasure of nominative data (décret 2017-917 art. 4)', () => {
  it.each<[string, LifecycleFacts, number, CalendarDate | null]>([
    // 12 months (default) after radiation, the reactivation window long closed.
    ['not renewed, 12 months', radiated(NON_RENEWAL, '2027-02-28', '2027-01-31'), 12, '2028-02-28'],
    ['no answer, 12 months', radiated(NO_ANSWER, '2026-09-30', '2027-06-15'), 12, '2027-09-30'],
    ['lease signed on 29 February, 12 months', radiated(LEASE_SIGNED, '2028-02-29', '2029-01-31'), 12, '2029-02-28'],
    ['renounced on 31 January, 1 month', radiated(RENUNCIATION, '2026-01-31', '2026-06-30'), 1, '2026-02-28'],
    ['ineligible, 12 months', radiated(INELIGIBILITY, '2026-02-28', '2027-01-31'), 12, '2027-02-28'],
    // Retention shorter than the window: the day after the window closes.
    // Not renewed, filed 2026-01-31: reactivable until 2027-07-31 → erased 2027-08-01 (not 2027-05-28).
    ['not renewed, 3 months', radiated(NON_RENEWAL, '2027-02-28', '2027-01-31'), 3, '2027-08-01'],
    // No answer radiated 2026-09-30: reactivable until 2027-02-28; retention of 5 months ends that
    // same day, when the demand can still be reactivated → erased 2027-03-01.
    [
      'no answer, retention ending on the last reactivable day',
      radiated(NO_ANSWER, '2026-09-30', '2027-06-15'),
      5,
      '2027-03-01',
    ],
    ['no answer, 2 months', radiated(NO_ANSWER, '2026-09-30', '2027-06-15'), 2, '2027-03-01'],
    // A retention ending after the window closed is kept as is: 2026-09-30 + 6 months = 2027-03-30.
    ['no answer, 6 months', radiated(NO_ANSWER, '2026-09-30', '2027-06-15'), 6, '2027-03-30'],
    // Nothing to erase.
    ['an active demand', active('2027-01-31'), 12, null],
    ['already erased', radiated(RENUNCIATION, '2026-01-31', '2026-06-30', '2027-01-31'), 12, null],
  ])('%s: erase on %s', (_case, facts, retentionMonths, expected) => {
    expect(purgeDue(facts, retentionMonths)).toBe(expected);
  });
});

describe('waiting time and DAL date', () => {
  it.each([
    ['2026-01-31', '2026-01-31', 0],
    ['2026-01-31', '2026-02-27', 0],
    ['2026-01-31', '2026-02-28', 1], // 31 January + 1 month = 28 February
    ['2026-01-31', '2027-02-27', 12],
    ['2026-01-31', '2027-02-28', 13],
    ['2026-06-15', '2029-06-14', 35],
    ['2026-06-15', '2029-06-15', 36],
  ])('filed on %s, on %s the household has waited %i whole months', (filing, on, expected) => {
    expect(waitMonths(filing, on)).toBe(expected);
  });

  it.each<[CalendarDate, number | null, CalendarDate | null]>([
    ['2026-06-15', 36, '2029-06-15'],
    ['2026-01-31', 13, '2027-02-28'],
    ['2025-11-30', 27, '2028-02-29'],
    ['2026-06-15', null, null],
  ])('filed on %s with a DAL of %s months: DAL date %s', (filing, months, expected) => {
    expect(dalDate(filing, months)).toBe(expected);
  });
});
