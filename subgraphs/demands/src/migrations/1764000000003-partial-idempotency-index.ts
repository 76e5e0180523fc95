import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Only events recorded through `recordDemandEvent` carry an idempotency key: the uniqueness of
 * (partner, key) needs no index entry for the millions of lifecycle events without one.
 */
export class PartialIdempotencyIndex1764000000003 implements MigrationInterface {
  name = 'PartialIdempotencyIndex1764000000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE demand_event DROP CONSTRAINT demand_event_idempotent`);
    await db.query(
      `CREATE UNIQUE INDEX demand_event_idempotent ON demand_event (recorded_by, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX demand_event_idempotent`);
    await db.query(
      `ALTER TABLE demand_event ADD CONSTRAINT demand_event_idempotent UNIQUE (recorded_by, idempotency_key)`,
    );
  }
}
