import type { MigrationInterface, QueryRunner } from 'typeorm';

const COMMUNE = `'^([0-9]{5}|2[AB][0-9]{3})$'`;
const RUNNING = `('ACTIVE', 'RENEWED', 'SUSPENDED')`;

/**
 * Measures in depth (issue 6): a minimal household record owned here, and what the measure's
 * state machine needs (version, funding source, referent, renewals, suspension, cancellation).
 * Existing measures are linked to a household: one per distinct demand, one per measure without
 * a demand.
 */
export class MeasuresInDepth1764300000002 implements MigrationInterface {
  name = 'MeasuresInDepth1764300000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE household (
        id uuid PRIMARY KEY,
        -- The operator's own label for the household (e.g. "Famille D., Roubaix"); never a NIR.
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
        -- Null for households recorded before the composition was asked (backfilled rows).
        adults smallint CHECK (adults BETWEEN 1 AND 20),
        children smallint CHECK (children BETWEEN 0 AND 30),
        commune text NOT NULL CHECK (commune ~ ${COMMUNE}),
        qpv text CHECK (qpv ~ '^QN[0-9A-Z]+$'),
        -- A demand of the demands subgraph (another database: no foreign key); many households have none yet.
        demand_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX household_demand ON household (demand_id) WHERE demand_id IS NOT NULL`);

    await db.query(`ALTER TABLE measure ADD COLUMN household_id uuid REFERENCES household (id)`);
    // Backfill: one household per distinct demand (commune and QPV of its latest measure) …
    await db.query(`
      INSERT INTO household (id, label, commune, qpv, demand_id)
      SELECT DISTINCT ON (demand_id) gen_random_uuid(), 'Household of demand ' || left(demand_id::text, 8), commune, qpv, demand_id
      FROM measure WHERE demand_id IS NOT NULL
      ORDER BY demand_id, prescribed_on DESC, id DESC`);
    await db.query(`UPDATE measure m SET household_id = h.id FROM household h WHERE h.demand_id = m.demand_id`);
    // … and one per measure without a demand (the household id is derived from the measure's).
    await db.query(`
      INSERT INTO household (id, label, commune, qpv)
      SELECT md5('household:' || id::text)::uuid, 'Household of measure ' || left(id::text, 8), commune, qpv
      FROM measure WHERE demand_id IS NULL`);
    await db.query(`
      UPDATE measure SET household_id = md5('household:' || id::text)::uuid WHERE demand_id IS NULL`);
    await db.query(`ALTER TABLE measure ALTER COLUMN household_id SET NOT NULL`);

    await db.query(`
      ALTER TABLE measure
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN funding_source text CHECK (funding_source IN ('FNAVDL', 'FSL', 'STATE_BOP_177', 'ARS', 'LOCAL_AUTHORITY')),
        ADD COLUMN referent text CHECK (length(referent) BETWEEN 1 AND 120),
        ADD COLUMN diagnostic_on date,
        ADD COLUMN renewal_count smallint NOT NULL DEFAULT 0 CHECK (renewal_count >= 0),
        ADD COLUMN renewed_on date,
        ADD COLUMN suspended_on date,
        ADD COLUMN suspended_from text CHECK (suspended_from IN ('ACTIVE', 'RENEWED')),
        ADD COLUMN cancelled_on date,
        ADD COLUMN cancellation_reason text CHECK (length(cancellation_reason) BETWEEN 1 AND 500)`);
    await db.query(`UPDATE measure m SET funding_source = s.funder FROM scheme s WHERE s.code = m.scheme_code`);
    await db.query(`UPDATE measure SET renewal_count = 1 WHERE status = 'RENEWED'`);
    await db.query(`ALTER TABLE measure ALTER COLUMN funding_source SET NOT NULL`);

    await db.query(`ALTER TABLE measure DROP CONSTRAINT measure_status_check`);
    await db.query(`
      ALTER TABLE measure ADD CONSTRAINT measure_status_check CHECK (
        status IN ('PRESCRIBED', 'DIAGNOSTIC', 'ACTIVE', 'RENEWED', 'SUSPENDED', 'CLOSED', 'CANCELLED'))`);
    await db.query(`ALTER TABLE measure DROP CONSTRAINT measure_running_has_started`);
    await db.query(`
      ALTER TABLE measure ADD CONSTRAINT measure_running_has_started CHECK (
        status NOT IN ${RUNNING} OR (started_on IS NOT NULL AND planned_end_on IS NOT NULL))`);
    await db.query(`ALTER TABLE measure DROP CONSTRAINT measure_not_started_before_active`);
    await db.query(`
      ALTER TABLE measure ADD CONSTRAINT measure_not_started_before_active CHECK (
        status NOT IN ('PRESCRIBED', 'DIAGNOSTIC', 'CANCELLED') OR started_on IS NULL)`);
    await db.query(`
      ALTER TABLE measure
        ADD CONSTRAINT measure_suspended_has_date CHECK (
          (status = 'SUSPENDED') = (suspended_on IS NOT NULL AND suspended_from IS NOT NULL)),
        ADD CONSTRAINT measure_cancelled_has_reason CHECK (
          (status = 'CANCELLED') = (cancelled_on IS NOT NULL AND cancellation_reason IS NOT NULL)),
        ADD CONSTRAINT measure_renewed_counted CHECK (status <> 'RENEWED' OR renewal_count >= 1),
        ADD CONSTRAINT measure_steps_in_order CHECK (
          diagnostic_on >= prescribed_on AND started_on >= diagnostic_on AND suspended_on >= started_on
          AND cancelled_on >= prescribed_on AND renewed_on >= started_on)`);

    await db.query(`CREATE INDEX measure_household ON measure (household_id)`);
    // The waiting list: prescribed measures not started, oldest prescription first, by scheme and territory.
    await db.query(`
      CREATE INDEX measure_waiting_by_scheme ON measure (scheme_code, prescribed_on, id)
      WHERE status IN ('PRESCRIBED', 'DIAGNOSTIC')`);
    await db.query(`
      CREATE INDEX measure_waiting_order ON measure (prescribed_on, id) WHERE status IN ('PRESCRIBED', 'DIAGNOSTIC')`);
    await db.query(`
      CREATE INDEX measure_waiting_territories ON measure USING gin (territory_codes)
      WHERE status IN ('PRESCRIBED', 'DIAGNOSTIC')`);
    // Alerts: planned ends (ENDING_SOON), start dates (OVER_12_MONTHS), prescriptions without diagnostic.
    await db.query(`CREATE INDEX measure_alert_planned_end ON measure (planned_end_on, id) WHERE status IN ${RUNNING}`);
    await db.query(`CREATE INDEX measure_alert_started ON measure (started_on, id) WHERE status IN ${RUNNING}`);
    await db.query(`
      CREATE INDEX measure_alert_no_diagnostic ON measure (prescribed_on, id) WHERE status = 'PRESCRIBED'`);
    // Capacity: an operator's running measures and its starts of the year.
    await db.query(`CREATE INDEX measure_operator_started ON measure (operator_id, started_on)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of [
      'measure_operator_started',
      'measure_alert_no_diagnostic',
      'measure_alert_started',
      'measure_alert_planned_end',
      'measure_waiting_territories',
      'measure_waiting_order',
      'measure_waiting_by_scheme',
      'measure_household',
    ]) {
      await db.query(`DROP INDEX ${index}`);
    }
    await db.query(`
      ALTER TABLE measure
        DROP CONSTRAINT measure_steps_in_order,
        DROP CONSTRAINT measure_renewed_counted,
        DROP CONSTRAINT measure_cancelled_has_reason,
        DROP CONSTRAINT measure_suspended_has_date,
        DROP CONSTRAINT measure_not_started_before_active,
        DROP CONSTRAINT measure_running_has_started,
        DROP CONSTRAINT measure_status_check`);
    // Suspended and cancelled measures have no place in the older schema.
    await db.query(`UPDATE measure SET status = suspended_from WHERE status = 'SUSPENDED'`);
    await db.query(`DELETE FROM measure WHERE status = 'CANCELLED'`);
    await db.query(`
      ALTER TABLE measure
        ADD CONSTRAINT measure_status_check CHECK (status IN ('PRESCRIBED', 'DIAGNOSTIC', 'ACTIVE', 'RENEWED', 'CLOSED')),
        ADD CONSTRAINT measure_running_has_started CHECK (
          status NOT IN ('ACTIVE', 'RENEWED') OR (started_on IS NOT NULL AND planned_end_on IS NOT NULL)),
        ADD CONSTRAINT measure_not_started_before_active CHECK (status NOT IN ('PRESCRIBED', 'DIAGNOSTIC') OR started_on IS NULL)`);
    await db.query(`
      ALTER TABLE measure
        DROP COLUMN cancellation_reason, DROP COLUMN cancelled_on, DROP COLUMN suspended_from,
        DROP COLUMN suspended_on, DROP COLUMN renewed_on, DROP COLUMN renewal_count, DROP COLUMN diagnostic_on,
        DROP COLUMN referent, DROP COLUMN funding_source, DROP COLUMN version, DROP COLUMN household_id`);
    await db.query(`DROP TABLE household`);
  }
}
