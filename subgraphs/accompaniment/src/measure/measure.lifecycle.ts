import type { CalendarDate } from '@passerelle/shared/dates';
import { MeasureStatus } from './measure.enums';

/**
 * The dated steps of a measure (DOMAIN.md §4: prescribed → diagnostic → active → renewed →
 * closed). A step not reached (yet, or ever) is null: a measure refused at the diagnostic never
 * starts; one closed at the end of its first period is never renewed.
 */
export interface MeasureTimeline {
  prescribedOn: CalendarDate;
  /** The operator first meets the household: the diagnostic begins. */
  diagnosticOn: CalendarDate | null;
  /** The accompaniment starts, once the diagnostic is done. */
  startedOn: CalendarDate | null;
  /** The first period ended and the measure went on (a renewal). */
  renewedOn: CalendarDate | null;
  closedOn: CalendarDate | null;
}

/**
 * The status of a measure on `day`, or null when it was not yet prescribed. Each step holds
 * from its day on, the latest step reached wins; a measure closes on `closedOn` (it is no longer
 * active that day, as in the territory indicators).
 */
export function statusOn(timeline: MeasureTimeline, day: CalendarDate): MeasureStatus | null {
  const reached = (date: CalendarDate | null) => date !== null && date <= day;
  if (reached(timeline.closedOn)) return MeasureStatus.CLOSED;
  if (reached(timeline.renewedOn)) return MeasureStatus.RENEWED;
  if (reached(timeline.startedOn)) return MeasureStatus.ACTIVE;
  if (reached(timeline.diagnosticOn)) return MeasureStatus.DIAGNOSTIC;
  if (reached(timeline.prescribedOn)) return MeasureStatus.PRESCRIBED;
  return null;
}

/** Whether a measure is running on `day` (ACTIVE or RENEWED): the territory indicators' "active". */
export const isRunningOn = (timeline: MeasureTimeline, day: CalendarDate) => {
  const status = statusOn(timeline, day);
  return status === MeasureStatus.ACTIVE || status === MeasureStatus.RENEWED;
};
