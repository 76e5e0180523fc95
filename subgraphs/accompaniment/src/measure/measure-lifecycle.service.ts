import { randomUUID } from 'node:crypto';
import { isCalendarDate, parisDate, type CalendarDate, type Clock } from '@passerelle/shared/dates';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import type { Viewer } from '@passerelle/shared/identity';
import { isCommuneCode, isUuid, requireUuid } from '@passerelle/shared/validation';
import type { DataSource, EntityManager } from 'typeorm';
import { HouseholdEntity } from '../household/household.entity';
import { OperatorEntity } from '../operator/operator.entity';
import { requirePartner, type Partner } from '../policy';
import { SchemeEntity } from '../scheme/scheme.entity';
import { territoryCodesOf } from '../territory/territory-scope';
import { MeasureEntity } from './measure.entity';
import { MeasureStatus } from './measure.enums';
import { readableBy } from './measure.repository';
import { applyTransition, type MeasureAction } from './measure.transitions';
import type { NewHouseholdInput, PrescribeMeasureInput } from './measure-lifecycle.inputs';

/**
 * Who may ask each change (issue 6): the operator's association for the course of the measure;
 * the prescriber or the operator to cancel it before it starts.
 */
const ACTORS: Record<MeasureAction['type'], 'OPERATOR' | 'OPERATOR_OR_PRESCRIBER'> = {
  START_DIAGNOSTIC: 'OPERATOR',
  ACTIVATE: 'OPERATOR',
  RENEW: 'OPERATOR',
  SUSPEND: 'OPERATOR',
  RESUME: 'OPERATOR',
  CLOSE: 'OPERATOR',
  CANCEL: 'OPERATOR_OR_PRESCRIBER',
};

/**
 * The write side of measures: every change is one transaction that locks the measure row,
 * checks the caller's right and the optimistic version, applies the pure state machine
 * (`measure.transitions.ts`) and writes the row with the next version. A refusal changes nothing.
 */
export class MeasureLifecycleService {
  constructor(
    private readonly db: DataSource,
    private readonly now: Clock = () => new Date(),
  ) {}

  private today(): CalendarDate {
    return parisDate(this.now());
  }

  /** Records a prescription by an entitled partner kind, for an operator delivering the scheme where the household lives. */
  async prescribe(viewer: Viewer, input: PrescribeMeasureInput): Promise<MeasureEntity> {
    const partner = requirePartner(viewer, 'Prescribing a measure');
    const today = this.today();
    const prescribedOn = input.prescribedOn ?? today;
    if (!isCalendarDate(prescribedOn) || prescribedOn > today) {
      throw new BadUserInputError(
        `"prescribedOn" is ${prescribedOn}: a prescription is never in the future.`,
        'prescribedOn',
      );
    }
    const operatorId = requireUuid(input.operator, 'operator', 'an operator');
    if ((input.household == null) === (input.newHousehold == null)) {
      throw new BadUserInputError(
        'Give the household either as `household` (an existing record) or as `newHousehold`, not both.',
        'household',
      );
    }
    if (input.newHousehold) validateNewHousehold(input.newHousehold);
    const householdId =
      input.household == null ? undefined : requireUuid(input.household, 'household', 'a household record');

    return this.db.transaction(async (tx) => {
      const scheme = await tx.getRepository(SchemeEntity).findOneByOrFail({ code: input.scheme });
      if (!(scheme.prescriberKinds as string[]).includes(partner.kind)) {
        throw new ForbiddenError(
          `${scheme.code} is prescribed by ${scheme.prescriberKinds.join(', ')} partners only, not by a ${partner.kind} partner.`,
        );
      }
      const household = householdId
        ? await this.reachableHousehold(tx, viewer, partner, householdId)
        : newHouseholdRow(input.newHousehold!);
      if (!household) throw new BadUserInputError(`No household record ${householdId}.`, 'household');
      const territoryCodes = territoryCodesOf(household.commune, household.qpv);
      const operator = await tx.getRepository(OperatorEntity).findOneBy({ id: operatorId });
      if (!operator) throw new BadUserInputError(`No operator ${operatorId}.`, 'operator');
      if (!operator.schemeCodes.includes(scheme.code)) {
        throw new BadUserInputError(`${operator.name} does not deliver ${scheme.code}.`, 'operator');
      }
      if (!operator.territories.some((code) => territoryCodes.includes(code))) {
        throw new BadUserInputError(
          `${operator.name} does not work on commune ${household.commune}, where the household lives.`,
          'operator',
        );
      }
      if (!householdId && household.demandId) {
        const existing = await tx.getRepository(HouseholdEntity).existsBy({ demandId: household.demandId });
        if (existing) {
          throw new BadUserInputError(
            "A household record already exists for this demand: give it as `household` (see the demand's measures).",
            'newHousehold.demandId',
          );
        }
      }
      if (!householdId) await tx.getRepository(HouseholdEntity).insert(household);
      const row = Object.assign(new MeasureEntity(), {
        id: randomUUID(),
        schemeCode: scheme.code,
        operatorId: operator.id,
        householdId: household.id,
        status: MeasureStatus.PRESCRIBED,
        prescribedBy: partner.partner,
        prescribedOn,
        fundingSource: input.fundingSource ?? scheme.funder,
        commune: household.commune,
        qpv: household.qpv,
        territoryCodes,
        demandId: household.demandId,
        version: 1,
        renewalCount: 0,
        ...NOT_YET,
      });
      await tx.getRepository(MeasureEntity).insert(row);
      return tx.getRepository(MeasureEntity).findOneByOrFail({ id: row.id });
    });
  }

