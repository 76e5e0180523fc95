import { createAuditLog, dropAuditLog } from '@passerelle/shared/audit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only log of nominative reads of this subgraph's records (issue 8, DOMAIN.md §7). */
export class AuditLog1764300000004 implements MigrationInterface {
  name = 'AuditLog1764300000004';

  async up(db: QueryRunner): Promise<void> {
    await createAuditLog(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await dropAuditLog(db);
  }
}
