import type { MigrationInterface, QueryRunner } from 'typeorm';

const TYPOLOGIES = `('T1', 'T2', 'T3', 'T4', 'T5', 'T6')`;
const VACANCY_STATUSES = `('VACATED', 'ORIENTED', 'CANDIDATES_DESIGNATED', 'EXAMINED_IN_CAL', 'OFFER_NOTIFIED', 'LEASE_SIGNED', 'RETURNED')`;

/** Landlords, reservation holders, the stock, vacancies with their append-only lifecycle, and proposals. */
export class CreateOffers1764100000000 implements MigrationInterface {
  name = 'CreateOffers1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE landlord (
        id uuid PRIMARY KEY,
        slug text NOT NULL CONSTRAINT landlord_slug_unique UNIQUE,
        name text NOT NULL,
        siren text NOT NULL CONSTRAINT landlord_siren_unique UNIQUE CHECK (siren ~ '^[0-9]{9}$')
      )`);
    // List order (by name).
    await db.query(`CREATE INDEX landlord_name_order ON landlord (name, id)`);

    await db.query(`
      CREATE TABLE reservation_holder (
        id uuid PRIMARY KEY,
        slug text NOT NULL CONSTRAINT reservation_holder_slug_unique UNIQUE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('STATE', 'EPCI', 'ACTION_LOGEMENT', 'COMMUNE', 'LANDLORD'))
      )`);
    await db.query(`CREATE INDEX reservation_holder_name_order ON reservation_holder (name, id)`);
    await db.query(`CREATE INDEX reservation_holder_kind ON reservation_holder (kind)`);

    await db.query(`
      CREATE TABLE dwelling (
        id uuid PRIMARY KEY,
        rpls_id text NOT NULL CONSTRAINT dwelling_rpls_id_unique UNIQUE,
        landlord_id uuid NOT NULL REFERENCES landlord (id),
        address text NOT NULL,
        commune text NOT NULL CHECK (commune ~ '^([0-9]{5}|2[AB][0-9]{3})$'),
        qpv text CHECK (qpv ~ '^QN[0-9A-Z]+$'),
        typology text NOT NULL CHECK (typology IN ${TYPOLOGIES}),
        surface numeric(6, 2) NOT NULL CHECK (surface > 0),
        floor smallint NOT NULL CHECK (floor >= -1),
        lift boolean NOT NULL,
        accessible boolean NOT NULL,
        construction_year smallint NOT NULL CHECK (construction_year BETWEEN 1800 AND 2100),
        financing text NOT NULL CHECK (financing IN ('PLAI', 'PLUS', 'PLS', 'PLI')),
        rent numeric(8, 2) NOT NULL CHECK (rent >= 0),
        charges numeric(8, 2) NOT NULL CHECK (charges >= 0)
      )`);
    // List order is (rpls_id, id): the unique index on rpls_id serves it. One index per filter,
    // ending with the list order where the filter is selective enough to walk it.
    await db.query(`CREATE INDEX dwelling_landlord ON dwelling (landlord_id, rpls_id)`);
    await db.query(`CREATE INDEX dwelling_commune ON dwelling (commune, rpls_id)`);
    await db.query(`CREATE INDEX dwelling_typology ON dwelling (typology)`);
    await db.query(`CREATE INDEX dwelling_financing ON dwelling (financing)`);
    await db.query(`CREATE INDEX dwelling_qpv ON dwelling (qpv) WHERE qpv IS NOT NULL`);

    await db.query(`
      CREATE TABLE vacancy (
        id uuid PRIMARY KEY,
        dwelling_id uuid NOT NULL REFERENCES dwelling (id),
        status text NOT NULL CHECK (status IN ${VACANCY_STATUSES}),
        vacated_on date NOT NULL,
        reservation_holder_id uuid REFERENCES reservation_holder (id),
        tenant_demand_id uuid,
        lease_signed_on date,
        -- The landlord orients every vacancy it has not just freed.
        CONSTRAINT vacancy_oriented_has_holder CHECK ((status = 'VACATED') = (reservation_holder_id IS NULL)),
        -- A lease is signed exactly when there is a tenant, on a known day, after the vacancy.
        CONSTRAINT vacancy_lease_has_tenant CHECK ((status = 'LEASE_SIGNED') = (tenant_demand_id IS NOT NULL)),
        CONSTRAINT vacancy_lease_is_dated CHECK ((tenant_demand_id IS NULL) = (lease_signed_on IS NULL)),
        CONSTRAINT vacancy_lease_after_vacating CHECK (lease_signed_on >= vacated_on)
      )`);
    await db.query(`CREATE INDEX vacancy_order ON vacancy (vacated_on DESC, id DESC)`);
    await db.query(`CREATE INDEX vacancy_dwelling ON vacancy (dwelling_id)`);
    await db.query(`CREATE INDEX vacancy_status ON vacancy (status)`);
    await db.query(`CREATE INDEX vacancy_reservation_holder ON vacancy (reservation_holder_id)`);
    // Attributions of a period (indicators).
    await db.query(
      `CREATE INDEX vacancy_lease_signed_on ON vacancy (lease_signed_on) WHERE lease_signed_on IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE vacancy_transition (
        id uuid PRIMARY KEY,
        vacancy_id uuid NOT NULL REFERENCES vacancy (id),
        position smallint NOT NULL CHECK (position >= 1),
        status text NOT NULL CHECK (status IN ${VACANCY_STATUSES}),
        occurred_on date NOT NULL,
        CONSTRAINT vacancy_transition_position_unique UNIQUE (vacancy_id, position),
        CONSTRAINT vacancy_transition_starts_vacated CHECK ((position = 1) = (status = 'VACATED'))
      )`);
    // The unique (vacancy_id, position) index serves both the timeline loader and "status on a day".
    // The lifecycle is dated history: corrections are new transitions, never edits.
    await db.query(`
      CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'table % is append-only: record a new transition instead', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER vacancy_transition_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON vacancy_transition
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`);

    await db.query(`
      CREATE TABLE proposal (
        id uuid PRIMARY KEY,
        vacancy_id uuid NOT NULL REFERENCES vacancy (id),
        demand_id uuid NOT NULL,
        designated_by_id uuid NOT NULL REFERENCES reservation_holder (id),
        designated_on date NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('DESIGNATED', 'EXAMINED_IN_CAL', 'OFFER_NOTIFIED', 'ACCEPTED', 'REFUSED', 'LEASE_SIGNED', 'WITHDRAWN')),
        outcome_on date NOT NULL,
        refusal_motive text,
        CONSTRAINT proposal_once_per_vacancy UNIQUE (vacancy_id, demand_id),
        CONSTRAINT proposal_refusal_has_motive CHECK ((outcome = 'REFUSED') = (refusal_motive IS NOT NULL)),
        CONSTRAINT proposal_outcome_after_designation CHECK (outcome_on >= designated_on)
      )`);
    // Demand.proposals and Vacancy.proposals: newest designation first per parent.
    await db.query(`CREATE INDEX proposal_of_demand ON proposal (demand_id, designated_on DESC, id DESC)`);
    await db.query(`CREATE INDEX proposal_of_vacancy ON proposal (vacancy_id, designated_on DESC, id DESC)`);
    await db.query(`CREATE INDEX proposal_designated_by ON proposal (designated_by_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE proposal`);
    await db.query(`DROP TABLE vacancy_transition`);
    await db.query(`DROP FUNCTION refuse_history_change()`);
    await db.query(`DROP TABLE vacancy`);
    await db.query(`DROP TABLE dwelling`);
    await db.query(`DROP TABLE reservation_holder`);
    await db.query(`DROP TABLE landlord`);
  }
}