  /** Applies one step of the state machine to a measure, for the partner entitled to it. */
  change(viewer: Viewer, id: string, expectedVersion: number, action: MeasureAction): Promise<MeasureEntity> {
    const partner = requirePartner(viewer, 'Changing a measure');
    if (!isUuid(id)) throw new BadUserInputError(`"${id}" is not a measure id (a UUID).`, 'id');
    return this.db.transaction(async (tx) => {
      const { row, operatorSlug } = await this.lockActionable(tx, viewer, partner, id.toLowerCase());
      const isOperator = operatorSlug === partner.partner;
      const isPrescriber = row.prescribedBy === partner.partner;
      if (ACTORS[action.type] === 'OPERATOR' ? !isOperator : !isOperator && !isPrescriber) {
        throw new ForbiddenError(
          ACTORS[action.type] === 'OPERATOR'
            ? `Only the operating association (${operatorSlug}) changes the course of this measure.`
            : `Only the prescriber (${row.prescribedBy}) or the operating association (${operatorSlug}) cancels this measure.`,
        );
      }
      if (row.version !== expectedVersion) {
        throw new ConflictError(
          `Measure ${row.id} is at version ${row.version}, not ${expectedVersion}: someone changed it meanwhile. Reload it and apply your change again.`,
        );
      }
      const scheme = await tx.getRepository(SchemeEntity).findOneByOrFail({ code: row.schemeCode });
      const result = applyTransition(row, action, scheme, this.today());
      if (!result.ok) {
        const { refusal } = result;
        throw refusal.code === 'CONFLICT'
          ? new ConflictError(refusal.message)
          : new BadUserInputError(refusal.message, refusal.field);
      }
      Object.assign(row, result.state, { version: row.version + 1 });
      await tx.getRepository(MeasureEntity).save(row);
      return row;
    });
  }

  /**
   * An existing household record the caller reaches: one with a measure it reads (policy.ts) or
   * prescribed. Any other answers as an absent one, so that a prescription never reads, nor tells
   * the existence of, a household record the caller may not see.
   */
  private async reachableHousehold(
    tx: EntityManager,
    viewer: Viewer,
    partner: Partner,
    id: string,
  ): Promise<HouseholdEntity | null> {
    const [readable, params] = readableBy(viewer, 'm');
    return tx
      .getRepository(HouseholdEntity)
      .createQueryBuilder('h')
      .where('h.id = :id', { id })
      .andWhere(
        `EXISTS (SELECT 1 FROM measure m WHERE m.household_id = h.id AND (${readable} OR m.prescribed_by = :caller))`,
        { ...params, caller: partner.partner },
      )
      .getOne();
  }

  /**
   * Locks the measure when the caller may act on it: it reads it (policy.ts) or prescribed it.
   * Absent and hidden measures give the same NOT_FOUND.
   */
  private async lockActionable(
    tx: EntityManager,
    viewer: Viewer,
    partner: Partner,
    id: string,
  ): Promise<{ row: MeasureEntity; operatorSlug: string }> {
    const [readable, params] = readableBy(viewer, 'm');
    const row = await tx
      .getRepository(MeasureEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id })
      .andWhere(`(${readable} OR m.prescribed_by = :caller)`, { ...params, caller: partner.partner })
      .getOne();
    if (!row) throw new NotFoundError('Measure', id);
    const [{ slug }] = (await tx.query(`SELECT slug FROM operator WHERE id = $1`, [row.operatorId])) as {
      slug: string;
    }[];
    return { row, operatorSlug: slug! };
  }
}

const NOT_YET = {
  diagnosticOn: null,
  startedOn: null,
  plannedEndOn: null,
  referent: null,
  renewedOn: null,
  suspendedOn: null,
  suspendedFrom: null,
  closedOn: null,
  closureMotive: null,
  cancelledOn: null,
  cancellationReason: null,
};

function validateNewHousehold(household: NewHouseholdInput): void {
  const label = household.label.trim();
  if (label.length === 0 || label.length > 120) {
    throw new BadUserInputError('The household label has 1 to 120 characters.', 'newHousehold.label');
  }
  if (/\b[12]\s?\d{2}\s?\d{2}\s?\d{2}\s?\d{3}\s?\d{3}/.test(label)) {
    throw new BadUserInputError(
      'The household label must not hold a NIR (social security number).',
      'newHousehold.label',
    );
  }
  if (!Number.isInteger(household.adults) || household.adults < 1 || household.adults > 20) {
    throw new BadUserInputError('A household has 1 to 20 adults.', 'newHousehold.adults');
  }
  if (!Number.isInteger(household.children) || household.children < 0 || household.children > 30) {
    throw new BadUserInputError('A household has 0 to 30 children.', 'newHousehold.children');
  }
  if (!isCommuneCode(household.commune) || !officialGeography.find(household.commune)) {
    throw new BadUserInputError(
      `"${household.commune}" is not a commune of the official geography (an INSEE code).`,
      'newHousehold.commune',
    );
  }
  if (household.qpv != null && !officialGeography.qpvsOf(household.commune).some((qpv) => qpv.code === household.qpv)) {
    throw new BadUserInputError(`"${household.qpv}" is not a QPV of commune ${household.commune}.`, 'newHousehold.qpv');
  }
  if (household.demandId != null && !isUuid(household.demandId)) {
    throw new BadUserInputError(`"${household.demandId}" is not a demand id (a UUID).`, 'newHousehold.demandId');
  }
}

function newHouseholdRow(input: NewHouseholdInput): HouseholdEntity {
  return Object.assign(new HouseholdEntity(), {
    id: randomUUID(),
    label: input.label.trim(),
    adults: input.adults,
    children: input.children,
    commune: input.commune,
    qpv: input.qpv ?? null,
    demandId: input.demandId?.toLowerCase() ?? null,
    createdAt: new Date(),
  });
}
