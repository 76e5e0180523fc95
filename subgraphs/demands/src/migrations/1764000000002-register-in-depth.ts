import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register in depth (issue 4): the full CERFA 14069 content, the lifecycle's dates, the
 * optimistic version, NIR-keyed de-duplication, idempotent event recording, and the stored
 * due dates that make every alert an index range scan.
 */
export class RegisterInDepth1764000000002 implements MigrationInterface {
  name = 'RegisterInDepth1764000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE demand
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN registered_by text,
        ADD COLUMN persons jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN family_situation text CHECK (family_situation IN ('SINGLE', 'MARRIED', 'CIVIL_PARTNERSHIP', 'COHABITING', 'SEPARATED', 'DIVORCED', 'WIDOWED')),
        ADD COLUMN contact jsonb,
        ADD COLUMN motives text[] NOT NULL DEFAULT '{}',
        ADD COLUMN disability_adaptations text[] NOT NULL DEFAULT '{}',
        ADD COLUMN disability_detail text,
        ADD COLUMN assisted_by jsonb,
        ADD COLUMN assisting_partner text,
        ADD COLUMN employer_siret text CHECK (employer_siret ~ '^[0-9]{14}$'),
        ADD COLUMN transfer_difficulties text[] NOT NULL DEFAULT '{}',
        ADD COLUMN priorities jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN dalo_offer_deadline date,
        ADD COLUMN radiated_on date,
        ADD COLUMN answer_requested_on date,
        ADD COLUMN renewal_notice_for date,
        ADD COLUMN last_designated_on date,
        ADD COLUMN designation_alert_on date,
        ADD COLUMN dal_date date,
        ADD COLUMN suspected_duplicate boolean NOT NULL DEFAULT false,
        ADD COLUMN purged_on date`);

    // Carry the foundation's rows over: the applicant becomes the first person, the registering
    // desk and the radiation date come from the timeline.
    await db.query(`
      UPDATE demand d SET
        persons = jsonb_build_array(jsonb_build_object(
          'role', 'APPLICANT', 'givenName', d.applicant_given_name, 'familyName', d.applicant_family_name,
          'birthDate', d.applicant_birth_date, 'annualTaxableIncome', d.annual_taxable_income,
          'monthlyIncome', d.monthly_income)),
        registered_by = coalesce(
          (SELECT e.recorded_by FROM demand_event e WHERE e.demand_id = d.id AND e.type = 'REGISTERED' ORDER BY e.occurred_at LIMIT 1),
          'unknown'),
        radiated_on = CASE WHEN d.status = 'RADIATED' THEN coalesce(
          (SELECT (e.occurred_at AT TIME ZONE 'Europe/Paris')::date FROM demand_event e
            WHERE e.demand_id = d.id AND e.type = 'RADIATED' ORDER BY e.occurred_at DESC LIMIT 1),
          d.valid_until) END`);
    await db.query(`
      ALTER TABLE demand
        ALTER COLUMN registered_by SET NOT NULL,
        ALTER COLUMN nur DROP NOT NULL,
        DROP COLUMN applicant_given_name,
        DROP COLUMN applicant_family_name,
        DROP COLUMN applicant_birth_date,
        ADD CONSTRAINT demand_radiated_has_date CHECK ((status = 'RADIATED') = (radiated_on IS NOT NULL)),
        ADD CONSTRAINT demand_transfer_difficulties_only_for_transfers CHECK (kind = 'TRANSFER' OR cardinality(transfer_difficulties) = 0),
        ADD CONSTRAINT demand_purged_only_when_radiated CHECK (purged_on IS NULL OR status = 'RADIATED'),
        ADD CONSTRAINT demand_nur_kept_until_purge CHECK ((nur IS NULL) = (purged_on IS NOT NULL))`);

    // One partial index per alert: each alert is a range scan in due order on active demands.
    await db.query(`CREATE INDEX demand_renewal_due ON demand (valid_until, id) WHERE status = 'ACTIVE'`);
    await db.query(
      `CREATE INDEX demand_designation_alert ON demand (designation_alert_on, id) WHERE status = 'ACTIVE' AND designation_alert_on IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX demand_dal_alert ON demand (dal_date, id) WHERE status = 'ACTIVE' AND dal_date IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX demand_dalo_alert ON demand (dalo_offer_deadline, id) WHERE status = 'ACTIVE' AND dalo_offer_deadline IS NOT NULL`,
    );
    // The scheduled job: non-renewal and no-answer radiations, and the retention purge.
    await db.query(
      `CREATE INDEX demand_answer_requested ON demand (answer_requested_on) WHERE status = 'ACTIVE' AND answer_requested_on IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX demand_retention ON demand (radiated_on) WHERE status = 'RADIATED' AND purged_on IS NULL`,
    );
    // The remaining list filters (the foundation indexed communes, priorities and status).
    await db.query(`CREATE INDEX demand_wished_typologies ON demand USING gin (wished_typologies)`);
    await db.query(`CREATE INDEX demand_transfer_difficulties ON demand USING gin (transfer_difficulties)`);
    // The registration service's duplicate list, and associations reading the demands they assist.
    await db.query(
      `CREATE INDEX demand_suspected_duplicates ON demand (filing_date DESC, id DESC) WHERE suspected_duplicate`,
    );
    await db.query(
      `CREATE INDEX demand_assisting_partner ON demand (assisting_partner, filing_date DESC, id DESC) WHERE assisting_partner IS NOT NULL`,
    );

    // De-duplication: a keyed hash (HMAC-SHA-256) of each adult's NIR; the NIR itself is never stored.
    await db.query(`
      CREATE TABLE demand_nir (
        nir_hash bytea NOT NULL,
        demand_id uuid NOT NULL REFERENCES demand (id),
        PRIMARY KEY (nir_hash, demand_id)
      )`);
    await db.query(`CREATE INDEX demand_nir_demand ON demand_nir (demand_id)`);

    // NUR sequences: one counter per département and month of filing (see nur.ts for the format).
    await db.query(`
      CREATE TABLE nur_sequence (
        departement text NOT NULL,
        year_month text NOT NULL CHECK (year_month ~ '^[0-9]{4}$'),
        last integer NOT NULL CHECK (last BETWEEN 1 AND 999999),
        PRIMARY KEY (departement, year_month)
      )`);
    await db.query(`
      INSERT INTO nur_sequence (departement, year_month, last)
      SELECT departement, split_part(nur, '-', 2), max(split_part(nur, '-', 3)::int)
        FROM demand WHERE nur ~ '^[0-9A-Z]{2,3}-[0-9]{4}-[0-9]{6}$'
       GROUP BY 1, 2`);

    // Per-territory settings of the alerts and delays; the most specific territory wins.
    await db.query(`
      CREATE TABLE territory_setting (
        territory_code text PRIMARY KEY,
        precedence smallint NOT NULL CHECK (precedence BETWEEN 1 AND 4),
        no_designation_months smallint CHECK (no_designation_months BETWEEN 1 AND 60),
        dalo_offer_months smallint CHECK (dalo_offer_months BETWEEN 1 AND 12),
        source text NOT NULL
      )`);

    // Events: who recorded them (the person, for accountability), the client's idempotency key,
    // and the CAL decision's outcome, which the ineligibility radiation rule reads.
    await db.query(`
      ALTER TABLE demand_event
        ADD COLUMN recorded_by_person text,
        ADD COLUMN idempotency_key text,
        ADD COLUMN request_fingerprint text,
        ADD COLUMN cal_decision text CHECK (cal_decision IN ('ATTRIBUTION', 'ATTRIBUTION_RANKED', 'ATTRIBUTION_CONDITIONAL', 'NON_ATTRIBUTION', 'INELIGIBLE')),
        ADD COLUMN ineligibility_ground text CHECK (ineligibility_ground IN ('RESOURCES_OVER_CEILING', 'IRREGULAR_STAY')),
        ADD CONSTRAINT demand_event_idempotent UNIQUE (recorded_by, idempotency_key),
        ADD CONSTRAINT demand_event_cal_decision_only_on_decisions CHECK (cal_decision IS NULL OR type = 'CAL_DECISION'),
        ADD CONSTRAINT demand_event_ground_only_on_ineligibility CHECK (ineligibility_ground IS NULL OR cal_decision = 'INELIGIBLE')`);
    // The timeline stays append-only. The one exception is the legal retention purge, which
    // erases free text from the events of purged demands: it must say so in its transaction.
    await db.query(`
      CREATE OR REPLACE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('passerelle.retention_purge', true) = 'on' THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'table % is append-only: record a new event instead', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
  }

  down(): Promise<void> {
    // Persons, contacts and hashed NIRs have no place in the earlier schema: reverting would lose them.
    return Promise.reject(new Error('RegisterInDepth1764000000002 cannot be reverted without losing register data.'));
  }
}
