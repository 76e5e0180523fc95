import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The demand register and its append-only event timeline. */
export class CreateDemandRegister1764000000000 implements MigrationInterface {
  name = 'CreateDemandRegister1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE demand (
        id uuid PRIMARY KEY,
        nur text NOT NULL,
        departement text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'RADIATED')),
        radiation_motive text CHECK (radiation_motive IN ('NON_RENEWAL', 'LEASE_SIGNED', 'RENUNCIATION', 'INELIGIBILITY', 'NO_ANSWER')),
        kind text NOT NULL CHECK (kind IN ('FIRST_ACCESS', 'TRANSFER')),
        filing_date date NOT NULL,
        valid_until date NOT NULL,
        applicant_given_name text NOT NULL,
        applicant_family_name text NOT NULL,
        applicant_birth_date date NOT NULL,
        adults smallint NOT NULL CHECK (adults >= 1),
        children smallint NOT NULL CHECK (children >= 0),
        single_parent boolean NOT NULL,
        annual_taxable_income integer CHECK (annual_taxable_income >= 0),
        monthly_income integer CHECK (monthly_income >= 0),
        wished_communes text[] NOT NULL CHECK (cardinality(wished_communes) >= 1),
        wished_typologies text[] NOT NULL CHECK (cardinality(wished_typologies) >= 1),
        current_housing text NOT NULL,
        current_landlord_siren text CHECK (current_landlord_siren ~ '^[0-9]{9}$'),
        priority_labels text[] NOT NULL DEFAULT '{}',
        territory_codes text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT demand_nur_unique_in_departement UNIQUE (departement, nur),
        CONSTRAINT demand_radiated_has_motive CHECK ((status = 'RADIATED') = (radiation_motive IS NOT NULL)),
        CONSTRAINT demand_transfer_has_landlord CHECK ((kind = 'TRANSFER') = (current_landlord_siren IS NOT NULL))
      )`);
    // Keyset pagination, newest filing first.
    await db.query(`CREATE INDEX demand_filing_order ON demand (filing_date DESC, id DESC)`);
    // Partner territory filter and the list filters.
    await db.query(`CREATE INDEX demand_territories ON demand USING gin (territory_codes)`);
    await db.query(`CREATE INDEX demand_wished_communes ON demand USING gin (wished_communes)`);
    await db.query(`CREATE INDEX demand_priority_labels ON demand USING gin (priority_labels)`);
    await db.query(`CREATE INDEX demand_status ON demand (status)`);

    await db.query(`
      CREATE TABLE demand_event (
        id uuid PRIMARY KEY,
        demand_id uuid NOT NULL REFERENCES demand (id),
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_by text NOT NULL,
        detail text
      )`);
    await db.query(`CREATE INDEX demand_event_timeline ON demand_event (demand_id, occurred_at DESC, id DESC)`);
    // CCH R441-2-15 asks for a dated history: corrections are new events, never edits.
    await db.query(`
      CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'table % is append-only: record a new event instead', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER demand_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON demand_event
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE demand_event`);
    await db.query(`DROP FUNCTION refuse_history_change()`);
    await db.query(`DROP TABLE demand`);
  }
}
