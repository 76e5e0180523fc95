import { randomUUID } from 'node:crypto';
import { isCalendarDate, parisDate, type CalendarDate, type Clock } from '@passerelle/shared/dates';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@passerelle/shared/errors';
import { officialGeography } from '@passerelle/shared/geography';
import { isAuthenticated, type Viewer } from '@passerelle/shared/identity';
import { requireUuid } from '@passerelle/shared/validation';
import type { DataSource, EntityManager } from 'typeorm';
import { AttributionEntity } from '../attribution/attribution.entity';
import { attributionSnapshot } from '../attribution/attribution-snapshot';
import { FirstQuartileThresholdEntity } from '../attribution/first-quartile-threshold.entity';
import { DwellingEntity } from '../dwelling/dwelling.entity';
import { FluxAgreementEntity } from '../flux/flux-agreement.entity';
import { LandlordEntity } from '../landlord/landlord.entity';
import { ProposalEntity } from '../proposal/proposal.entity';
import { ProposalOutcome } from '../proposal/proposal.enums';
import { ReservationHolderEntity } from '../reservation-holder/reservation-holder.entity';
import { ReservationHolderKind } from '../reservation-holder/reservation-holder.enums';
import type { AttributionHouseholdInput, DeclareVacancyInput } from './vacancy-lifecycle.inputs';
import { VacancyTransitionEntity } from './vacancy-transition.entity';
import { VacancyEntity } from './vacancy.entity';
import { VacancyStatus } from './vacancy.enums';
import {
  applyVacancyAction,
  type CandidacyState,
  type TransitionOutcome,
  type VacancyAction,
} from './vacancy.transitions';

/** A lifecycle step as a client asks it: the pure action, less what the service supplies. */
export type VacancyRequest =
  | { type: 'ORIENT'; reservationHolder: string; on?: CalendarDate }
  | { type: 'DESIGNATE'; candidates: string[]; dalo: boolean; fewerCandidatesReason?: string | null; on?: CalendarDate }
  | { type: 'EXAMINE_IN_CAL'; on?: CalendarDate }
  | { type: 'NOTIFY_OFFER'; proposal: string; on?: CalendarDate }
  | {
      type: 'ANSWER_OFFER';
      proposal: string;
      accepted: boolean;
      motive: ProposalEntity['refusalMotiveCode'];
      words?: string | null;
      on?: CalendarDate;
    }
  | { type: 'SIGN_LEASE'; proposal: string; on?: CalendarDate; household: AttributionHouseholdInput }
  | { type: 'RETURN'; reason: string; on?: CalendarDate };

/**
 * Who asks each step (issue 5): the landlord decides the orientation, holds the CAL, notifies and
 * signs; the reservation holder the vacancy is oriented to designates; either gives the vacancy back.
 */
const ACTORS: Record<VacancyRequest['type'], 'LANDLORD' | 'HOLDER' | 'EITHER'> = {
  ORIENT: 'LANDLORD',
  DESIGNATE: 'HOLDER',
  EXAMINE_IN_CAL: 'LANDLORD',
  NOTIFY_OFFER: 'LANDLORD',
  ANSWER_OFFER: 'LANDLORD',
  SIGN_LEASE: 'LANDLORD',
  RETURN: 'EITHER',
};

interface Locked {
  vacancy: VacancyEntity;
  dwelling: DwellingEntity;
  landlord: LandlordEntity;
  holder: ReservationHolderEntity | null;
}

/**
 * The write side of vacancies: every step is one transaction that locks the vacancy row, checks
 * the caller's role and the optimistic version, applies the pure lifecycle
 * (`vacancy.transitions.ts`) and writes the vacancy, its dated step, its candidacies and, at
 * signature, the attribution. A refusal changes nothing.
 */
export class VacancyLifecycleService {
  constructor(
    private readonly db: DataSource,
    private readonly now: Clock,
  ) {}

  private today(): CalendarDate {
    return parisDate(this.now());
  }

