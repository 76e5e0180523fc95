import type { CalendarDate } from '@passerelle/shared/dates';
import { BodyKind } from '../body/body.enums';
import { CalDecisionType } from '@passerelle/shared/housing';
import type { GovernanceIndicators } from './governance-indicators.type';

/**
 * Assembles a territory's indicators from the SQL counts (which only return non-zero groups):
 * every body kind and every decision type is listed, in enum order, so dashboards get a stable shape.
 */
export function assembleIndicators(
  period: { from: CalendarDate; to: CalendarDate },
  meetingCounts: ReadonlyMap<string, number>,
  decisionCounts: ReadonlyMap<string, number>,
): GovernanceIndicators {
  const meetingsByBodyKind = Object.values(BodyKind).map((kind) => ({ kind, count: meetingCounts.get(kind) ?? 0 }));
  return {
    periodStart: period.from,
    asOf: period.to,
    meetingsHeldThisYear: meetingsByBodyKind.reduce((sum, { count }) => sum + count, 0),
    meetingsByBodyKind,
    decisionsByType: Object.values(CalDecisionType).map((type) => ({ type, count: decisionCounts.get(type) ?? 0 })),
  };
}
