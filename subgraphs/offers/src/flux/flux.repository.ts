import type { DataSource, EntityManager } from 'typeorm';
import type { ReservationHolderKind } from '../reservation-holder/reservation-holder.enums';
import type { Financing } from '../dwelling/dwelling.enums';
import type { Typology } from '@passerelle/shared/housing';
import { ConstructionPeriod, PERIOD_STARTS } from './annual-report';
import type { FluxAgreementEntity } from './flux-agreement.entity';
import type { VacancyOrigin } from './flux.enums';

/** A parent (landlord or reservation holder) and the year of its agreements. */
export interface AgreementKey {
  id: string;
  year: number;
}

/** An agreement with the communes its territory covers, for the flux counts. */
export interface CoveredAgreement {
  agreement: FluxAgreementEntity;
  communes: readonly string[];
}

/** What the counts statement gives for one agreement. */
export interface AgreementCounts {
  /** The landlord's vacancies of the territory vacated in the year, by origin (origins with none absent). */
  byOrigin: Partial<Record<VacancyOrigin, number>>;
  /** Distinct vacancies of the territory with an ORIENTED step to the holder dated in the year. */
  oriented: number;
  /** Leases signed in the year on the territory, charged to the holder. */
  achieved: number;
}

/** One grouped line of the annual report, as SQL counts it. */
export interface AnnualReportSqlRow {
  reservationHolderId: string;
  reservationHolderName: string;
  reservationHolderSlug: string;
  typology: Typology;
  financing: Financing;
  inQpv: boolean;
  commune: string;
  constructionPeriod: ConstructionPeriod;
  dwellingsOriented: number;
  attributions: number;
}

const AGREEMENT_COLUMNS = `fa.id, fa.landlord_id AS "landlordId", fa.reservation_holder_id AS "reservationHolderId",
  fa.territory, fa.year::int AS year, fa.share_basis_points AS "shareBasisPoints", fa.signed_on::text AS "signedOn",
  fa.recorded_by AS "recordedBy"`;

/**
 * The construction period of `column` (a construction year) in SQL, so that the annual report is
 * grouped in the statement: built from the same boundaries as `constructionPeriod()`.
 */
const periodOf = (column: string) =>
  `CASE ${PERIOD_STARTS.map(([start, period]) => `WHEN ${column} >= ${start} THEN '${period}'`).join(' ')}
    ELSE '${ConstructionPeriod.BEFORE_1949}' END`;

/** `column` (a date) falls in calendar year `year` (an int expression): a range, so the date indexes serve. */
const inYear = (column: string, year: string) =>
  `${column} >= make_date(${year}, 1, 1) AND ${column} < make_date(${year} + 1, 1, 1)`;

/** SQL of flux management: agreements, the annual flux counts, the annual report. */
export class FluxRepository {
  constructor(private readonly db: DataSource) {}

  /** The agreements of each (landlord, year), in one statement: by territory, then holder name. */
  agreementsOfLandlords(keys: readonly AgreementKey[]): Promise<FluxAgreementEntity[]> {
    return this.db.query(
      `SELECT ${AGREEMENT_COLUMNS}
       FROM unnest($1::uuid[], $2::int[]) AS k(id, year)
       JOIN flux_agreement fa ON fa.landlord_id = k.id AND fa.year = k.year
       JOIN reservation_holder rh ON rh.id = fa.reservation_holder_id
       ORDER BY fa.territory, rh.name, fa.id`,
      [keys.map((key) => key.id), keys.map((key) => key.year)],
    );
  }

  /** The agreements of each (reservation holder, year), in one statement: by landlord name, then territory. */
  agreementsOfHolders(keys: readonly AgreementKey[]): Promise<FluxAgreementEntity[]> {
    return this.db.query(
      `SELECT ${AGREEMENT_COLUMNS}
       FROM unnest($1::uuid[], $2::int[]) AS k(id, year)
       JOIN flux_agreement fa ON fa.reservation_holder_id = k.id AND fa.year = k.year
       JOIN landlord l ON l.id = fa.landlord_id
       ORDER BY l.name, fa.territory, fa.id`,
      [keys.map((key) => key.id), keys.map((key) => key.year)],
    );
  }

