import { randomUUID } from 'node:crypto';
import { parisDate, type CalendarDate } from '@passerelle/shared/dates';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@passerelle/shared/errors';
import { isAuthenticated, type Viewer } from '@passerelle/shared/identity';
import { pageSize } from '@passerelle/shared/pagination';
import { isUuid, requireUuid } from '@passerelle/shared/validation';
import type { DataSource, EntityManager } from 'typeorm';
import { MeasureEntity } from '../measure/measure.entity';
import { readableBy } from '../measure/measure.repository';
import type { Clock } from '@passerelle/shared/dates';
import type { OperatorLoaders } from '../operator/operator.loaders';
import { requirePartner, type Partner } from '../policy';
import { ConsentEntity, DiagnosticEntity } from './diagnostic.entity';
import { gridColumns } from './diagnostic.grid';
import type { RecordConsentInput, RecordDiagnosticInput } from './diagnostic.inputs';
import type { DiagnosticLoaders } from './diagnostic.loaders';
import {
  AUTHOR_NAME_MAX,
  CONCLUSION_MAX,
  mayReadDiagnosticContent,
  validateDay,
  validateGrid,
  validateScope,
  type InputRefusal,
} from './diagnostic.rules';
import type { Diagnostic, HouseholdConsent } from './diagnostic.type';

/** Steps at which a diagnostic may be written: DIAGNOSTIC or later, not CANCELLED. */
const DIAGNOSED = ['DIAGNOSTIC', 'ACTIVE', 'RENEWED', 'SUSPENDED', 'CLOSED'];

/**
 * Social diagnostics and consents: the write side (one transaction each; a refusal changes nothing)
 * and the consent check the field policy applies to content reads (`policy.ts`). Absent and hidden
 * records give the same NOT_FOUND.
 */
export class DiagnosticService {
  constructor(
    private readonly db: DataSource,
    private readonly now: Clock,
  ) {}

  today(): CalendarDate {
    return parisDate(this.now());
  }

  /** Records a diagnostic: by the operating association, on a measure at DIAGNOSTIC or later. */
  async record(viewer: Viewer, input: RecordDiagnosticInput): Promise<Diagnostic> {
    const partner = requirePartner(viewer, 'Recording a diagnostic');
    const measureId = requireUuid(input.measure, 'measure', 'a measure');
    const authorName = input.authorName.trim();
    if (authorName.length === 0 || authorName.length > AUTHOR_NAME_MAX) {
      throw new BadUserInputError(`The author's name has 1 to ${AUTHOR_NAME_MAX} characters.`, 'authorName');
    }
    const conclusion = input.conclusion.trim();
    if (conclusion.length === 0 || conclusion.length > CONCLUSION_MAX) {
      throw new BadUserInputError(`The conclusion has 1 to ${CONCLUSION_MAX} characters.`, 'conclusion');
    }
    refuse(validateGrid(input.scores));
    const today = this.today();
    const writtenOn = input.writtenOn ?? today;
    refuse(validateDay('writtenOn', writtenOn, today));

    return this.db.transaction(async (tx) => {
      const [readable, params] = readableBy(viewer, 'm');
      const measure = await tx
        .getRepository(MeasureEntity)
        .createQueryBuilder('m')
        .setLock('pessimistic_write')
        .where('m.id = :id', { id: measureId })
        .andWhere(`(${readable})`, params)
        .getOne();
      if (!measure) throw new NotFoundError('Measure', measureId);
      const slug = await operatorSlug(tx, measure.operatorId);
      if (slug !== partner.partner) {
        throw new ForbiddenError(`Only the operating association (${slug}) records a diagnostic of this measure.`);
      }
      if (!DIAGNOSED.includes(measure.status)) {
        throw new ConflictError(
          `Measure ${measure.id} is ${measure.status}: a diagnostic is written once the diagnostic step has begun (startDiagnostic), and never on a cancelled measure.`,
        );
      }
      const since = measure.diagnosticOn ?? measure.prescribedOn;
      refuse(validateDay('writtenOn', writtenOn, today, { day: since, what: 'the diagnostic step' }));
      const row = Object.assign(new DiagnosticEntity(), {
        id: randomUUID(),
        measureId: measure.id,
        householdId: measure.householdId,
        operatorId: measure.operatorId,
        authorName,
        authorProfession: input.authorProfession,
        writtenOn,
        ...gridColumns(input.scores),
        conclusion,
        recommendedScheme: input.recommendedScheme,
        recordedBy: partner.partner,
      });
      await tx.getRepository(DiagnosticEntity).insert(row);
      return toDiagnostic(await tx.getRepository(DiagnosticEntity).findOneByOrFail({ id: row.id }));
    });
  }

  /** Records the household's consent, as said to the operator accompanying it. */
  async recordConsent(viewer: Viewer, input: RecordConsentInput): Promise<HouseholdConsent> {
    const partner = requirePartner(viewer, 'Recording a consent');
    const householdId = requireUuid(input.household, 'household', 'a household record');
    refuse(validateScope(input.scope));
    const today = this.today();
    const givenOn = input.givenOn ?? today;
    refuse(validateDay('givenOn', givenOn, today));
    return this.db.transaction(async (tx) => {
      await requireAccompanyingOperator(tx, viewer, partner, householdId, 'Household');
      const row = Object.assign(new ConsentEntity(), {
        id: randomUUID(),
        householdId,
        givenOn,
        scope: input.scope,
        withdrawnOn: null,
        recordedBy: partner.partner,
        withdrawalRecordedBy: null,
      });
      await tx.getRepository(ConsentEntity).insert(row);
      return toConsent(await tx.getRepository(ConsentEntity).findOneByOrFail({ id: row.id }));
    });
  }

