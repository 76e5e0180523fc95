import type { PartnerKind } from '@passerelle/shared/identity';
import { DemandEventType } from '../demand-event/demand-event.enums';

/** The registration desks (guichets enregistreurs): they register, modify and renew demands. */
export const REGISTRATION_DESKS: readonly PartnerKind[] = ['STATE', 'EPCI', 'LANDLORD', 'RESERVATION_HOLDER'];

/**
 * Who records which processing event through `recordDemandEvent` (CCH R441-2-15: each event is
 * recorded by the legal person that took the step). The lifecycle's own events (registration,
 * modification, renewal, priority, radiation, reactivation, erasure, renewal notice) are written
 * by their mutations and the scheduled job only, so they always match the demand's state.
 */
export const EVENT_RECORDERS: Readonly<Partial<Record<DemandEventType, readonly PartnerKind[]>>> = {
  [DemandEventType.RECTIFIED]: REGISTRATION_DESKS,
  [DemandEventType.DOCUMENTS_REQUESTED]: REGISTRATION_DESKS,
  [DemandEventType.ANSWER_REQUESTED]: REGISTRATION_DESKS,
  // Reservation holders designate on their contingent; landlords on the stock they manage.
  [DemandEventType.DESIGNATED]: ['STATE', 'EPCI', 'RESERVATION_HOLDER', 'LANDLORD'],
  [DemandEventType.IDENTIFIED_BY_LANDLORD]: ['LANDLORD'],
  [DemandEventType.DWELLING_VISITED]: ['LANDLORD'],
  [DemandEventType.CAL_AGENDA]: ['LANDLORD'],
  [DemandEventType.CAL_DECISION]: ['LANDLORD'],
  [DemandEventType.OFFER_NOTIFIED]: ['LANDLORD'],
  [DemandEventType.OFFER_ACCEPTED]: ['LANDLORD'],
  [DemandEventType.OFFER_REFUSED]: ['LANDLORD'],
  [DemandEventType.LEASE_SIGNED]: ['LANDLORD'],
};

/** Null when `kind` may record `type`, else why not. */
export function eventRecordingRefusal(kind: PartnerKind, type: DemandEventType): string | null {
  const recorders = EVENT_RECORDERS[type];
  if (!recorders) {
    return `${type} events are written by the lifecycle itself (its mutation or the scheduled job), not recorded directly.`;
  }
  return recorders.includes(kind) ? null : `${type} events are recorded by ${recorders.join(', ')} partners only.`;
}