  /** Opens a vacancy on one of the caller's dwellings (status VACATED). */
  async declare(viewer: Viewer, input: DeclareVacancyInput): Promise<VacancyEntity> {
    const partner = requirePartner(viewer, 'Declaring a vacancy');
    const dwellingId = requireUuid(input.dwelling, 'input.dwelling', 'a dwelling');
    const today = this.today();
    const vacatedOn = input.vacatedOn ?? today;
    if (!isCalendarDate(vacatedOn) || vacatedOn > today) {
      throw new BadUserInputError(
        `"vacatedOn" is ${vacatedOn}: a vacancy is declared once the dwelling is freed, never ahead.`,
        'input.vacatedOn',
      );
    }
    return this.db.transaction(async (tx) => {
      // Locks the dwelling only (not the landlord row the join reads).
      const dwelling = await tx
        .getRepository(DwellingEntity)
        .createQueryBuilder('d')
        .setLock('pessimistic_write', undefined, ['d'])
        .innerJoin(LandlordEntity, 'l', 'l.id = d.landlord_id AND l.slug = :slug', { slug: partner })
        .where('d.id = :id', { id: dwellingId })
        .getOne();
      if (!dwelling) throw new NotFoundError('Dwelling', dwellingId);
      const open = await tx
        .getRepository(VacancyEntity)
        .createQueryBuilder('v')
        .where("v.dwelling_id = :id AND v.status <> 'LEASE_SIGNED'", { id: dwelling.id })
        .getOne();
      if (open) {
        throw new ConflictError(
          `Dwelling ${dwelling.rplsId} is already being let (vacancy ${open.id}, ${open.status}): one vacancy at a time.`,
        );
      }
      const vacancy = Object.assign(new VacancyEntity(), {
        id: randomUUID(),
        dwellingId: dwelling.id,
        status: VacancyStatus.VACATED,
        vacatedOn,
        reservationHolderId: null,
        tenantDemandId: null,
        leaseSignedOn: null,
        origin: input.origin,
        version: 1,
      });
      await tx.getRepository(VacancyEntity).insert(vacancy);
      await tx
        .getRepository(VacancyTransitionEntity)
        .insert(
          transitionRow(vacancy.id, 1, { status: VacancyStatus.VACATED, on: vacatedOn, note: null }, null, partner),
        );
      return vacancy;
    });
  }

  /** Applies one lifecycle step to a vacancy, for the partner whose role it is. */
  change(viewer: Viewer, id: string, expectedVersion: number, request: VacancyRequest): Promise<VacancyEntity> {
    const partner = requirePartner(viewer, 'Changing a vacancy');
    const vacancyId = requireUuid(id, 'id', 'a vacancy');
    return this.db.transaction(async (tx) => {
      const locked = await this.lockActionable(tx, partner, vacancyId);
      const { vacancy, landlord, holder } = locked;
      const role = ACTORS[request.type];
      const isLandlord = landlord.slug === partner;
      const isHolder = holder?.slug === partner;
      if (
        (role === 'LANDLORD' && !isLandlord) ||
        (role === 'HOLDER' && !isHolder) ||
        (role === 'EITHER' && !isLandlord && !isHolder)
      ) {
        throw new ForbiddenError(refusalFor(role, landlord, holder));
      }
      if (vacancy.version !== expectedVersion) {
        throw new ConflictError(
          `Vacancy ${vacancy.id} is at version ${vacancy.version}, not ${expectedVersion}: someone changed it meanwhile. Reload it and apply your step again.`,
        );
      }
      const { candidacies, apply } = await stateOf(tx, vacancy);
      const result = apply(await this.actionOf(tx, request, locked), this.today());
      if (!result.ok) {
        const { refusal } = result;
        throw refusal.code === 'CONFLICT'
          ? new ConflictError(refusal.message)
          : new BadUserInputError(refusal.message, refusal.field);
      }
      await this.write(tx, locked, candidacies, result.outcome, request, partner);
      return tx.getRepository(VacancyEntity).findOneByOrFail({ id: vacancy.id });
    });
  }

  /**
   * CCH R441-10: an offer not answered within the 10 days is refused, motive NO_ANSWER, the day
   * after. Idempotent; run daily (`npm run -s offers:lifecycle`). Returns the candidacies refused.
   */
  async expireUnansweredOffers(asOf: CalendarDate = this.today()): Promise<number> {
    const due: { id: string; vacancy_id: string }[] = await this.db.query(
      `SELECT id, vacancy_id FROM proposal WHERE outcome = 'OFFER_NOTIFIED' AND answer_due_on < $1 ORDER BY vacancy_id, id`,
      [asOf],
    );
    let refused = 0;
    for (const { id, vacancy_id: vacancyId } of due) {
      await this.db.transaction(async (tx) => {
        const vacancy = await tx
          .getRepository(VacancyEntity)
          .createQueryBuilder('v')
          .setLock('pessimistic_write')
          .where('v.id = :id', { id: vacancyId })
          .getOneOrFail();
        const result = (await stateOf(tx, vacancy)).apply({ type: 'EXPIRE_OFFER', proposalId: id }, asOf);
        // Answered or moved on since the list was read: nothing to do.
        if (!result.ok) return;
        await this.applyCandidacyChanges(tx, result.outcome);
        await tx.getRepository(VacancyEntity).update({ id: vacancyId }, { version: vacancy.version + 1 });
        refused++;
      });
    }
    return refused;
  }

