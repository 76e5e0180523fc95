import { requireUuid } from '@passerelle/shared/validation';
import { randomUUID } from 'node:crypto';
import { parisDate, type Clock } from '@passerelle/shared/dates';
import { BadUserInputError, ForbiddenError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import type { DataSource } from 'typeorm';
import type { OffersAccess } from '../policy';
import { ReservationHolderKind } from '../reservation-holder/reservation-holder.enums';
import type { FluxAgreementEntity } from './flux-agreement.entity';
import type { RecordFluxAgreementInput } from './flux.inputs';
import type { FluxRepository } from './flux.repository';
import { agreementShareProblem } from './flux.rules';
import { requireFluxYear } from './flux.service';

/** Levels of the official geography an agreement may name (the table's check refuses QPVs too). */
const AGREEMENT_LEVELS = new Set(['DEPARTEMENT', 'EPCI', 'COMMUNE']);

/**
 * Recording flux agreements (décret 2020-145): by a landlord, for itself. A share is checked against
 * the landlord's other agreements on the same territory and year under a lock, so two concurrent
 * writes cannot together exceed 100 % (or the State's 30 %).
 */
export class FluxAgreementWriteService {
  constructor(
    private readonly db: DataSource,
    private readonly repository: FluxRepository,
    private readonly now: Clock,
  ) {}

  /** Creates the agreement, or replaces the share of the caller's agreement with the same holder, territory and year. */
  async record(access: OffersAccess, input: RecordFluxAgreementInput): Promise<FluxAgreementEntity> {
    if (!access.isLandlord || access.partner === null) {
      throw new ForbiddenError(
        'A flux agreement is recorded by the landlord whose flux it shares, for itself (a LANDLORD partner token).',
      );
    }
    const partner = access.partner;
    const holderId = requireUuid(input.reservationHolder, 'input.reservationHolder', 'a reservation holder');
    const territory = input.territory;
    if (!AGREEMENT_LEVELS.has(officialGeography.find(territory)?.level ?? '')) {
      throw new BadUserInputError(
        `"input.territory": ${JSON.stringify(territory)} is not a département, EPCI or commune of the official geography.`,
        'input.territory',
      );
    }
    const year = requireFluxYear(input.year, 'input.year');
    const shareBasisPoints = basisPointsOf(input.sharePercent);
    const today = parisDate(this.now());
    const signedOn = input.signedOn ?? today;
    if (signedOn > today) {
      throw new BadUserInputError(
        `"input.signedOn" is the day the agreement was signed: not after today (${signedOn} > ${today}).`,
        'input.signedOn',
      );
    }

    return this.db.transaction(async (tx) => {
      const landlord = await this.repository.landlordBySlug(tx, partner);
      if (!landlord) throw new ForbiddenError(`Partner ${partner} is not a landlord of the hub.`);
      const holder = await this.repository.holderById(tx, holderId);
      if (!holder) {
        throw new BadUserInputError(
          `"input.reservationHolder": ${holderId} is not a reservation holder of the hub.`,
          'input.reservationHolder',
        );
      }
      if (holder.kind === ReservationHolderKind.LANDLORD) {
        throw new BadUserInputError(
          '"input.reservationHolder" is a landlord holding its own non-reserved dwellings: that part of the flux needs no agreement.',
          'input.reservationHolder',
        );
      }
      const current = await this.repository.lockAgreements(tx, { landlordId: landlord.id, year });
      const covered = communesOf(territory);
      const sameHolderElsewhere = current.find(
        (row) =>
          row.reservationHolderId === holderId &&
          row.territory !== territory &&
          [...communesOf(row.territory)].some((commune) => covered.has(commune)),
      );
      if (sameHolderElsewhere) {
        throw new BadUserInputError(
          `"input.territory": this reservation holder already has an agreement with you for ${year} on ${sameHolderElsewhere.territory}, which overlaps ${territory}: one agreement per landlord, holder and territory (décret 2020-145) — change that one instead.`,
          'input.territory',
        );
      }
      // On every commune the territory covers, the shares of the agreements covering it (other
      // holders, any territory) and this one stay within 100 %, and the State's within 30 %.
      for (const commune of covered) {
        const problem = agreementShareProblem({
          holderKind: holder.kind,
          shareBasisPoints,
          // The agreement being replaced, if any, does not count against its new share.
          otherSharesBasisPoints: current
            .filter((row) => row.reservationHolderId !== holderId && communesOf(row.territory).has(commune))
            .map((row) => row.shareBasisPoints),
          territory: commune === territory ? territory : `${territory} (commune ${commune})`,
          year,
        });
        if (problem) throw new BadUserInputError(`"input.sharePercent": ${problem}`, 'input.sharePercent');
      }
      return this.repository.upsert(tx, {
        id: randomUUID(),
        landlordId: landlord.id,
        reservationHolderId: holderId,
        territory,
        year,
        shareBasisPoints,
        signedOn,
        recordedBy: partner,
      });
    });
  }
}

/** The communes a département, an EPCI or a commune covers (official geography). */
const communesOf = (code: string): Set<string> => new Set(officialGeography.coverage(code)?.communes ?? []);

/** A percentage with at most two decimals in (0, 100] as whole basis points (12.5 → 1250), else BAD_USER_INPUT. */
function basisPointsOf(sharePercent: number): number {
  const basisPoints = Math.round(sharePercent * 100);
  // Two decimals at most: 12.34 × 100 is 1233.9999999999998 in binary, hence a tolerance, far below 0.001 %.
  if (!Number.isFinite(sharePercent) || Math.abs(sharePercent * 100 - basisPoints) > 1e-6) {
    throw new BadUserInputError(
      `"input.sharePercent" has at most two decimals (12.5 or 12.25 for 12.25 %); got ${sharePercent}.`,
      'input.sharePercent',
    );
  }
  if (basisPoints < 1 || basisPoints > 10_000) {
    throw new BadUserInputError(
      `"input.sharePercent" is more than 0 and at most 100 (percent); got ${sharePercent}.`,
      'input.sharePercent',
    );
  }
  return basisPoints;
}
