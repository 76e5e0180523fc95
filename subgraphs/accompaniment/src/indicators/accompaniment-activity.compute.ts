import { SchemeCode } from '../scheme/scheme.enums';

/** Days in an average month (365.25 / 12): the indicators' unit of duration. */
export const DAYS_PER_MONTH = 30.4375;

/** The counts SQL returns for one group of measures (a scheme, an operator or the whole scope). */
export interface ActivityCounts {
  started: number;
  closed: number;
  activeAtEnd: number;
  /** Measures closed in the period that had started (those with a duration). */
  closedStarted: number;
  /** Sum of `closedOn − startedOn`, in days, over those measures. */
  closedDays: number;
}

/** The public figures of one group over a period. */
export interface ActivityFigures {
  started: number;
  closed: number;
  activeAtEnd: number;
  averageClosedDurationMonths: number | null;
}

export const NO_ACTIVITY: ActivityCounts = { started: 0, closed: 0, activeAtEnd: 0, closedStarted: 0, closedDays: 0 };

/** Mean duration in months of 30.4375 days, one decimal; null when no measure has a duration. */
export function averageMonths(totalDays: number, measures: number): number | null {
  if (measures <= 0) return null;
  return Math.round((totalDays / measures / DAYS_PER_MONTH) * 10) / 10;
}

export function toFigures(counts: ActivityCounts): ActivityFigures {
  return {
    started: counts.started,
    closed: counts.closed,
    activeAtEnd: counts.activeAtEnd,
    averageClosedDurationMonths: averageMonths(counts.closedDays, counts.closedStarted),
  };
}

/** Whether a group did anything over the period (a started, closed or running measure). */
export const hasActivity = (counts: ActivityCounts) =>
  counts.started > 0 || counts.closed > 0 || counts.activeAtEnd > 0;

/**
 * One entry per scheme code of the catalogue (at most one scheme per `SchemeCode`), in the
 * catalogue's order, zeros for a scheme without measures: a reader compares schemes without
 * wondering whether a missing one means zero.
 */
export function zeroFilledBySchemes(
  counts: ReadonlyMap<SchemeCode, ActivityCounts>,
  codes: readonly SchemeCode[] = Object.values(SchemeCode),
): ({ scheme: SchemeCode } & ActivityFigures)[] {
  return codes.map((scheme) => ({ scheme, ...toFigures(counts.get(scheme) ?? NO_ACTIVITY) }));
}