  /**
   * For any number of agreements, in ONE statement: the landlord's vacancies vacated in the year on
   * the agreement's territory by origin (the annual flux, shared by the agreements of one landlord ×
   * territory × year), the vacancies oriented to the holder and the leases charged to it.
   */
  async countsFor(agreements: readonly CoveredAgreement[]): Promise<Map<string, AgreementCounts>> {
    const rows: {
      id: string;
      by_origin: Partial<Record<VacancyOrigin, number>>;
      oriented: number;
      achieved: number;
    }[] = await this.db.query(
      `WITH agreement AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS a(id uuid, landlord_id uuid, reservation_holder_id uuid, territory text, year int, communes text[])
         ),
         line AS (SELECT DISTINCT landlord_id, territory, year, communes FROM agreement),
         by_origin AS (
           SELECT l.landlord_id, l.territory, l.year, v.origin, count(*)::int AS n
           FROM line l
           JOIN dwelling d ON d.landlord_id = l.landlord_id AND d.commune = ANY(l.communes)
           JOIN vacancy v ON v.dwelling_id = d.id
           WHERE ${inYear('v.vacated_on', 'l.year')}
           GROUP BY l.landlord_id, l.territory, l.year, v.origin
         ),
         flux AS (
           SELECT landlord_id, territory, year, jsonb_object_agg(origin, n) AS by_origin
           FROM by_origin GROUP BY landlord_id, territory, year
         ),
         oriented AS (
           SELECT a.id, count(DISTINCT v.id)::int AS n
           FROM agreement a
           JOIN dwelling d ON d.landlord_id = a.landlord_id AND d.commune = ANY(a.communes)
           JOIN vacancy v ON v.dwelling_id = d.id
           JOIN vacancy_transition t ON t.vacancy_id = v.id
           WHERE t.status = 'ORIENTED' AND t.reservation_holder_id = a.reservation_holder_id
             AND ${inYear('t.occurred_on', 'a.year')}
           GROUP BY a.id
         ),
         achieved AS (
           SELECT a.id, count(*)::int AS n
           FROM agreement a
           JOIN attribution x ON x.landlord_id = a.landlord_id AND x.reservation_holder_id = a.reservation_holder_id
           WHERE x.commune = ANY(a.communes) AND ${inYear('x.lease_signed_on', 'a.year')}
           GROUP BY a.id
         )
         SELECT a.id, COALESCE(f.by_origin, '{}'::jsonb) AS by_origin,
           COALESCE(o.n, 0) AS oriented, COALESCE(x.n, 0) AS achieved
         FROM agreement a
         LEFT JOIN flux f ON f.landlord_id = a.landlord_id AND f.territory = a.territory AND f.year = a.year
         LEFT JOIN oriented o ON o.id = a.id
         LEFT JOIN achieved x ON x.id = a.id`,
      [
        JSON.stringify(
          agreements.map(({ agreement, communes }) => ({
            id: agreement.id,
            landlord_id: agreement.landlordId,
            reservation_holder_id: agreement.reservationHolderId,
            territory: agreement.territory,
            year: agreement.year,
            communes,
          })),
        ),
      ],
    );
    return new Map(
      rows.map((row) => [row.id, { byOrigin: row.by_origin, oriented: row.oriented, achieved: row.achieved }]),
    );
  }