  /** The pure action for a request, with what only the database knows (holders, agreements). */
  private async actionOf(tx: EntityManager, request: VacancyRequest, locked: Locked): Promise<VacancyAction> {
    const on = this.dayOf(request.on);
    switch (request.type) {
      case 'ORIENT': {
        const holderId = requireUuid(request.reservationHolder, 'reservationHolder', 'a reservation holder');
        const holder = await tx.getRepository(ReservationHolderEntity).findOneBy({ id: holderId });
        if (!holder) throw new BadUserInputError(`No reservation holder ${holderId}.`, 'reservationHolder');
        await requireAgreement(tx, locked, holder, on);
        return { type: 'ORIENT', reservationHolderId: holder.id, on };
      }
      case 'DESIGNATE':
        return {
          type: 'DESIGNATE',
          demandIds: request.candidates.map((id, index) => requireUuid(id, `candidates.${index}`, 'a demand')),
          dalo: request.dalo,
          byState: locked.holder?.kind === ReservationHolderKind.STATE,
          fewerCandidatesReason: request.fewerCandidatesReason ?? null,
          on,
        };
      case 'EXAMINE_IN_CAL':
        return { type: 'EXAMINE_IN_CAL', on };
      case 'NOTIFY_OFFER':
        return { type: 'NOTIFY_OFFER', proposalId: requireUuid(request.proposal, 'proposal', 'a proposal'), on };
      case 'ANSWER_OFFER':
        if (request.words != null && request.words.trim().length > 500) {
          throw new BadUserInputError('The refusal’s words have at most 500 characters.', 'refusalWords');
        }
        return {
          type: 'ANSWER_OFFER',
          proposalId: requireUuid(request.proposal, 'proposal', 'a proposal'),
          accepted: request.accepted,
          motive: request.motive ?? null,
          on,
        };
      case 'SIGN_LEASE':
        validateHousehold(request.household);
        return { type: 'SIGN_LEASE', proposalId: requireUuid(request.proposal, 'input.proposal', 'a proposal'), on };
      case 'RETURN':
        return { type: 'RETURN', reason: request.reason, on };
    }
  }

  private dayOf(day: CalendarDate | null | undefined): CalendarDate {
    return day ?? this.today();
  }

  private async write(
    tx: EntityManager,
    locked: Locked,
    candidacies: ProposalEntity[],
    outcome: TransitionOutcome,
    request: VacancyRequest,
    partner: string,
  ): Promise<void> {
    const { vacancy } = locked;
    const next = outcome.vacancy;
    const signed =
      request.type === 'SIGN_LEASE' ? candidacies.find((c) => c.id === request.proposal.toLowerCase())! : null;
    await tx.getRepository(VacancyEntity).update(
      { id: vacancy.id },
      {
        status: next.status,
        reservationHolderId: next.reservationHolderId,
        version: vacancy.version + 1,
        ...(signed ? { tenantDemandId: signed.demandId, leaseSignedOn: outcome.step!.on } : {}),
      },
    );
    if (outcome.step) {
      const [{ position }] = (await tx.query(
        `SELECT coalesce(max(position), 0) + 1 AS position FROM vacancy_transition WHERE vacancy_id = $1`,
        [vacancy.id],
      )) as { position: number }[];
      await tx
        .getRepository(VacancyTransitionEntity)
        .insert(
          transitionRow(
            vacancy.id,
            position!,
            outcome.step,
            outcome.step.status === VacancyStatus.ORIENTED ? next.reservationHolderId : null,
            partner,
          ),
        );
    }
    if (outcome.designated.length > 0) {
      await tx.getRepository(ProposalEntity).insert(
        outcome.designated.map((candidate) =>
          Object.assign(new ProposalEntity(), {
            id: randomUUID(),
            vacancyId: vacancy.id,
            demandId: candidate.demandId,
            designatedById: vacancy.reservationHolderId!,
            designatedOn: outcome.step!.on,
            outcome: ProposalOutcome.DESIGNATED,
            outcomeOn: outcome.step!.on,
            refusalMotive: null,
            dalo: candidate.dalo,
            notifiedOn: null,
            answerDueOn: null,
            refusalMotiveCode: null,
          }),
        ),
      );
    }
    await this.applyCandidacyChanges(
      tx,
      outcome,
      request.type === 'ANSWER_OFFER' ? request.words?.trim() || null : null,
    );
    if (signed && request.type === 'SIGN_LEASE') {
      await tx
        .getRepository(AttributionEntity)
        .insert(await this.attributionRow(tx, locked, signed, outcome.step!.on, request.household, partner));
    }
  }

