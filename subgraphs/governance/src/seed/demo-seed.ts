import type { CalendarDate } from '@passerelle/shared/dates';
import { generateDemoTerritory } from '@passerelle/shared/demo';
import type { DataSource, EntityManager } from 'typeorm';
import { BodyMemberEntity } from '../body/body-member.entity';
import { BodyEntity } from '../body/body.entity';
import { CalDecisionEntity } from '../cal-decision/cal-decision.entity';
import { MeetingEntity } from '../meeting/meeting.entity';
import { PartnerEntity } from '../partner/partner.entity';
import { generateDemoGovernance } from './demo-governance';

/** Rows per INSERT: well under PostgreSQL's 65 535 bind parameters. */
const BATCH = 1000;

/**
 * Seeds governance's slice of the demo territory once, in one transaction: does nothing when
 * partners are already there, so that a restart keeps what partners changed. Returns what was
 * inserted, or null when skipped.
 */
export async function seedDemoGovernance(db: DataSource, options: { referenceDate: CalendarDate; demands: number }) {
  return db.transaction(async (tx) => {
    // One seeder at a time, even if two processes start on the same database.
    await tx.query('SELECT pg_advisory_xact_lock(4004)');
    if (await tx.getRepository(PartnerEntity).exists()) return null;
    const seed = generateDemoGovernance(generateDemoTerritory(options.referenceDate, options.demands));
    // Parents before children (foreign keys).
    await insertInBatches(tx, PartnerEntity, seed.partners);
    await insertInBatches(tx, BodyEntity, seed.bodies);
    await insertInBatches(tx, BodyMemberEntity, seed.members);
    await insertInBatches(tx, MeetingEntity, seed.meetings);
    await insertInBatches(tx, CalDecisionEntity, seed.calDecisions);
    return {
      partners: seed.partners.length,
      bodies: seed.bodies.length,
      members: seed.members.length,
      meetings: seed.meetings.length,
      calDecisions: seed.calDecisions.length,
      referenceDate: options.referenceDate,
    };
  });
}

async function insertInBatches<T extends object>(tx: EntityManager, entity: new () => T, rows: T[]) {
  for (let start = 0; start < rows.length; start += BATCH) {
    await tx
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + BATCH) as never)
      .execute();
  }
}
