import type { DataSource } from 'typeorm';
import { CalDecisionType } from '@passerelle/shared/housing';
import { AttendanceStatus } from '../agenda/agenda.enums';
import { OfferAnswer } from '../cal-decision/cal-decision.enums';
import { MeetingStatus } from '../meeting/meeting.enums';
import { RecommendationStatus } from '../recommendation/recommendation.enums';
import { isOpen } from '../recommendation/recommendation.rules';

/**
 * One scope and period to count for; `key` ties the rows back to it. A territory's scope is the
 * bodies acting on it or within it (`bodyTerritories`) and the decisions whose `territory_codes`
 * hold its code; a body's scope is the body, and the decisions taken at its meetings.
 */
export interface ActivityRequest {
  key: number;
  from: string;
  to: string;
  /** The territory code, for a territory's activity; null for a body's. */
  territoryCode: string | null;
  /** Codes of the territory and of those within it: bodies acting there count. Empty for a body. */
  bodyTerritories: readonly string[];
  /** The body, for a body's activity; null for a territory's. */
  bodyId: string | null;
}

export interface MeetingCountsRow {
  key: number;
  held: number;
  cancelled: number;
}

export interface AttendanceRow {
  key: number;
  partnerId: string;
  partnerName: string;
  present: number;
  expected: number;
}

/** A count of one group (a decision type, a motive, null for a decision without coded motive). */
export interface GroupCountRow {
  key: number;
  group: string | null;
  count: number;
}

export interface LandlordCountRow {
  key: number;
  landlordPartnerId: string;
  landlordName: string;
  count: number;
}

export interface RecommendationCountsRow {
  key: number;
  open: number;
  done: number;
  dropped: number;
  overdue: number;
}

const REFUSALS: readonly CalDecisionType[] = [CalDecisionType.NON_ATTRIBUTION, CalDecisionType.INELIGIBLE];
const OPEN_RECOMMENDATIONS = Object.values(RecommendationStatus).filter(isOpen);

/**
 * The requests, unnested into rows ($1…$5), and the bodies in the scope of each (`scoped_body`:
 * for a territory, those whose territory is in `bodyTerritories`, $6 and $7; for a body, itself).
 */
const SCOPE = `
  request AS (SELECT * FROM unnest($1::int[], $2::date[], $3::date[], $4::text[], $5::uuid[])
              AS r(key, from_date, to_date, territory_code, body_id)),
  body_territory AS (SELECT * FROM unnest($6::int[], $7::text[]) AS t(key, territory_code)),
  scoped_body AS (SELECT t.key, b.id FROM body_territory t JOIN body b ON b.territory_code = t.territory_code
                  UNION
                  SELECT r.key, r.body_id FROM request r WHERE r.body_id IS NOT NULL)`;

/**
 * The CAL decisions in the scope of each request, as `d` (with `r`, the request), filtered by
 * `condition`: for a territory, those whose `territory_codes` hold its code (a commune, its EPCI
 * and département, and the QPV: a QPV code matches the decision's QPV); for a body, those taken
 * at its meetings. A request has either a territory or a body, so no decision counts twice.
 */
const scopedDecisions = (columns: string, join: string, condition: string) => `
  SELECT r.key, ${columns}
  FROM request r JOIN cal_decision d ON d.territory_codes @> ARRAY[r.territory_code] ${join}
  WHERE ${condition}
  UNION ALL
  SELECT r.key, ${columns}
  FROM request r JOIN meeting bm ON bm.body_id = r.body_id JOIN cal_decision d ON d.meeting_id = bm.id ${join}
  WHERE ${condition}`;

const DECIDED_IN_PERIOD = 'd.decided_on BETWEEN r.from_date AND r.to_date';

/**
 * The activity counts, computed by PostgreSQL (GROUP BY), for any number of scopes and periods
 * in one statement per group of figures: the requests travel as arrays and are unnested into rows.
 */
export class GovernanceActivityRepository {
  constructor(private readonly db: DataSource) {}

  /** Meetings of each request's bodies dated within its period, held and cancelled. */
  meetingCounts(requests: readonly ActivityRequest[]): Promise<MeetingCountsRow[]> {
    return this.query(
      `WITH ${SCOPE}
       SELECT r.key,
              count(*) FILTER (WHERE m.status = $8)::int AS held,
              count(*) FILTER (WHERE m.status = $9)::int AS cancelled
       FROM request r
       JOIN scoped_body sb ON sb.key = r.key
       JOIN meeting m ON m.body_id = sb.id AND m.date BETWEEN r.from_date AND r.to_date
       GROUP BY r.key`,
      requests,
      [MeetingStatus.HELD, MeetingStatus.CANCELLED],
    );
  }

