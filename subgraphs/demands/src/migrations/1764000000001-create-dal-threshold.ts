import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Délai anormalement long (CCH L441-1-4): set per département by the préfet's arrêté, possibly
 * per typology, and revised over time — so rows, not constants. No row for a département means
 * "not configured", and the DAL indicators say null rather than guess.
 */
export class CreateDalThreshold1764000000001 implements MigrationInterface {
  name = 'CreateDalThreshold1764000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dal_threshold (
        id serial PRIMARY KEY,
        departement text NOT NULL,
        typology text CHECK (typology IN ('T1', 'T2', 'T3', 'T4', 'T5', 'T6')),
        months smallint NOT NULL CHECK (months BETWEEN 1 AND 240),
        valid_from date NOT NULL,
        source text NOT NULL,
        CONSTRAINT dal_threshold_unique UNIQUE NULLS NOT DISTINCT (departement, typology, valid_from)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dal_threshold`);
  }
}