  private async applyCandidacyChanges(
    tx: EntityManager,
    outcome: TransitionOutcome,
    refusalWords: string | null = null,
  ) {
    for (const change of outcome.changed) {
      await tx.getRepository(ProposalEntity).update(
        { id: change.id },
        {
          outcome: change.outcome,
          outcomeOn: change.outcomeOn,
          ...(change.notifiedOn ? { notifiedOn: change.notifiedOn, answerDueOn: change.answerDueOn } : {}),
          ...(change.refusalMotiveCode
            ? { refusalMotiveCode: change.refusalMotiveCode, refusalMotive: refusalWords }
            : {}),
        },
      );
    }
  }

  /** The attribution of a signed lease: the dwelling's and the household's situation at signature. */
  private async attributionRow(
    tx: EntityManager,
    { vacancy, dwelling, landlord }: Locked,
    proposal: ProposalEntity,
    leaseSignedOn: CalendarDate,
    household: AttributionHouseholdInput,
    partner: string,
  ): Promise<AttributionEntity> {
    const epci = officialGeography.epciOf(dwelling.commune);
    const threshold = epci
      ? await tx
          .getRepository(FirstQuartileThresholdEntity)
          .findOneBy({ epci, year: Number(leaseSignedOn.slice(0, 4)) })
      : null;
    return Object.assign(new AttributionEntity(), {
      id: randomUUID(),
      vacancyId: vacancy.id,
      proposalId: proposal.id,
      demandId: proposal.demandId,
      landlordId: landlord.id,
      reservationHolderId: vacancy.reservationHolderId!,
      leaseSignedOn,
      ...attributionSnapshot(
        dwelling,
        { ...household, urbanRenewalRehousing: household.urbanRenewalRehousing ?? false },
        threshold?.eurosPerUnit ?? null,
      ),
      recordedBy: partner,
    });
  }

  /**
   * Locks the vacancy when the caller is its landlord or the reservation holder it is oriented
   * to; anyone else gets the NOT_FOUND of an absent vacancy.
   */
  private async lockActionable(tx: EntityManager, partner: string, id: string): Promise<Locked> {
    const vacancy = await tx
      .getRepository(VacancyEntity)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.id = :id', { id })
      .getOne();
    const dwelling = vacancy && (await tx.getRepository(DwellingEntity).findOneByOrFail({ id: vacancy.dwellingId }));
    const landlord = dwelling && (await tx.getRepository(LandlordEntity).findOneByOrFail({ id: dwelling.landlordId }));
    const holder = vacancy?.reservationHolderId
      ? await tx.getRepository(ReservationHolderEntity).findOneByOrFail({ id: vacancy.reservationHolderId })
      : null;
    if (!vacancy || !dwelling || !landlord || (landlord.slug !== partner && holder?.slug !== partner)) {
      throw new NotFoundError('Vacancy', id);
    }
    return { vacancy, dwelling, landlord, holder };
  }
}

/**
 * The landlord orients to its own non-reserved part freely; to another holder only under a flux
 * agreement of that year covering the dwelling's commune (décret 2020-145).
 */
async function requireAgreement(
  tx: EntityManager,
  { dwelling, landlord }: Locked,
  holder: ReservationHolderEntity,
  on: CalendarDate,
) {
  if (holder.kind === ReservationHolderKind.LANDLORD) {
    if (holder.slug === landlord.slug) return;
    throw new BadUserInputError(
      `${holder.name} is another landlord's own part: orient to a reservation holder, or to yourself.`,
      'reservationHolder',
    );
  }
  const covering = officialGeography.enclosing(dwelling.commune);
  const year = Number(on.slice(0, 4));
  const agreement = await tx
    .getRepository(FluxAgreementEntity)
    .createQueryBuilder('f')
    .where(
      'f.landlord_id = :landlord AND f.reservation_holder_id = :holder AND f.year = :year AND f.territory = ANY(:covering)',
      {
        landlord: landlord.id,
        holder: holder.id,
        year,
        covering,
      },
    )
    .getOne();
  if (!agreement) {
    throw new BadUserInputError(
      `${landlord.name} has no flux agreement with ${holder.name} for ${year} covering commune ${dwelling.commune}: record the agreement first (recordFluxAgreement), or orient to another holder.`,
      'reservationHolder',
    );
  }
}

