import { CalDecisionType } from '@passerelle/shared/housing';
import { DecisionMotiveCode } from '../cal-decision/cal-decision.enums';
import { attendanceRate } from '../meeting/meeting.rules';
import type { CalDecisionCountByType } from './governance-indicators.type';
import type {
  AttendanceRow,
  GroupCountRow,
  LandlordCountRow,
  MeetingCountsRow,
  RecommendationCountsRow,
} from './governance-activity.repository';
import type {
  CalDecisionCountByLandlord,
  MotiveCount,
  PartnerAttendance,
  RecommendationCounts,
  RefusalMotiveCount,
} from './governance-activity.type';

/**
 * Assembles one scope's figures from the SQL rows (which only hold non-empty groups): enums are
 * listed whole, zeros included, in enum order; lists of partners are sorted by name (French
 * collation), then by id so that namesakes keep a stable order.
 */

const byName = new Intl.Collator('fr').compare;
const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedByName = <T>(items: T[], name: (item: T) => string, id: (item: T) => string) =>
  items.sort((a, b) => byName(name(a), name(b)) || codeUnitOrder(id(a), id(b)));

export interface MeetingCounts {
  held: number;
  cancelled: number;
}

export function meetingCounts(rows: readonly MeetingCountsRow[]): MeetingCounts {
  return { held: rows[0]?.held ?? 0, cancelled: rows[0]?.cancelled ?? 0 };
}

/** Each partner's attendance with its rate (`attendanceRate`: null when expected at none), by name. */
export function partnerAttendance(rows: readonly AttendanceRow[]): PartnerAttendance[] {
  return sortedByName(
    rows.map(({ partnerId, partnerName, present, expected }) => ({
      partnerId,
      partnerName,
      present,
      expected,
      rate: attendanceRate(present, expected),
    })),
    (entry) => entry.partnerName,
    (entry) => entry.partnerId,
  );
}

const countsOf = (rows: readonly GroupCountRow[]) => {
  const counts = new Map<string | null, number>();
  for (const { group, count } of rows) counts.set(group, (counts.get(group) ?? 0) + count);
  return counts;
};

/** All five decision types (CCH R441-3), in enum order, zeros included. */
export function decisionsByType(rows: readonly GroupCountRow[]): CalDecisionCountByType[] {
  const counts = countsOf(rows);
  return Object.values(CalDecisionType).map((type) => ({ type, count: counts.get(type) ?? 0 }));
}

/** The landlords whose CAL took decisions, by name. */
export function decisionsByLandlord(rows: readonly LandlordCountRow[]): CalDecisionCountByLandlord[] {
  return sortedByName(
    rows.map(({ landlordPartnerId, landlordName, count }) => ({ landlordPartnerId, landlordName, count })),
    (entry) => entry.landlordName,
    (entry) => entry.landlordPartnerId,
  );
}

export interface RefusalMotives {
  /** Every coded motive, in enum order, zeros included. */
  byMotive: MotiveCount[];
  /** Refusals recorded without a coded motive (only the stated text). */
  uncoded: number;
}

export function refusalMotives(rows: readonly GroupCountRow[]): RefusalMotives {
  const counts = countsOf(rows);
  return {
    byMotive: Object.values(DecisionMotiveCode).map((motive) => ({ motive, count: counts.get(motive) ?? 0 })),
    uncoded: counts.get(null) ?? 0,
  };
}

/** Offer refusals by stated motive: most frequent first, then by motive. */
export function offerRefusalMotives(rows: readonly GroupCountRow[]): RefusalMotiveCount[] {
  return rows
    .filter((row): row is GroupCountRow & { group: string } => row.group !== null)
    .map(({ group, count }) => ({ motive: group, count }))
    .sort((a, b) => b.count - a.count || byName(a.motive, b.motive) || codeUnitOrder(a.motive, b.motive));
}

export function recommendationCounts(rows: readonly RecommendationCountsRow[]): RecommendationCounts {
  const row = rows[0];
  return { open: row?.open ?? 0, done: row?.done ?? 0, dropped: row?.dropped ?? 0, overdue: row?.overdue ?? 0 };
}
