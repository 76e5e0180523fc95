import type { MigrationInterface, QueryRunner } from 'typeorm';

const DIMENSIONS = ['budget', 'health', 'employment', 'housing_skills', 'social_ties', 'administrative_situation'];
const KINDS = `ARRAY['STATE', 'EPCI', 'LANDLORD', 'RESERVATION_HOLDER', 'ASSOCIATION']::text[]`;

/**
 * Social diagnostics and the household's consent (issue 6, DOMAIN.md §4). A diagnostic scores the
 * shared evaluation grid, one column pair per dimension: a score on the 1–4 scale (1 autonomous,
 * 2 occasional difficulty, 3 difficulty needing support, 4 severe difficulty) and an optional
 * comment. Consents are append-only: a row is never deleted, and its only change is the withdrawal
 * date, set once (a trigger refuses anything else).
 */
export class DiagnosticsAndConsent1764300000003 implements MigrationInterface {
  name = 'DiagnosticsAndConsent1764300000003';

  async up(db: QueryRunner): Promise<void> {
    const grid = DIMENSIONS.map(
      (d) => `${d}_score smallint NOT NULL CHECK (${d}_score BETWEEN 1 AND 4),
        ${d}_comment text CHECK (length(${d}_comment) BETWEEN 1 AND 1000),`,
    ).join('\n        ');
    await db.query(`
      CREATE TABLE diagnostic (
        id uuid PRIMARY KEY,
        measure_id uuid NOT NULL REFERENCES measure (id),
        household_id uuid NOT NULL REFERENCES household (id),
        -- The authoring operator (an association) and its qualified social worker.
        operator_id uuid NOT NULL REFERENCES operator (id),
        author_name text NOT NULL CHECK (length(author_name) BETWEEN 1 AND 120),
        author_profession text NOT NULL CHECK (
          author_profession IN ('ASSISTANT_SOCIAL', 'CESF', 'EDUCATEUR_SPECIALISE', 'CONSEILLER_INSERTION')),
        written_on date NOT NULL,
        ${grid}
        conclusion text NOT NULL CHECK (length(conclusion) BETWEEN 1 AND 4000),
        recommended_scheme text NOT NULL REFERENCES scheme (code),
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX diagnostic_measure ON diagnostic (measure_id, written_on DESC, id DESC)`);
    await db.query(`CREATE INDEX diagnostic_household ON diagnostic (household_id, written_on DESC, id DESC)`);

    await db.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY,
        household_id uuid NOT NULL REFERENCES household (id),
        given_on date NOT NULL,
        -- Partner kinds that may read the content of the household's diagnostics while in force.
        scope text[] NOT NULL CHECK (cardinality(scope) >= 1 AND scope <@ ${KINDS}),
        -- Set once; from that day on the consent no longer applies.
        withdrawn_on date CHECK (withdrawn_on >= given_on),
        recorded_by text NOT NULL,
        withdrawal_recorded_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((withdrawn_on IS NULL) = (withdrawal_recorded_by IS NULL))
      )`);
    await db.query(`CREATE INDEX consent_household ON consent (household_id, given_on DESC, id DESC)`);
    await db.query(`
      CREATE FUNCTION consent_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'consent is append-only: rows are never deleted';
        END IF;
        IF OLD.withdrawn_on IS NOT NULL
           OR (to_jsonb(NEW) - 'withdrawn_on' - 'withdrawal_recorded_by') <> (to_jsonb(OLD) - 'withdrawn_on' - 'withdrawal_recorded_by') THEN
          RAISE EXCEPTION 'consent is append-only: only the withdrawal may be recorded, once';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER consent_append_only BEFORE UPDATE OR DELETE ON consent
      FOR EACH ROW EXECUTE FUNCTION consent_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE consent`);
    await db.query(`DROP FUNCTION consent_append_only()`);
    await db.query(`DROP TABLE diagnostic`);
  }
}
