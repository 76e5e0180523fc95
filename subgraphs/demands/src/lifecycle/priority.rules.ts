import { addMonths, type CalendarDate } from '@passerelle/shared/dates';
import type { PartnerKind } from '@passerelle/shared/identity';
import { PriorityLabel } from '../demand/demand.enums';

/**
 * Who may recognise or withdraw each priority label. Each label follows the body that decides it:
 * - DALO: the mediation commission's decision, recorded by the State (CCH L441-2-3);
 * - PDALHPD: the département's plan, co-piloted by the State (loi Besson, art. 2);
 * - ACCORD_COLLECTIF: the intercommunal accord collectif, the EPCI's (CCH L441-1-1), or the State's
 *   departmental one (L441-1-2);
 * - L441_1: the priority publics of CCH L441-1, which R441-2-15 lets reservation holders and
 *   landlords recognise as well as the State and the EPCI.
 */
export const PRIORITY_SETTERS: Readonly<Record<PriorityLabel, readonly PartnerKind[]>> = {
  [PriorityLabel.DALO]: ['STATE'],
  [PriorityLabel.PDALHPD]: ['STATE'],
  [PriorityLabel.ACCORD_COLLECTIF]: ['EPCI', 'STATE'],
  [PriorityLabel.L441_1]: ['STATE', 'EPCI', 'RESERVATION_HOLDER', 'LANDLORD'],
};

export const maySetPriority = (kind: PartnerKind, label: PriorityLabel) => PRIORITY_SETTERS[label].includes(kind);

/**
 * After a favourable DALO decision the préfet must offer housing within 3 months, 6 in
 * départements with an agglomeration of more than 300 000 inhabitants (CCH R441-16-1): the
 * delay is a territory setting, 3 by default.
 */
export const DEFAULT_DALO_OFFER_MONTHS = 3;
export const daloOfferDeadline = (decidedOn: CalendarDate, months: number) => addMonths(decidedOn, months);
