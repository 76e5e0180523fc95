import type { MigrationInterface, QueryRunner } from 'typeorm';

const PARTNER_KINDS = `'STATE', 'EPCI', 'LANDLORD', 'RESERVATION_HOLDER', 'ASSOCIATION', 'ANALYST', 'AUDITOR'`;
const BODY_KINDS = `'CIL', 'COORDINATION', 'CAL', 'CTT', 'CRIB', 'URBAN_RENEWAL_GROUP', 'SETTLEMENT_MONITORING_GROUP', 'DALO_COMMISSION', 'CCAPEX', 'SIAO_COMMISSION'`;
const DECISION_TYPES = `'ATTRIBUTION', 'ATTRIBUTION_RANKED', 'ATTRIBUTION_CONDITIONAL', 'NON_ATTRIBUTION', 'INELIGIBLE'`;

/** Partners, bodies with their members, meetings, and the append-only CAL decisions. */
export class CreateGovernance1764100000000 implements MigrationInterface {
  name = 'CreateGovernance1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partner (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        kind text NOT NULL CHECK (kind IN (${PARTNER_KINDS})),
        name text NOT NULL CHECK (name <> ''),
        territory_codes text[] NOT NULL
      )`);
    // List order (name, id) and the list filters.
    await db.query(`CREATE INDEX partner_list_order ON partner (name, id)`);
    await db.query(`CREATE INDEX partner_kind ON partner (kind)`);
    await db.query(`CREATE INDEX partner_territories ON partner USING gin (territory_codes)`);

    await db.query(`
      CREATE TABLE body (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN (${BODY_KINDS})),
        name text NOT NULL CHECK (name <> ''),
        territory_code text NOT NULL,
        landlord_partner_id uuid REFERENCES partner (id),
        CONSTRAINT body_cal_has_landlord CHECK ((kind = 'CAL') = (landlord_partner_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX body_list_order ON body (name, id)`);
    await db.query(`CREATE INDEX body_kind ON body (kind)`);
    await db.query(`CREATE INDEX body_territory ON body (territory_code)`);
    await db.query(`CREATE INDEX body_landlord ON body (landlord_partner_id) WHERE landlord_partner_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE body_member (
        body_id uuid NOT NULL REFERENCES body (id),
        partner_id uuid NOT NULL REFERENCES partner (id),
        role text NOT NULL CHECK (role IN ('VOTING', 'CONSULTATIVE')),
        chair boolean NOT NULL DEFAULT false,
        PRIMARY KEY (body_id, partner_id),
        CONSTRAINT body_member_chair_votes CHECK (NOT chair OR role = 'VOTING')
      )`);
    // The primary key serves the members loader (by body); this one the partner foreign key.
    await db.query(`CREATE INDEX body_member_partner ON body_member (partner_id)`);

    await db.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY,
        body_id uuid NOT NULL REFERENCES body (id),
        date date NOT NULL,
        mode text NOT NULL CHECK (mode IN ('IN_PERSON', 'REMOTE', 'ASYNCHRONOUS')),
        status text NOT NULL CHECK (status IN ('PLANNED', 'HELD', 'CANCELLED'))
      )`);
    // List order (newest first), the body filter and the indicators (held meetings by date).
    await db.query(`CREATE INDEX meeting_list_order ON meeting (date DESC, id DESC)`);
    await db.query(`CREATE INDEX meeting_body ON meeting (body_id, date DESC, id DESC)`);
    await db.query(`CREATE INDEX meeting_status ON meeting (status, date)`);

    await db.query(`
      CREATE TABLE cal_decision (
        id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES meeting (id),
        demand_id uuid NOT NULL,
        vacancy_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN (${DECISION_TYPES})),
        rank smallint CHECK (rank >= 1),
        motive text,
        condition_document text,
        condition_deadline date,
        decided_on date NOT NULL,
        commune text NOT NULL CHECK (commune ~ '^([0-9]{5}|2[AB][0-9]{3})$'),
        qpv text,
        territory_codes text[] NOT NULL CHECK (commune = ANY (territory_codes)),
        CONSTRAINT cal_decision_one_per_candidate UNIQUE (meeting_id, vacancy_id, demand_id),
        -- CCH R441-3 b): only attributions have a rank; a ranked attribution comes after rank 1.
        -- (Every branch is NULL-safe: a CHECK that evaluates to NULL would let the row in.)
        CONSTRAINT cal_decision_rank CHECK (
          (type = 'ATTRIBUTION_RANKED' AND rank IS NOT NULL AND rank >= 2)
          OR (type IN ('ATTRIBUTION', 'ATTRIBUTION_CONDITIONAL') AND (rank IS NULL OR rank = 1))
          OR (type IN ('NON_ATTRIBUTION', 'INELIGIBLE') AND rank IS NULL)),
        -- R441-3 c): a suspensive condition names the missing document and a deadline.
        CONSTRAINT cal_decision_condition CHECK (
          (type = 'ATTRIBUTION_CONDITIONAL') = (condition_document IS NOT NULL AND condition_deadline IS NOT NULL)
          AND (condition_document IS NULL) = (condition_deadline IS NULL)
          AND (condition_deadline IS NULL OR condition_deadline >= decided_on)),
        -- R441-3 d) and e): a refusal states its motive.
        CONSTRAINT cal_decision_refusal_motive CHECK (type NOT IN ('NON_ATTRIBUTION', 'INELIGIBLE') OR motive IS NOT NULL)
      )`);
    // List order, the three contributed lists (by demand, vacancy and meeting, newest first),
    // viewer territories, and the indicators (by commune or QPV, over a period).
    await db.query(`CREATE INDEX cal_decision_list_order ON cal_decision (decided_on DESC, id DESC)`);
    await db.query(`CREATE INDEX cal_decision_demand ON cal_decision (demand_id, decided_on DESC, id DESC)`);
    await db.query(`CREATE INDEX cal_decision_vacancy ON cal_decision (vacancy_id, decided_on DESC, id DESC)`);
    await db.query(`CREATE INDEX cal_decision_meeting ON cal_decision (meeting_id, decided_on DESC, id DESC)`);
    await db.query(`CREATE INDEX cal_decision_territories ON cal_decision USING gin (territory_codes)`);
    await db.query(`CREATE INDEX cal_decision_commune ON cal_decision (commune, decided_on)`);
    await db.query(`CREATE INDEX cal_decision_qpv ON cal_decision (qpv, decided_on) WHERE qpv IS NOT NULL`);
    await db.query(`CREATE INDEX cal_decision_type ON cal_decision (type)`);

    // A CAL decision is a dated legal act (R441-3), notified to the household: a later decision
    // is a new row, never an edit.
    await db.query(`
      CREATE FUNCTION refuse_decision_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'table % is append-only: record a new decision instead', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER cal_decision_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON cal_decision
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_decision_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE cal_decision`);
    await db.query(`DROP FUNCTION refuse_decision_change()`);
    await db.query(`DROP TABLE meeting`);
    await db.query(`DROP TABLE body_member`);
    await db.query(`DROP TABLE body`);
    await db.query(`DROP TABLE partner`);
  }
}