  /**
   * The annual report's lines for one landlord and year, grouped in one statement: vacancies of its
   * dwellings oriented to each holder during the year (by the dwelling's current features) and leases
   * signed during the year (by the features recorded at signature), side by side.
   *
   * @param holderId Only this holder's lines, when given.
   * @param holderSlug Only the lines of the holder with this slug, when given (a holder reads its own).
   */
  annualReport(input: {
    landlordId: string;
    year: number;
    holderId: string | null;
    holderSlug: string | null;
  }): Promise<AnnualReportSqlRow[]> {
    const holderCondition = (column: string) =>
      `($3::uuid IS NULL OR ${column} = $3) AND ($4::text IS NULL OR ${column} = (SELECT id FROM reservation_holder WHERE slug = $4))`;
    return this.db.query(
      `WITH oriented AS (
         SELECT t.reservation_holder_id AS holder_id, d.typology, d.financing, d.qpv IS NOT NULL AS in_qpv, d.commune,
           ${periodOf('d.construction_year')} AS period, count(DISTINCT v.id)::int AS n
         FROM dwelling d
         JOIN vacancy v ON v.dwelling_id = d.id
         JOIN vacancy_transition t ON t.vacancy_id = v.id
         WHERE d.landlord_id = $1 AND t.status = 'ORIENTED' AND ${inYear('t.occurred_on', '$2::int')}
           AND ${holderCondition('t.reservation_holder_id')}
         GROUP BY 1, 2, 3, 4, 5, 6
       ),
       attributed AS (
         SELECT a.reservation_holder_id AS holder_id, a.typology, a.financing, a.in_qpv, a.commune,
           ${periodOf('a.construction_year')} AS period, count(*)::int AS n
         FROM attribution a
         WHERE a.landlord_id = $1 AND ${inYear('a.lease_signed_on', '$2::int')}
           AND ${holderCondition('a.reservation_holder_id')}
         GROUP BY 1, 2, 3, 4, 5, 6
       )
       -- FULL JOIN … USING merges the grouping columns: a line may have orientations, leases or both.
       SELECT rh.id AS "reservationHolderId", rh.name AS "reservationHolderName", rh.slug AS "reservationHolderSlug",
         typology, financing, in_qpv AS "inQpv", commune, period AS "constructionPeriod",
         COALESCE(o.n, 0) AS "dwellingsOriented", COALESCE(x.n, 0) AS attributions
       FROM oriented o
       FULL JOIN attributed x USING (holder_id, typology, financing, in_qpv, commune, period)
       JOIN reservation_holder rh ON rh.id = holder_id
       ORDER BY rh.name COLLATE "C", rh.slug, typology, financing, in_qpv, commune, period`,
      [input.landlordId, input.year, input.holderId, input.holderSlug],
    );
  }

  /** The landlord partner's row, by its slug (null when the partner is no landlord of the hub). */
  async landlordBySlug(tx: EntityManager, slug: string): Promise<{ id: string } | null> {
    const [row] = await tx.query(`SELECT id FROM landlord WHERE slug = $1`, [slug]);
    return row ?? null;
  }

  async holderById(tx: EntityManager, id: string): Promise<{ id: string; kind: ReservationHolderKind } | null> {
    const [row] = await tx.query(`SELECT id, kind FROM reservation_holder WHERE id = $1`, [id]);
    return row ?? null;
  }

  /**
   * Locks the agreements of one landlord × territory × year until the end of `tx`, and returns them.
   * The advisory lock also covers the case where there is none yet (FOR UPDATE locks only existing
   * rows): two concurrent first agreements on a territory are serialized too.
   */
  async lockAgreements(
    tx: EntityManager,
    key: { landlordId: string; year: number },
  ): Promise<{ reservationHolderId: string; territory: string; shareBasisPoints: number }[]> {
    // One lock per landlord and year: agreements on overlapping territories (a département, its
    // EPCIs, their communes) are checked together, so two concurrent writes cannot both pass.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `flux_agreement|${key.landlordId}|${key.year}`,
    ]);
    return tx.query(
      `SELECT reservation_holder_id AS "reservationHolderId", territory, share_basis_points AS "shareBasisPoints"
       FROM flux_agreement WHERE landlord_id = $1 AND year = $2
       FOR UPDATE`,
      [key.landlordId, key.year],
    );
  }

  /** Creates the agreement, or replaces the share and signature of the one with the same key. */
  async upsert(tx: EntityManager, row: FluxAgreementEntity): Promise<FluxAgreementEntity> {
    const [saved] = await tx.query(
      `INSERT INTO flux_agreement AS fa
         (id, landlord_id, reservation_holder_id, territory, year, share_basis_points, signed_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ON CONSTRAINT flux_agreement_once DO UPDATE
         SET share_basis_points = EXCLUDED.share_basis_points, signed_on = EXCLUDED.signed_on,
           recorded_by = EXCLUDED.recorded_by
       RETURNING ${AGREEMENT_COLUMNS}`,
      [
        row.id,
        row.landlordId,
        row.reservationHolderId,
        row.territory,
        row.year,
        row.shareBasisPoints,
        row.signedOn,
        row.recordedBy,
      ],
    );
    return saved;
  }
}
