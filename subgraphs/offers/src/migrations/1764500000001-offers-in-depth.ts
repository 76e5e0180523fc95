import type { MigrationInterface, QueryRunner } from 'typeorm';

const ORIGINS = `('RELET', 'FIRST_LETTING', 'INTERNAL_TRANSFER', 'URBAN_RENEWAL_REHOUSING', 'OTHER_LEGAL_REHOUSING')`;
const REFUSAL_MOTIVES = `('RENT_TOO_HIGH', 'LOCATION', 'TOO_FAR_FROM_WORK', 'SIZE', 'FLOOR_OR_ACCESSIBILITY', 'CONDITION', 'PERSONAL_CHANGE', 'NO_ANSWER', 'OTHER')`;

/**
 * Offers in depth (issue 5): the landlord's own details of a dwelling, the vacancy's origin in the
 * annual flux and the who/why of each step, ranked candidacies with their offer deadline, flux
 * agreements, first-quartile thresholds (reference rows), and attributions with the household's
 * situation at signature (CCH L441-1).
 */
export class OffersInDepth1764500000001 implements MigrationInterface {
  name = 'OffersInDepth1764500000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE dwelling
        ADD COLUMN internal_notes text CHECK (char_length(internal_notes) <= 2000),
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);

    // Which part of the annual flux a vacancy is (décret 2020-145, CCH R441-5); its step dates.
    await db.query(`
      ALTER TABLE vacancy
        ADD COLUMN origin text NOT NULL DEFAULT 'RELET' CHECK (origin IN ${ORIGINS}),
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
    await db.query(`ALTER TABLE vacancy ALTER COLUMN origin DROP DEFAULT`);
    // At most one vacancy of a dwelling is being let at a time (the service checks it under a lock;
    // this index finds it).
    await db.query(`CREATE INDEX vacancy_open_of_dwelling ON vacancy (dwelling_id) WHERE status <> 'LEASE_SIGNED'`);

    await db.query(`
      ALTER TABLE vacancy_transition
        ADD COLUMN reservation_holder_id uuid REFERENCES reservation_holder (id),
        ADD COLUMN note text CHECK (char_length(note) <= 500),
        ADD COLUMN recorded_by text`);

    await db.query(`
      ALTER TABLE proposal
        ADD COLUMN dalo boolean NOT NULL DEFAULT false,
        ADD COLUMN notified_on date,
        ADD COLUMN answer_due_on date,
        ADD COLUMN refusal_motive_code text CHECK (refusal_motive_code IN ${REFUSAL_MOTIVES})`);
    await db.query(`UPDATE proposal SET refusal_motive_code = 'OTHER' WHERE outcome = 'REFUSED'`);
    await db.query(`
      ALTER TABLE proposal
        ADD CONSTRAINT proposal_refusal_is_coded CHECK ((outcome = 'REFUSED') = (refusal_motive_code IS NOT NULL)),
        ADD CONSTRAINT proposal_answer_due_after_notice CHECK (answer_due_on > notified_on),
        ADD CONSTRAINT proposal_notice_is_dated CHECK ((notified_on IS NULL) = (answer_due_on IS NULL))`);
    // The refusal's words are now optional: the code says why.
    await db.query(`ALTER TABLE proposal DROP CONSTRAINT proposal_refusal_has_motive`);
    // Offers whose 10 days ran out (the silence-is-refusal job).
    await db.query(`CREATE INDEX proposal_offer_pending ON proposal (answer_due_on) WHERE outcome = 'OFFER_NOTIFIED'`);

    // One agreement per landlord × reservation holder × territory × year (décret 2020-145).
    await db.query(`
      CREATE TABLE flux_agreement (
        id uuid PRIMARY KEY,
        landlord_id uuid NOT NULL REFERENCES landlord (id),
        reservation_holder_id uuid NOT NULL REFERENCES reservation_holder (id),
        territory text NOT NULL CHECK (territory ~ '^([0-9]{5}|2[AB][0-9]{3}|[0-9]{2,3}|2[AB]|[0-9]{9})$'),
        year smallint NOT NULL CHECK (year BETWEEN 2020 AND 2999),
        share_basis_points integer NOT NULL CHECK (share_basis_points BETWEEN 1 AND 10000),
        signed_on date NOT NULL,
        recorded_by text NOT NULL,
        CONSTRAINT flux_agreement_once UNIQUE (landlord_id, reservation_holder_id, territory, year)
      )`);
    await db.query(`CREATE INDEX flux_agreement_of_holder ON flux_agreement (reservation_holder_id, year)`);
    await db.query(`CREATE INDEX flux_agreement_of_year ON flux_agreement (year, landlord_id)`);

    // Reference data: the first-quartile threshold of each EPCI for each year (ministerial arrêté).
    await db.query(`
      CREATE TABLE first_quartile_threshold (
        epci text NOT NULL CHECK (epci ~ '^[0-9]{9}$'),
        year smallint NOT NULL CHECK (year BETWEEN 2017 AND 2999),
        euros_per_unit numeric(8, 2) NOT NULL CHECK (euros_per_unit > 0),
        source text NOT NULL,
        PRIMARY KEY (epci, year)
      )`);

    // A signed lease, with what the legal shares need, as the landlord knew it at signature.
    await db.query(`
      CREATE TABLE attribution (
        id uuid PRIMARY KEY,
        vacancy_id uuid NOT NULL CONSTRAINT attribution_once_per_vacancy UNIQUE REFERENCES vacancy (id),
        proposal_id uuid CONSTRAINT attribution_once_per_proposal UNIQUE REFERENCES proposal (id),
        demand_id uuid NOT NULL,
        landlord_id uuid NOT NULL REFERENCES landlord (id),
        reservation_holder_id uuid NOT NULL REFERENCES reservation_holder (id),
        lease_signed_on date NOT NULL,
        commune text NOT NULL,
        epci text,
        in_qpv boolean NOT NULL,
        typology text NOT NULL,
        financing text NOT NULL,
        construction_year smallint NOT NULL,
        -- The household at signature; null only on leases recorded before these columns existed.
        member_count smallint CHECK (member_count BETWEEN 1 AND 30),
        consumption_units numeric(4, 1) CHECK (consumption_units >= 1),
        annual_resources integer CHECK (annual_resources >= 0),
        resources_per_unit numeric(10, 2) CHECK (resources_per_unit >= 0),
        quartile_threshold numeric(8, 2),
        first_quartile boolean,
        priority text CHECK (priority IN ('DALO', 'PRIORITY', 'NONE')),
        urban_renewal_rehousing boolean NOT NULL DEFAULT false,
        recorded_by text,
        CONSTRAINT attribution_quartile_has_threshold CHECK ((first_quartile IS NULL) = (quartile_threshold IS NULL))
      )`);
    await db.query(`CREATE INDEX attribution_of_epci ON attribution (epci, lease_signed_on)`);
    await db.query(`CREATE INDEX attribution_of_commune ON attribution (commune, lease_signed_on)`);
    await db.query(`CREATE INDEX attribution_of_landlord ON attribution (landlord_id, lease_signed_on)`);
    await db.query(`CREATE INDEX attribution_of_holder ON attribution (reservation_holder_id, lease_signed_on)`);
    // Leases signed before this version: the attribution without the household's situation.
    await db.query(`
      INSERT INTO attribution (id, vacancy_id, proposal_id, demand_id, landlord_id, reservation_holder_id,
        lease_signed_on, commune, in_qpv, typology, financing, construction_year)
      SELECT v.id, v.id, p.id, v.tenant_demand_id, d.landlord_id, v.reservation_holder_id, v.lease_signed_on,
        d.commune, d.qpv IS NOT NULL, d.typology, d.financing, d.construction_year
      FROM vacancy v
      JOIN dwelling d ON d.id = v.dwelling_id
      LEFT JOIN proposal p ON p.vacancy_id = v.id AND p.demand_id = v.tenant_demand_id
      WHERE v.status = 'LEASE_SIGNED'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE attribution`);
    await db.query(`DROP TABLE first_quartile_threshold`);
    await db.query(`DROP TABLE flux_agreement`);
    await db.query(`DROP INDEX proposal_offer_pending`);
    await db.query(
      `UPDATE proposal SET refusal_motive = 'not recorded' WHERE outcome = 'REFUSED' AND refusal_motive IS NULL`,
    );
    await db.query(`
      ALTER TABLE proposal
        DROP CONSTRAINT proposal_refusal_is_coded,
        DROP CONSTRAINT proposal_answer_due_after_notice,
        DROP CONSTRAINT proposal_notice_is_dated,
        ADD CONSTRAINT proposal_refusal_has_motive CHECK ((outcome = 'REFUSED') = (refusal_motive IS NOT NULL)),
        DROP COLUMN dalo, DROP COLUMN notified_on, DROP COLUMN answer_due_on, DROP COLUMN refusal_motive_code`);
    await db.query(
      `ALTER TABLE vacancy_transition DROP COLUMN reservation_holder_id, DROP COLUMN note, DROP COLUMN recorded_by`,
    );
    await db.query(`DROP INDEX vacancy_open_of_dwelling`);
    await db.query(`ALTER TABLE vacancy DROP COLUMN origin, DROP COLUMN version`);
    await db.query(`ALTER TABLE dwelling DROP COLUMN internal_notes, DROP COLUMN version`);
  }
}