  /** Records the withdrawal of a consent: effective from `withdrawnOn` (default today), set once. */
  async withdrawConsent(viewer: Viewer, id: string, withdrawnOn: string | undefined): Promise<HouseholdConsent> {
    const partner = requirePartner(viewer, 'Withdrawing a consent');
    const consentId = requireUuid(id, 'id', 'a consent');
    const today = this.today();
    const day = withdrawnOn ?? today;
    refuse(validateDay('withdrawnOn', day, today));
    return this.db.transaction(async (tx) => {
      const consent = await tx
        .getRepository(ConsentEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id: consentId })
        .getOne();
      if (!consent) throw new NotFoundError('Consent', consentId);
      await requireAccompanyingOperator(tx, viewer, partner, consent.householdId, 'Consent', consentId);
      if (consent.withdrawnOn !== null) {
        throw new ConflictError(`This consent was already withdrawn on ${consent.withdrawnOn}.`);
      }
      refuse(validateDay('withdrawnOn', day, today, { day: consent.givenOn, what: 'the day the consent was given' }));
      await tx.getRepository(ConsentEntity).update(
        { id: consent.id },
        {
          withdrawnOn: day,
          withdrawalRecordedBy: partner.partner,
        },
      );
      return toConsent(await tx.getRepository(ConsentEntity).findOneByOrFail({ id: consent.id }));
    });
  }

  /** Diagnostics of a readable measure (existence follows the measure's read access). */
  async ofMeasure(loaders: DiagnosticLoaders, measureId: string): Promise<Diagnostic[]> {
    return (await loaders.diagnosticsOfMeasure.load(measureId)).map(toDiagnostic);
  }

  /** Diagnostics of a demand's household whose existence the viewer may learn; empty otherwise. */
  async ofDemand(loaders: DiagnosticLoaders, demandId: string, first: number | undefined): Promise<Diagnostic[]> {
    const size = pageSize(first);
    if (!isUuid(demandId)) return [];
    return (await loaders.diagnosticsOfDemand(size).load(demandId.toLowerCase())).map(toDiagnostic);
  }

  /**
   * Whether the demand's household is accompanied now, on the measures whose existence the viewer
   * may learn (false for the others). Who may ask at all is the field policy's `allows`.
   */
  async isAccompanied(loaders: DiagnosticLoaders, demandId: string): Promise<boolean> {
    if (!isUuid(demandId)) return false;
    return loaders.isAccompanied.load(demandId.toLowerCase());
  }

  /**
   * Whether the viewer may read the diagnostic's content (the consent rule, `mayReadDiagnosticContent`):
   * the field policy's `allows` for the content fields, after their class (SENSITIVE) was checked.
   */
  async mayReadContent(
    viewer: Viewer,
    loaders: DiagnosticLoaders & OperatorLoaders,
    diagnostic: Diagnostic,
  ): Promise<boolean> {
    if (!isAuthenticated(viewer)) return false;
    const [operator, consents] = await Promise.all([
      loaders.operatorById.load(diagnostic.row.operatorId),
      loaders.consentsOfHousehold.load(diagnostic.row.householdId),
    ]);
    return (
      operator !== null &&
      mayReadDiagnosticContent({ kind: viewer.kind, partner: viewer.partner }, operator.slug, consents, this.today())
    );
  }
}

export function toDiagnostic(row: DiagnosticEntity): Diagnostic {
  return { id: row.id, writtenOn: row.writtenOn, row };
}

export function toConsent(row: ConsentEntity): HouseholdConsent {
  return {
    id: row.id,
    household: row.householdId,
    givenOn: row.givenOn,
    scope: row.scope,
    withdrawnOn: row.withdrawnOn,
  };
}

function refuse(refusal: InputRefusal | null): void {
  if (refusal) throw new BadUserInputError(refusal.message, refusal.field);
}

async function operatorSlug(tx: EntityManager, operatorId: string): Promise<string> {
  const [{ slug }] = (await tx.query(`SELECT slug FROM operator WHERE id = $1`, [operatorId])) as { slug: string }[];
  return slug!;
}

/**
 * The caller operates a (non-cancelled) measure of the household. A household none of whose
 * measures the caller reads gives the same NOT_FOUND as an absent one (`entity`, `id`); one it
 * reads but does not accompany gives FORBIDDEN. Locks the household row, serialising its consents.
 */
async function requireAccompanyingOperator(
  tx: EntityManager,
  viewer: Viewer,
  partner: Partner,
  householdId: string,
  entity: string,
  id: string = householdId,
): Promise<void> {
  await tx.query(`SELECT 1 FROM household WHERE id = $1 FOR UPDATE`, [householdId]);
  const [readable, params] = readableBy(viewer, 'm');
  const rows: { operator: string; status: string }[] = await tx
    .createQueryBuilder()
    .select('o.slug', 'operator')
    .addSelect('m.status', 'status')
    .from('measure', 'm')
    .innerJoin('operator', 'o', 'o.id = m.operator_id')
    .where('m.household_id = :householdId', { householdId })
    .andWhere(`(${readable})`, params)
    .getRawMany();
  if (rows.length === 0) throw new NotFoundError(entity, id);
  if (!rows.some((row) => row.operator === partner.partner && row.status !== 'CANCELLED')) {
    throw new ForbiddenError('Only the operator accompanying the household records what it says about consent.');
  }
}
