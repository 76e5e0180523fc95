import type { QueryRunner } from 'typeorm';

/**
 * The log of nominative reads, one table in each subgraph's own database (the owner of the data
 * keeps the trace of its reads). Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE
 * whoever issues them, so neither the application nor a mistaken script can rewrite history.
 * Each subgraph calls these from one of its migrations.
 */
export async function createAuditLog(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE nominative_read (
      id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      read_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
      person         text NOT NULL,
      partner        text NOT NULL,
      partner_kind   text NOT NULL,
      operation_name text,
      purpose        text,
      request_id     uuid,
      record_type    text NOT NULL,
      record_id      text NOT NULL,
      fields         text[] NOT NULL CHECK (cardinality(fields) > 0)
    )`);
  await queryRunner.query(`COMMENT ON TABLE nominative_read IS
    'Every read of nominative or sensitive data, one row per record and request; append-only (DOMAIN.md §7).'`);
  // The auditor's three filters, each newest first.
  await queryRunner.query(`CREATE INDEX nominative_read_by_partner ON nominative_read (partner, id)`);
  await queryRunner.query(`CREATE INDEX nominative_read_by_record ON nominative_read (record_id, id)`);
  await queryRunner.query(`CREATE INDEX nominative_read_by_time ON nominative_read (read_at)`);
  await queryRunner.query(`
    CREATE FUNCTION nominative_read_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'nominative_read is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`);
  await queryRunner.query(`
    CREATE TRIGGER nominative_read_no_change BEFORE UPDATE OR DELETE ON nominative_read
      FOR EACH ROW EXECUTE FUNCTION nominative_read_append_only()`);
  await queryRunner.query(`
    CREATE TRIGGER nominative_read_no_truncate BEFORE TRUNCATE ON nominative_read
      FOR EACH STATEMENT EXECUTE FUNCTION nominative_read_append_only()`);
}

export async function dropAuditLog(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TABLE nominative_read`);
  await queryRunner.query(`DROP FUNCTION nominative_read_append_only()`);
}

/**
 * The demand a logged record concerns (its household) beside the record itself, so that the auditor
 * finds every read about one household — its CAL decisions, proposals, measures — by the demand's id.
 */
export async function addAuditSubject(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`ALTER TABLE nominative_read ADD COLUMN subject_id text`);
  await queryRunner.query(
    `CREATE INDEX nominative_read_by_subject ON nominative_read (subject_id, id) WHERE subject_id IS NOT NULL`,
  );
}

export async function dropAuditSubject(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`ALTER TABLE nominative_read DROP COLUMN subject_id`);
}
