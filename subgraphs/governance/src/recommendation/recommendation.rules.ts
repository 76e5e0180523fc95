import type { CalendarDate } from '@passerelle/shared/dates';
import { RecommendationStatus } from './recommendation.enums';

/** Recommendations (préconisations): open until done or dropped, overdue past their due date. */

const FINAL: readonly RecommendationStatus[] = [RecommendationStatus.DONE, RecommendationStatus.DROPPED];

export const isOpen = (status: RecommendationStatus) => !FINAL.includes(status);

/** Overdue on `asOf`: still open and its due date passed. */
export const isOverdue = (recommendation: { status: RecommendationStatus; dueOn: CalendarDate }, asOf: CalendarDate) =>
  isOpen(recommendation.status) && recommendation.dueOn < asOf;

/** A follow-up is reported at a held meeting of the issuing body, after the issue, on an open recommendation. */
export function followUpRefusal(
  recommendation: { status: RecommendationStatus; issuedOn: CalendarDate; bodyId: string },
  meeting: { bodyId: string; date: CalendarDate; held: boolean },
): string | null {
  if (!isOpen(recommendation.status)) {
    return `The recommendation is ${recommendation.status}: it has no further follow-up.`;
  }
  if (meeting.bodyId !== recommendation.bodyId) {
    return 'A recommendation is followed up at meetings of the body that issued it.';
  }
  if (!meeting.held) return 'A follow-up is reported at a held meeting.';
  if (meeting.date < recommendation.issuedOn) return 'A follow-up comes at a meeting after the one that issued it.';
  return null;
}
