import { addAuditSubject, dropAuditSubject } from '@passerelle/shared/audit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The demand a logged record concerns, beside the record (issue 8: who read this household). */
export class AuditSubject1764500000003 implements MigrationInterface {
  name = 'AuditSubject1764500000003';

  async up(db: QueryRunner): Promise<void> {
    await addAuditSubject(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await dropAuditSubject(db);
  }
}
