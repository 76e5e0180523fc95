import { MeasureStatus } from './measure.enums';
import { isRunningOn, statusOn, type MeasureTimeline } from './measure.lifecycle';

const renewedThenClosed: MeasureTimeline = {
  prescribedOn: '2025-01-10',
  diagnosticOn: '2025-01-20',
  startedOn: '2025-02-15',
  renewedOn: '2025-08-15',
  closedOn: '2026-01-31',
};
const refusedAtDiagnostic: MeasureTimeline = {
  prescribedOn: '2026-03-02',
  diagnosticOn: '2026-03-09',
  startedOn: null,
  renewedOn: null,
  closedOn: '2026-03-30',
};

/** Written by hand: day → expected status, at each boundary. */
const CASES: [string, MeasureTimeline, string, MeasureStatus | null, boolean][] = [
  ['before prescription', renewedThenClosed, '2025-01-09', null, false],
  ['on the prescription day', renewedThenClosed, '2025-01-10', MeasureStatus.PRESCRIBED, false],
  ['the day before the diagnostic', renewedThenClosed, '2025-01-19', MeasureStatus.PRESCRIBED, false],
  ['in diagnostic', renewedThenClosed, '2025-01-20', MeasureStatus.DIAGNOSTIC, false],
  ['started', renewedThenClosed, '2025-02-15', MeasureStatus.ACTIVE, true],
  ['the day before renewal', renewedThenClosed, '2025-08-14', MeasureStatus.ACTIVE, true],
  ['renewed', renewedThenClosed, '2025-08-15', MeasureStatus.RENEWED, true],
  ['the day before closure', renewedThenClosed, '2026-01-30', MeasureStatus.RENEWED, true],
  ['on the closure day', renewedThenClosed, '2026-01-31', MeasureStatus.CLOSED, false],
  ['long after', renewedThenClosed, '2030-01-01', MeasureStatus.CLOSED, false],
  ['refused: in diagnostic', refusedAtDiagnostic, '2026-03-29', MeasureStatus.DIAGNOSTIC, false],
  ['refused: closed, never started', refusedAtDiagnostic, '2026-03-30', MeasureStatus.CLOSED, false],
];

describe('the status of a measure on a day', () => {
  it.each(CASES)('%s', (_, timeline, day, status, running) => {
    expect(statusOn(timeline, day)).toBe(status);
    expect(isRunningOn(timeline, day)).toBe(running);
  });
});
