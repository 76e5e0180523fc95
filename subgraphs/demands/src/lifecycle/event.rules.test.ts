import { PARTNER_KINDS, type PartnerKind } from '@passerelle/shared/identity';
import { DemandEventType } from '../demand-event/demand-event.enums';
import { eventRecordingRefusal } from './event.rules';

/**
 * Who records which event directly, written by hand (CCH R441-2-15: the legal person that took
 * the step records it). The lifecycle's own events are written by their mutations or the
 * scheduled job, never recorded directly; the steps of an allocation are the landlord's (its CAL);
 * designation is done by whoever holds the dwelling's contingent; rectification, document
 * requests and warning letters by the registration desks.
 *
 *   S = STATE, E = EPCI, L = LANDLORD, R = RESERVATION_HOLDER, A = ASSOCIATION, N = ANALYST, U = AUDITOR
 */
const o = true;
const _ = false;
type Row = [S: boolean, E: boolean, L: boolean, R: boolean, A: boolean, N: boolean, U: boolean];
const COLUMNS: readonly PartnerKind[] = [
  'STATE',
  'EPCI',
  'LANDLORD',
  'RESERVATION_HOLDER',
  'ASSOCIATION',
  'ANALYST',
  'AUDITOR',
];

// prettier-ignore
const RECORDS: Record<DemandEventType, Row> = {
  //                          S  E  L  R  A  N  U
  // the lifecycle's own events
  REGISTERED:               [_, _, _, _, _, _, _],
  MODIFIED:                 [_, _, _, _, _, _, _],
  RENEWAL_NOTICE_SENT:      [_, _, _, _, _, _, _],
  RENEWED:                  [_, _, _, _, _, _, _],
  PRIORITY_RECOGNISED:      [_, _, _, _, _, _, _],
  PRIORITY_WITHDRAWN:       [_, _, _, _, _, _, _],
  RADIATED:                 [_, _, _, _, _, _, _],
  REACTIVATED:              [_, _, _, _, _, _, _],
  DATA_ERASED:              [_, _, _, _, _, _, _],
  // the registration desks
  RECTIFIED:                [o, o, o, o, _, _, _],
  DOCUMENTS_REQUESTED:      [o, o, o, o, _, _, _],
  ANSWER_REQUESTED:         [o, o, o, o, _, _, _],
  // whoever designates on its contingent or stock
  DESIGNATED:               [o, o, o, o, _, _, _],
  // the landlord alone
  IDENTIFIED_BY_LANDLORD:   [_, _, o, _, _, _, _],
  DWELLING_VISITED:         [_, _, o, _, _, _, _],
  CAL_AGENDA:               [_, _, o, _, _, _, _],
  CAL_DECISION:             [_, _, o, _, _, _, _],
  OFFER_NOTIFIED:           [_, _, o, _, _, _, _],
  OFFER_ACCEPTED:           [_, _, o, _, _, _, _],
  OFFER_REFUSED:            [_, _, o, _, _, _, _],
  LEASE_SIGNED:             [_, _, o, _, _, _, _],
};

const LIFECYCLE_EVENTS = new Set<string>([
  'REGISTERED',
  'MODIFIED',
  'RENEWAL_NOTICE_SENT',
  'RENEWED',
  'PRIORITY_RECOGNISED',
  'PRIORITY_WITHDRAWN',
  'RADIATED',
  'REACTIVATED',
  'DATA_ERASED',
]);

const cases = (Object.keys(RECORDS) as DemandEventType[]).flatMap((type) =>
  COLUMNS.map((kind, column) => [kind, type, RECORDS[type][column]!] as const),
);

describe('who records which demand event', () => {
  it('the table covers every event type and every partner kind', () => {
    expect(Object.keys(RECORDS).sort()).toEqual(Object.values(DemandEventType).sort());
    expect([...COLUMNS].sort()).toEqual([...PARTNER_KINDS].sort());
    expect(cases).toHaveLength(21 * 7);
  });

  it.each(cases)('%s records %s: %s', (kind, type, allowed) => {
    const refusal = eventRecordingRefusal(kind, type);
    if (allowed) expect(refusal).toBeNull();
    else if (LIFECYCLE_EVENTS.has(type)) expect(refusal).toMatch(/not recorded directly/);
    else expect(refusal).toMatch(/recorded by .* partners only/);
  });

  it('names the partners who may record the event', () => {
    expect(eventRecordingRefusal('STATE', DemandEventType.CAL_DECISION)).toBe(
      'CAL_DECISION events are recorded by LANDLORD partners only.',
    );
  });
});
