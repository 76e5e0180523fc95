import type { CalendarDate } from '@passerelle/shared/dates';
import { PARTNER_KINDS, type PartnerKind } from '@passerelle/shared/identity';
import { PriorityLabel } from '../demand/demand.enums';
import { daloOfferDeadline, DEFAULT_DALO_OFFER_MONTHS, maySetPriority } from './priority.rules';

/**
 * Who recognises or withdraws each priority label, written by hand from the law, not from the
 * rule's table: DALO from the mediation commission's decision, recorded by the State (CCH
 * L441-2-3); PDALHPD, the State's plan; ACCORD_COLLECTIF, the EPCI's intercommunal accord
 * (L441-1-1) or the State's departmental one (L441-1-2); L441_1, the State, the EPCI, reservation
 * holders and landlords (R441-2-15). Associations, analysts and auditors never.
 */
const SETS: Record<PartnerKind, Record<PriorityLabel, boolean>> = {
  STATE: { DALO: true, PDALHPD: true, ACCORD_COLLECTIF: true, L441_1: true },
  EPCI: { DALO: false, PDALHPD: false, ACCORD_COLLECTIF: true, L441_1: true },
  LANDLORD: { DALO: false, PDALHPD: false, ACCORD_COLLECTIF: false, L441_1: true },
  RESERVATION_HOLDER: { DALO: false, PDALHPD: false, ACCORD_COLLECTIF: false, L441_1: true },
  ASSOCIATION: { DALO: false, PDALHPD: false, ACCORD_COLLECTIF: false, L441_1: false },
  ANALYST: { DALO: false, PDALHPD: false, ACCORD_COLLECTIF: false, L441_1: false },
  AUDITOR: { DALO: false, PDALHPD: false, ACCORD_COLLECTIF: false, L441_1: false },
};

describe('who sets a priority label', () => {
  const cases = PARTNER_KINDS.flatMap((kind) =>
    Object.values(PriorityLabel).map((label) => [kind, label, SETS[kind][label]] as const),
  );

  it('covers every partner kind and every label', () => {
    expect(cases).toHaveLength(7 * 4);
  });

  it.each(cases)('%s sets %s: %s', (kind, label, allowed) => {
    expect(maySetPriority(kind, label)).toBe(allowed);
  });
});

describe('DALO offer deadline (CCH R441-16-1)', () => {
  it('is 3 months unless the territory sets 6', () => {
    expect(DEFAULT_DALO_OFFER_MONTHS).toBe(3);
  });

  it.each<[CalendarDate, number, CalendarDate]>([
    ['2026-03-10', 3, '2026-06-10'],
    ['2026-05-31', 3, '2026-08-31'],
    ['2026-11-30', 3, '2027-02-28'], // no 30 February
    ['2027-11-30', 3, '2028-02-29'], // leap year
    ['2026-10-15', 3, '2027-01-15'], // across the new year
    ['2026-03-10', 6, '2026-09-10'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-12-31', 6, '2027-06-30'], // no 31 June
  ])('decided on %s with %i months: offer due by %s', (decidedOn, months, expected) => {
    expect(daloOfferDeadline(decidedOn, months)).toBe(expected);
  });
});
