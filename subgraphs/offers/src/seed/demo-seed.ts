import type { CalendarDate } from '@passerelle/shared/dates';
import { generateDemoTerritory } from '@passerelle/shared/demo';
import type { DataSource, EntityManager } from 'typeorm';
import { DwellingEntity } from '../dwelling/dwelling.entity';
import { LandlordEntity } from '../landlord/landlord.entity';
import { ProposalEntity } from '../proposal/proposal.entity';
import { ReservationHolderEntity } from '../reservation-holder/reservation-holder.entity';
import { VacancyTransitionEntity } from '../vacancy/vacancy-transition.entity';
import { VacancyEntity } from '../vacancy/vacancy.entity';
import { demoOffers } from './demo-offers';

/** Rows per INSERT: well under PostgreSQL's 65 535 bind parameters. */
const BATCH = 1000;

/**
 * Seeds the offers slice of the demo territory once, in one transaction: does nothing when
 * landlords already exist, so that a restart keeps what partners changed. Returns what was
 * inserted, or null when skipped.
 */
export async function seedDemoOffers(db: DataSource, options: { referenceDate: CalendarDate; demands: number }) {
  return db.transaction(async (tx) => {
    // One seeder at a time, even if two processes start on the same database.
    await tx.query('SELECT pg_advisory_xact_lock(59002)');
    if (await tx.getRepository(LandlordEntity).exists()) return null;
    const rows = demoOffers(generateDemoTerritory(options.referenceDate, options.demands));
    // Parents before children (foreign keys).
    await insertInBatches(tx, LandlordEntity, rows.landlords);
    await insertInBatches(tx, ReservationHolderEntity, rows.reservationHolders);
    await insertInBatches(tx, DwellingEntity, rows.dwellings);
    await insertInBatches(tx, VacancyEntity, rows.vacancies);
    await insertInBatches(tx, VacancyTransitionEntity, rows.transitions);
    await insertInBatches(tx, ProposalEntity, rows.proposals);
    return {
      landlords: rows.landlords.length,
      reservationHolders: rows.reservationHolders.length,
      dwellings: rows.dwellings.length,
      vacancies: rows.vacancies.length,
      transitions: rows.transitions.length,
      proposals: rows.proposals.length,
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
