import type { CalendarDate } from '@passerelle/shared/dates';
import type { EntityManager } from 'typeorm';

/**
 * The stored due dates every alert reads, derived in SQL from reference data that may change
 * (DAL thresholds, territory settings) — so one statement serves a write (a few ids) and the
 * scheduled job (every active demand), and only rows whose dates change are written.
 *
 * - `dal_date` = filing date + the DAL (CCH L441-1-4) in force on `asOf` for the département and
 *   the smallest wished typology, a typology-specific row winning over the general one;
 * - `designation_alert_on` = the latest designation (or the filing date) + N months, N being the
 *   setting of the most specific territory of the demand that has one, else 6.
 * PostgreSQL adds months as `addMonths` does (31 January + 1 month = 28/29 February).
 */
export const DEFAULT_NO_DESIGNATION_MONTHS = 6;

export async function refreshDerivedDates(
  tx: EntityManager,
  asOf: CalendarDate,
  ids?: readonly string[],
): Promise<number> {
  const [, changed] = (await tx.query(
    `UPDATE demand d SET dal_date = x.dal_date, designation_alert_on = x.designation_alert_on
       FROM (
         SELECT c.id,
                (c.filing_date + make_interval(months => dal.months))::date AS dal_date,
                (coalesce(c.last_designated_on, c.filing_date)
                  + make_interval(months => coalesce(setting.months, $2::int)))::date AS designation_alert_on
           FROM demand c
           LEFT JOIN LATERAL (
             SELECT t.months FROM dal_threshold t
              WHERE t.departement = c.departement AND t.valid_from <= $1::date
                AND (t.typology IS NULL OR t.typology = (SELECT min(w) FROM unnest(c.wished_typologies) w))
              ORDER BY t.typology IS NULL, t.valid_from DESC LIMIT 1
           ) dal ON true
           LEFT JOIN LATERAL (
             SELECT s.no_designation_months AS months FROM territory_setting s
              WHERE s.territory_code = ANY (c.territory_codes) AND s.no_designation_months IS NOT NULL
              ORDER BY s.precedence LIMIT 1
           ) setting ON true
          WHERE c.status = 'ACTIVE' ${ids ? 'AND c.id = ANY ($3::uuid[])' : ''}
       ) x
      WHERE d.id = x.id
        AND (d.dal_date, d.designation_alert_on) IS DISTINCT FROM (x.dal_date, x.designation_alert_on)`,
    ids ? [asOf, DEFAULT_NO_DESIGNATION_MONTHS, ids] : [asOf, DEFAULT_NO_DESIGNATION_MONTHS],
  )) as [unknown, number];
  return changed;
}

/**
 * Sets `suspected_duplicate` on every demand sharing an adult's NIR hash with another active
 * demand of the same département, and clears it where that is no longer so. Restricted to `ids` and the demands sharing
 * a hash with them on a write; over the whole register in the scheduled job.
 */
export async function flagSuspectedDuplicates(tx: EntityManager, ids?: readonly string[]): Promise<number> {
  // Two scopes, two statements: a NULL-means-all parameter would leave the planner one generic plan for both.
  const scope = ids
    ? `SELECT n2.demand_id AS id FROM demand_nir n1 JOIN demand_nir n2 USING (nir_hash) WHERE n1.demand_id = ANY ($1::uuid[])
       UNION SELECT unnest($1::uuid[])`
    : `SELECT demand_id AS id FROM demand_nir
        WHERE nir_hash IN (SELECT nir_hash FROM demand_nir GROUP BY nir_hash HAVING count(*) > 1)
       UNION SELECT id FROM demand WHERE suspected_duplicate`;
  const [, changed] = (await tx.query(
    `WITH scope AS (${scope}), flagged AS (
       SELECT s.id, EXISTS (
         SELECT 1 FROM demand_nir mine
           JOIN demand_nir other ON other.nir_hash = mine.nir_hash AND other.demand_id <> mine.demand_id
           JOIN demand o ON o.id = other.demand_id AND o.status = 'ACTIVE'
           -- One demand per département is the law (the NUR is departmental): compare within one.
           JOIN demand me ON me.id = mine.demand_id AND me.departement = o.departement
          WHERE mine.demand_id = s.id) AS suspected
         FROM scope s
     )
     UPDATE demand d SET suspected_duplicate = f.suspected
       FROM flagged f
      WHERE d.id = f.id AND d.suspected_duplicate IS DISTINCT FROM f.suspected`,
    ids ? [ids] : [],
  )) as [unknown, number];
  return changed;
}
