import { requireUuid } from '@passerelle/shared/validation';
import { BadUserInputError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import { requireStockAccess, type OffersAccess } from '../policy';
import { annualReportCsv, annualReportDueBy, type AnnualReportRow } from './annual-report';
import type { AnnualFluxReport, AnnualReportLine } from './annual-report.type';
import { agreementKey, type FluxLoaders } from './flux.loaders';
import { toAnnualFluxLines, toFluxAgreement, toLandlordFluxObjective } from './flux.mapper';
import type { FluxRepository } from './flux.repository';
import type { FluxAgreement, LandlordAnnualFlux, LandlordFluxObjective } from './flux.type';

/** The first year of flux management (décret 2020-145) and the last year PostgreSQL dates of the hub reach. */
export const FIRST_FLUX_YEAR = 2020;
export const LAST_FLUX_YEAR = 2999;

/** A year argument of flux management, else BAD_USER_INPUT naming `field`. */
export function requireFluxYear(year: number, field: string, last = LAST_FLUX_YEAR): number {
  if (!Number.isInteger(year) || year < FIRST_FLUX_YEAR || year > last) {
    throw new BadUserInputError(
      `"${field}" is a year of flux management, ${FIRST_FLUX_YEAR} to ${last} (décret 2020-145); got ${year}.`,
      field,
    );
  }
  return year;
}

/**
 * Reading flux management (décret 2020-145, CCH R441-5) on behalf of a viewer: agreements, the annual
 * flux with each holder's objective and balance (statistics: every partner), and the annual report
 * (by `access.fluxReports`). Access rules live in `policy.ts`.
 */
export class FluxService {
  constructor(private readonly repository: FluxRepository) {}

  /** A landlord's agreements of a year. */
  async agreementsOfLandlord(
    access: OffersAccess,
    loaders: FluxLoaders,
    landlordId: string,
    year: number,
  ): Promise<FluxAgreement[]> {
    requireStockAccess(access);
    requireFluxYear(year, 'year');
    return (await loaders.agreementsOfLandlord.load(agreementKey(landlordId, year))).map(toFluxAgreement);
  }

  /** A reservation holder's agreements of a year. */
  async agreementsOfHolder(
    access: OffersAccess,
    loaders: FluxLoaders,
    holderId: string,
    year: number,
  ): Promise<FluxAgreement[]> {
    requireStockAccess(access);
    requireFluxYear(year, 'year');
    return (await loaders.agreementsOfHolder.load(agreementKey(holderId, year))).map(toFluxAgreement);
  }

  /** A landlord's annual flux of a year, one line per territory of its agreements. */
  async annualFlux(
    access: OffersAccess,
    loaders: FluxLoaders,
    landlordId: string,
    year: number,
  ): Promise<LandlordAnnualFlux[]> {
    requireStockAccess(access);
    requireFluxYear(year, 'year');
    const agreements = await loaders.agreementsOfLandlord.load(agreementKey(landlordId, year));
    const counts = await loaders.countsOf.loadMany(agreements);
    return toAnnualFluxLines(agreements, counts.map(unlessError));
  }

  /** A reservation holder's objectives of a year, one per agreement. */
  async objectivesOfHolder(
    access: OffersAccess,
    loaders: FluxLoaders,
    holderId: string,
    year: number,
  ): Promise<LandlordFluxObjective[]> {
    requireStockAccess(access);
    requireFluxYear(year, 'year');
    const agreements = await loaders.agreementsOfHolder.load(agreementKey(holderId, year));
    const counts = (await loaders.countsOf.loadMany(agreements)).map(unlessError);
    return agreements.map((agreement, index) => toLandlordFluxObjective(agreement, counts[index]!));
  }

  /**
   * A landlord's annual report (bilan) of a year, for a viewer the field policy let through
   * (`Landlord.annualReport` in `policy.ts`); a reservation holder gets its own lines only.
   */
  async annualReport(
    access: OffersAccess,
    landlord: { id: string },
    year: number,
    reservationHolder: string | undefined,
  ): Promise<AnnualFluxReport> {
    const holderSlug = access.fluxReports === 'OWN_LINES' ? access.partner : null;
    requireFluxYear(year, 'year', LAST_FLUX_YEAR - 1);
    const holderId =
      reservationHolder === undefined
        ? null
        : requireUuid(reservationHolder, 'reservationHolder', 'a reservation holder');
    const sqlRows = await this.repository.annualReport({ landlordId: landlord.id, year, holderId, holderSlug });
    const rows: (AnnualReportLine & AnnualReportRow)[] = sqlRows.map((row) => ({
      ...row,
      reservationHolder: row.reservationHolderName,
      communeName: officialGeography.find(row.commune)?.name ?? null,
    }));
    return { year, dueBy: annualReportDueBy(year), rows, csv: annualReportCsv(rows) };
  }
}

/** `loadMany` answers an Error in place of a failed key: rethrow it. */
function unlessError<T>(value: T | Error): T {
  if (value instanceof Error) throw value;
  return value;
}