  /** For the held meetings of each request, per partner with an attendance row: present and expected. */
  attendance(requests: readonly ActivityRequest[]): Promise<AttendanceRow[]> {
    return this.query(
      `WITH ${SCOPE}
       SELECT r.key, a.partner_id AS "partnerId", p.name AS "partnerName",
              count(*) FILTER (WHERE a.status = $9)::int AS present, count(*)::int AS expected
       FROM request r
       JOIN scoped_body sb ON sb.key = r.key
       JOIN meeting m ON m.body_id = sb.id AND m.status = $8 AND m.date BETWEEN r.from_date AND r.to_date
       JOIN attendance a ON a.meeting_id = m.id
       JOIN partner p ON p.id = a.partner_id
       GROUP BY r.key, a.partner_id, p.name`,
      requests,
      [MeetingStatus.HELD, AttendanceStatus.PRESENT],
    );
  }

  /** CAL decisions of each request's scope taken within its period, by type. */
  decisionsByType(requests: readonly ActivityRequest[]): Promise<GroupCountRow[]> {
    return this.query(
      `WITH ${SCOPE}, decision AS (${scopedDecisions('d.type', '', DECIDED_IN_PERIOD)})
       SELECT key, type AS "group", count(*)::int AS count FROM decision GROUP BY key, type`,
      requests,
    );
  }

  /** The same decisions by the landlord whose CAL took them (the body of the decision's meeting). */
  decisionsByLandlord(requests: readonly ActivityRequest[]): Promise<LandlordCountRow[]> {
    return this.query(
      `WITH ${SCOPE}, decision AS (${scopedDecisions('d.meeting_id', '', DECIDED_IN_PERIOD)})
       SELECT d.key, b.landlord_partner_id AS "landlordPartnerId", p.name AS "landlordName", count(*)::int AS count
       FROM decision d
       JOIN meeting m ON m.id = d.meeting_id
       JOIN body b ON b.id = m.body_id
       JOIN partner p ON p.id = b.landlord_partner_id
       GROUP BY d.key, b.landlord_partner_id, p.name`,
      requests,
    );
  }

  /** Non-attributions and ineligibility decisions of the same scope and period, by coded motive (null: none). */
  refusalsByMotiveCode(requests: readonly ActivityRequest[]): Promise<GroupCountRow[]> {
    return this.query(
      `WITH ${SCOPE}, decision AS (${scopedDecisions('d.motive_code', '', `${DECIDED_IN_PERIOD} AND d.type = ANY ($8::text[])`)})
       SELECT key, motive_code AS "group", count(*)::int AS count FROM decision GROUP BY key, motive_code`,
      requests,
      [REFUSALS],
    );
  }

  /** Offers refused within each request's period, after decisions of its scope, by stated motive. */
  offerRefusalsByMotive(requests: readonly ActivityRequest[]): Promise<GroupCountRow[]> {
    return this.query(
      `WITH ${SCOPE}, refusal AS (${scopedDecisions(
        'oa.motive',
        'JOIN offer_answer oa ON oa.cal_decision_id = d.id',
        'oa.answer = $8 AND oa.answered_on BETWEEN r.from_date AND r.to_date',
      )})
       SELECT key, motive AS "group", count(*)::int AS count FROM refusal GROUP BY key, motive`,
      requests,
      [OfferAnswer.REFUSED],
    );
  }

  /** Recommendations issued by each request's bodies up to the end of its period, by where they stand. */
  recommendationCounts(requests: readonly ActivityRequest[]): Promise<RecommendationCountsRow[]> {
    return this.query(
      `WITH ${SCOPE}
       SELECT r.key,
              count(*) FILTER (WHERE rec.status = ANY ($8::text[]))::int AS open,
              count(*) FILTER (WHERE rec.status = $9)::int AS done,
              count(*) FILTER (WHERE rec.status = $10)::int AS dropped,
              count(*) FILTER (WHERE rec.status = ANY ($8::text[]) AND rec.due_on < r.to_date)::int AS overdue
       FROM request r
       JOIN scoped_body sb ON sb.key = r.key
       JOIN recommendation rec ON rec.body_id = sb.id AND rec.issued_on <= r.to_date
       GROUP BY r.key`,
      requests,
      [OPEN_RECOMMENDATIONS, RecommendationStatus.DONE, RecommendationStatus.DROPPED],
    );
  }

  /** Runs `sql` with the requests as $1…$7 (see `SCOPE`) and `extra` as $8… */
  private query<Row>(sql: string, requests: readonly ActivityRequest[], extra: unknown[] = []): Promise<Row[]> {
    const territories = requests.flatMap((request) =>
      request.bodyTerritories.map((code) => [request.key, code] as const),
    );
    return this.db.query(sql, [
      requests.map((request) => request.key),
      requests.map((request) => request.from),
      requests.map((request) => request.to),
      requests.map((request) => request.territoryCode),
      requests.map((request) => request.bodyId),
      territories.map(([key]) => key),
      territories.map(([, code]) => code),
      ...extra,
    ]);
  }
}
