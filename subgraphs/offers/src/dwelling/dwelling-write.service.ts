import { randomUUID } from 'node:crypto';
import { parisDate, type Clock } from '@passerelle/shared/dates';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import { isAuthenticated, type Viewer } from '@passerelle/shared/identity';
import { isCommuneCode, requireUuid } from '@passerelle/shared/validation';
import type { DataSource, EntityManager } from 'typeorm';
import { LandlordEntity } from '../landlord/landlord.entity';
import { DwellingEntity } from './dwelling.entity';
import type { RegisterDwellingInput, UpdateDwellingInput } from './dwelling-write.inputs';

/**
 * The stock's write side: only a landlord writes, and only its own dwellings. A dwelling of
 * another landlord and an absent one give the same NOT_FOUND on update.
 */
export class DwellingWriteService {
  constructor(
    private readonly db: DataSource,
    private readonly now: Clock,
  ) {}

  /** Adds a dwelling to the caller's stock. */
  async register(viewer: Viewer, input: RegisterDwellingInput): Promise<DwellingEntity> {
    const row = Object.assign(new DwellingEntity(), {
      rplsId: input.rplsId?.trim().toUpperCase(),
      address: input.address?.trim(),
      commune: input.commune,
      qpv: input.qpv ?? null,
      typology: input.typology,
      surface: input.surface,
      floor: input.floor,
      lift: input.lift,
      accessible: input.accessible,
      constructionYear: input.constructionYear,
      financing: input.financing,
      rent: input.rent,
      charges: input.charges,
      internalNotes: blankToNull(input.internalNotes),
      version: 1,
    });
    this.validate(row, 'input');
    if (!/^[0-9A-Z]{1,20}$/.test(row.rplsId)) {
      throw new BadUserInputError('The RPLS identifier has 1 to 20 capital letters and digits.', 'input.rplsId');
    }
    if (!isCommuneCode(row.commune) || officialGeography.find(row.commune)?.level !== 'COMMUNE') {
      throw new BadUserInputError(
        `"${row.commune}" is not a commune of the official geography (an INSEE code).`,
        'input.commune',
      );
    }
    if (row.qpv !== null && !officialGeography.qpvsOf(row.commune).some((qpv) => qpv.code === row.qpv)) {
      throw new BadUserInputError(`"${row.qpv}" is not a QPV of commune ${row.commune}.`, 'input.qpv');
    }
    if (!Number.isInteger(row.floor) || row.floor < -1 || row.floor > 60) {
      throw new BadUserInputError('The floor is -1 to 60 (0 for the ground floor).', 'input.floor');
    }
    const thisYear = Number(parisDate(this.now()).slice(0, 4));
    if (!Number.isInteger(row.constructionYear) || row.constructionYear < 1800 || row.constructionYear > thisYear + 5) {
      throw new BadUserInputError(`The construction year is 1800 to ${thisYear + 5}.`, 'input.constructionYear');
    }
    return this.db.transaction(async (tx) => {
      row.landlordId = (await this.ownLandlord(tx, viewer, 'Registering a dwelling')).id;
      row.id = randomUUID();
      const taken = await tx.getRepository(DwellingEntity).existsBy({ rplsId: row.rplsId });
      if (taken) throw new ConflictError(`Dwelling ${row.rplsId} is already registered in the hub.`);
      // The check above answers the usual case; the unique index the concurrent one.
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(DwellingEntity)
        .values(row)
        .orIgnore()
        .returning('id')
        .execute();
      if (inserted.raw.length === 0) {
        throw new ConflictError(`Dwelling ${row.rplsId} is already registered in the hub.`);
      }
      return tx.getRepository(DwellingEntity).findOneByOrFail({ id: row.id });
    });
  }

  /** Changes the fields given of one of the caller's dwellings, at the version the caller read. */
  async update(
    viewer: Viewer,
    id: string,
    expectedVersion: number,
    input: UpdateDwellingInput,
  ): Promise<DwellingEntity> {
    const dwellingId = requireUuid(id, 'id', 'a dwelling');
    return this.db.transaction(async (tx) => {
      const landlord = await this.ownLandlord(tx, viewer, 'Changing a dwelling');
      const row = await tx
        .getRepository(DwellingEntity)
        .createQueryBuilder('d')
        .setLock('pessimistic_write')
        .where('d.id = :id AND d.landlord_id = :landlord', { id: dwellingId, landlord: landlord.id })
        .getOne();
      if (!row) throw new NotFoundError('Dwelling', dwellingId);
      if (row.version !== expectedVersion) {
        throw new ConflictError(
          `Dwelling ${row.rplsId} is at version ${row.version}, not ${expectedVersion}: someone changed it meanwhile. Reload it and apply your change again.`,
        );
      }
      const changes = Object.fromEntries(
        Object.entries({ ...input, address: input.address?.trim() }).filter(
          ([, value]) => value !== undefined && value !== null,
        ),
      );
      if (input.internalNotes !== undefined) changes.internalNotes = blankToNull(input.internalNotes);
      Object.assign(row, changes, { version: row.version + 1 });
      this.validate(row, 'input');
      await tx.getRepository(DwellingEntity).save(row);
      return row;
    });
  }

  private validate(row: DwellingEntity, path: string): void {
    if (!row.address || row.address.length > 200) {
      throw new BadUserInputError('The address has 1 to 200 characters.', `${path}.address`);
    }
    if (!(row.surface >= 5 && row.surface <= 500) || !hasCents(row.surface)) {
      throw new BadUserInputError(
        'The surface is 5 to 500 square metres, with at most two decimals.',
        `${path}.surface`,
      );
    }
    if (!(row.rent >= 0 && row.rent <= 10_000) || !hasCents(row.rent)) {
      throw new BadUserInputError('The rent is 0 to 10 000 euros a month, in cents at most.', `${path}.rent`);
    }
    if (!(row.charges >= 0 && row.charges <= 5_000) || !hasCents(row.charges)) {
      throw new BadUserInputError('The charges are 0 to 5 000 euros a month, in cents at most.', `${path}.charges`);
    }
    if (row.internalNotes !== null && row.internalNotes.length > 2_000) {
      throw new BadUserInputError('Internal notes have at most 2 000 characters.', `${path}.internalNotes`);
    }
  }

  /** The caller's landlord row: only a landlord partner writes the stock. */
  private async ownLandlord(tx: EntityManager, viewer: Viewer, what: string): Promise<LandlordEntity> {
    if (!isAuthenticated(viewer) || viewer.kind !== 'LANDLORD') {
      throw new ForbiddenError(`${what} is for the landlord that owns the stock (a LANDLORD partner token).`);
    }
    const landlord = await tx.getRepository(LandlordEntity).findOneBy({ slug: viewer.partner });
    if (!landlord) throw new ForbiddenError(`Partner ${viewer.partner} is not a landlord of the hub.`);
    return landlord;
  }
}

const hasCents = (value: number) => Number.isFinite(value) && Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
const blankToNull = (value: string | null | undefined) => (value == null || value.trim() === '' ? null : value.trim());