/**
 * A locked vacancy's candidacies (oldest designation first), and the pure lifecycle applied to it
 * and them: what every step, the client's or the scheduled job's, starts from.
 */
async function stateOf(tx: EntityManager, vacancy: VacancyEntity) {
  const candidacies = await tx
    .getRepository(ProposalEntity)
    .find({ where: { vacancyId: vacancy.id }, order: { designatedOn: 'ASC', id: 'ASC' } });
  const state = {
    status: vacancy.status,
    vacatedOn: vacancy.vacatedOn,
    lastStepOn: await lastStepOf(tx, vacancy.id, candidacies),
    reservationHolderId: vacancy.reservationHolderId,
  };
  return {
    candidacies,
    apply: (action: VacancyAction, today: CalendarDate) =>
      applyVacancyAction(state, candidacies.map(toCandidacyState), action, today),
  };
}

/** The latest dated step: the last transition, or a later candidacy outcome (answers do not add a step). */
async function lastStepOf(tx: EntityManager, vacancyId: string, candidacies: ProposalEntity[]): Promise<CalendarDate> {
  const [{ last }] = (await tx.query(
    `SELECT max(occurred_on)::text AS last FROM vacancy_transition WHERE vacancy_id = $1`,
    [vacancyId],
  )) as { last: string }[];
  return candidacies.reduce((latest, c) => (c.outcomeOn > latest ? c.outcomeOn : latest), last!);
}

const toCandidacyState = (row: ProposalEntity): CandidacyState => ({
  id: row.id,
  demandId: row.demandId,
  outcome: row.outcome,
  outcomeOn: row.outcomeOn,
  answerDueOn: row.answerDueOn,
});

function transitionRow(
  vacancyId: string,
  position: number,
  step: NonNullable<TransitionOutcome['step']>,
  reservationHolderId: string | null,
  recordedBy: string | null,
): VacancyTransitionEntity {
  return Object.assign(new VacancyTransitionEntity(), {
    id: randomUUID(),
    vacancyId,
    position,
    status: step.status,
    occurredOn: step.on,
    reservationHolderId,
    note: step.note,
    recordedBy,
  });
}

function requirePartner(viewer: Viewer, what: string): string {
  if (!isAuthenticated(viewer)) throw new ForbiddenError(`${what} needs a partner token.`);
  return viewer.partner;
}

function refusalFor(
  role: 'LANDLORD' | 'HOLDER' | 'EITHER',
  landlord: LandlordEntity,
  holder: ReservationHolderEntity | null,
) {
  if (role === 'LANDLORD') return `Only the landlord (${landlord.slug}) takes this step of its vacancy.`;
  if (role === 'HOLDER') {
    return `Only the reservation holder the vacancy is oriented to (${holder?.slug ?? 'none yet'}) designates its candidates.`;
  }
  return `Only the landlord (${landlord.slug}) or the reservation holder (${holder?.slug ?? 'none'}) gives a vacancy back.`;
}

function validateHousehold(household: AttributionHouseholdInput): void {
  const ages = household.memberAges;
  if (ages.length < 1 || ages.length > 30) {
    throw new BadUserInputError(
      'A household has 1 to 30 persons: give each one’s age, the applicant first.',
      'input.household.memberAges',
    );
  }
  const wrong = ages.findIndex((age) => !Number.isInteger(age) || age < 0 || age > 130);
  if (wrong >= 0) {
    throw new BadUserInputError(
      `Age ${ages[wrong]} is not a whole number of years from 0 to 130.`,
      `input.household.memberAges.${wrong}`,
    );
  }
  if (
    !Number.isInteger(household.annualResources) ||
    household.annualResources < 0 ||
    household.annualResources > 10_000_000
  ) {
    throw new BadUserInputError(
      'Annual resources are whole euros from 0 to 10 000 000.',
      'input.household.annualResources',
    );
  }
}
