import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEME_CODES = `'AVDL', 'ASLL', 'FSL_ACCESS', 'FSL_MAINTENANCE', 'IML_SUBLETTING', 'IML_MANAGEMENT_MANDATE', 'MOUS', 'CLLAJ', 'UN_CHEZ_SOI_D_ABORD', 'LOGEMENT_ACCOMPAGNE'`;
const SLUG = `'^[a-z0-9]+(-[a-z0-9]+)*$'`;

/** The scheme catalogue, the operators delivering schemes, and the measures prescribed to households. */
export class CreateAccompaniment1764300000000 implements MigrationInterface {
  name = 'CreateAccompaniment1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE scheme (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE CHECK (code IN (${SCHEME_CODES})),
        name text NOT NULL,
        funder text NOT NULL CHECK (funder IN ('FNAVDL', 'FSL', 'STATE_BOP_177', 'ARS', 'LOCAL_AUTHORITY')),
        prescriber_kinds text[] NOT NULL CHECK (
          cardinality(prescriber_kinds) >= 1
          AND prescriber_kinds <@ ARRAY['STATE', 'EPCI', 'LANDLORD', 'RESERVATION_HOLDER', 'ASSOCIATION']
        ),
        typical_duration_months smallint NOT NULL CHECK (typical_duration_months >= 1),
        max_duration_months smallint CHECK (max_duration_months >= typical_duration_months),
        description text NOT NULL
      )`);
    // The `schemes` filters (a dozen rows, but the rule is one index per filter).
    await db.query(`CREATE INDEX scheme_funder ON scheme (funder)`);
    await db.query(`CREATE INDEX scheme_prescriber_kinds ON scheme USING gin (prescriber_kinds)`);

    await db.query(`
      CREATE TABLE operator (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE CHECK (slug ~ ${SLUG}),
        name text NOT NULL,
        scheme_codes text[] NOT NULL CHECK (
          cardinality(scheme_codes) >= 1 AND scheme_codes <@ ARRAY[${SCHEME_CODES}]
        ),
        territories text[] NOT NULL CHECK (cardinality(territories) >= 1),
        annual_capacity integer NOT NULL CHECK (annual_capacity >= 1)
      )`);
    // Keyset pagination by name, and the `operators` filters.
    await db.query(`CREATE INDEX operator_name_order ON operator (name, id)`);
    await db.query(`CREATE INDEX operator_schemes ON operator USING gin (scheme_codes)`);
    await db.query(`CREATE INDEX operator_territories ON operator USING gin (territories)`);

    await db.query(`
      CREATE TABLE measure (
        id uuid PRIMARY KEY,
        scheme_code text NOT NULL REFERENCES scheme (code),
        operator_id uuid NOT NULL REFERENCES operator (id),
        status text NOT NULL CHECK (status IN ('PRESCRIBED', 'DIAGNOSTIC', 'ACTIVE', 'RENEWED', 'CLOSED')),
        prescribed_by text NOT NULL CHECK (prescribed_by ~ ${SLUG}),
        prescribed_on date NOT NULL,
        started_on date,
        planned_end_on date,
        closed_on date,
        closure_motive text CHECK (closure_motive IN ('GOAL_REACHED', 'REHOUSED', 'MOVED_AWAY', 'REFUSED', 'INTERRUPTED')),
        commune text NOT NULL CHECK (commune ~ '^([0-9]{5}|2[AB][0-9]{3})$'),
        qpv text CHECK (qpv ~ '^QN[0-9A-Z]+$'),
        territory_codes text[] NOT NULL CHECK (commune = ANY(territory_codes)),
        -- A demand of the demands subgraph (another database: no foreign key); null for households without one.
        demand_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT measure_closed_has_date CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL)),
        CONSTRAINT measure_closed_has_motive CHECK ((status = 'CLOSED') = (closure_motive IS NOT NULL)),
        CONSTRAINT measure_running_has_started CHECK (
          status NOT IN ('ACTIVE', 'RENEWED') OR (started_on IS NOT NULL AND planned_end_on IS NOT NULL)
        ),
        CONSTRAINT measure_not_started_before_active CHECK (status NOT IN ('PRESCRIBED', 'DIAGNOSTIC') OR started_on IS NULL),
        -- NULL comparisons pass a CHECK: each date is ordered against those that are set.
        CONSTRAINT measure_dates_in_order CHECK (
          started_on >= prescribed_on AND planned_end_on > started_on
          AND closed_on >= prescribed_on AND closed_on >= started_on
        )
      )`);
    // Keyset pagination, newest prescription first, and every `measures` filter.
    await db.query(`CREATE INDEX measure_prescription_order ON measure (prescribed_on DESC, id DESC)`);
    await db.query(`CREATE INDEX measure_scheme ON measure (scheme_code)`);
    await db.query(`CREATE INDEX measure_operator ON measure (operator_id)`);
    await db.query(`CREATE INDEX measure_status ON measure (status)`);
    await db.query(`CREATE INDEX measure_commune ON measure (commune)`);
    // Partner territory access and territory indicators.
    await db.query(`CREATE INDEX measure_territories ON measure USING gin (territory_codes)`);
    // Demand.measures: the newest measures of each demand.
    await db.query(`
      CREATE INDEX measure_demand_timeline ON measure (demand_id, prescribed_on DESC, id DESC)
      WHERE demand_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE measure`);
    await db.query(`DROP TABLE operator`);
    await db.query(`DROP TABLE scheme`);
  }
}
