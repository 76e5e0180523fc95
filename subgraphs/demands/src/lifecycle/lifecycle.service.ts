import { createHash, randomUUID } from 'node:crypto';
import { parisDate, type CalendarDate, type Clock } from '@passerelle/shared/dates';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@passerelle/shared/errors';
import { CalDecisionType } from '@passerelle/shared/housing';
import { isAuthenticated, type CallerClaims, type Viewer } from '@passerelle/shared/identity';
import { isUuid } from '@passerelle/shared/validation';
import type { DataSource, EntityManager } from 'typeorm';
import type { DemandsSettings } from '../config';
import { DemandEventEntity } from '../demand-event/demand-event.entity';
import { DemandEventType } from '../demand-event/demand-event.enums';
import { DemandNirEntity } from '../demand/demand-nir.entity';
import { flagSuspectedDuplicates, refreshDerivedDates } from '../demand/demand.derived';
import { DemandEntity, type StoredPerson } from '../demand/demand.entity';
import { DemandKind, DemandStatus, type PriorityLabel, type RadiationMotive } from '../demand/demand.enums';
import { formatNur, nurMonth } from '../registration/nur';
import { nirHash } from '../registration/nir';
import {
  contentProblems,
  departementOf,
  filingDateProblem,
  householdAggregates,
  territoryCodesOf,
  type DemandContent,
  type Problem,
} from '../registration/registration.rules';
import { REGISTRATION_DESKS, eventRecordingRefusal } from './event.rules';
import {
  type LifecycleFacts,
  type Refusal,
  radiationRefusal,
  reactivationRefusal,
  renewalRefusal,
  validUntilAfter,
  validUntilAfterReactivation,
} from './lifecycle.rules';
import { DEFAULT_DALO_OFFER_MONTHS, PRIORITY_SETTERS, daloOfferDeadline, maySetPriority } from './priority.rules';

type Partner = CallerClaims & { authenticated: true };

/** What a desk records along with a change: events for the timeline. */
type NewEvent = Pick<DemandEventEntity, 'type'> & Partial<Pick<DemandEventEntity, 'detail' | 'occurredAt'>>;

/**
 * The register's write side: every change is one transaction that locks the demand, checks the
 * caller's role and the optimistic version, applies a pure rule, writes the row with the next
 * version and its timeline events, then re-derives the stored due dates and duplicate flags.
 * A refusal changes nothing.
 */
export class DemandLifecycleService {
  constructor(
    private readonly db: DataSource,
    private readonly settings: DemandsSettings,
    private readonly now: Clock = () => new Date(),
  ) {}

  private today(): CalendarDate {
    return parisDate(this.now());
  }

  /**
   * A transaction retried when PostgreSQL aborts it for a deadlock or a serialization failure:
   * two desks changing two demands that share a NIR update each other's duplicate flag, and the
   * loser of that race simply runs again (nothing of it was written).
   */
  private async transaction<T>(work: (tx: EntityManager) => Promise<T>, attempt = 1): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code === '40P01' || code === '40001') && attempt < 3) return this.transaction(work, attempt + 1);
      throw error;
    }
  }

  /** Registers a demand and delivers its NUR (CCH L441-2-1). */
  async register(viewer: Viewer, content: DemandContent, filingDate: CalendarDate | undefined): Promise<DemandEntity> {
    const desk = requireDesk(viewer);
    const today = this.today();
    const filedOn = filingDate ?? today;
    rejectProblems([...contentProblems(content, today), ...nonNull(filingDateProblem(filedOn, today))]);
    const territoryCodes = territoryCodesOf(content.wishedCommunes);
    if (!territoryCodes.some((code) => desk.territories.includes(code))) {
      throw new ForbiddenError('You register demands wishing communes of your own territories only.');
    }
    const departement = departementOf(content.wishedCommunes[0]!);
    return this.transaction(async (tx) => {
      const [{ last }] = (await tx.query(
        `INSERT INTO nur_sequence (departement, year_month, last) VALUES ($1, $2, 1)
         ON CONFLICT (departement, year_month) DO UPDATE SET last = nur_sequence.last + 1 RETURNING last`,
        [departement, nurMonth(filedOn)],
      )) as [{ last: number }];
      const row = Object.assign(new DemandEntity(), {
        id: randomUUID(),
        nur: formatNur(departement, filedOn, last),
        version: 1,
        registeredBy: desk.partner,
        departement,
        status: DemandStatus.ACTIVE,
        radiationMotive: null,
        radiatedOn: null,
        filingDate: filedOn,
        validUntil: validUntilAfter(filedOn),
        priorities: [],
        priorityLabels: [],
        daloOfferDeadline: null,
        answerRequestedOn: null,
        renewalNoticeFor: null,
        lastDesignatedOn: null,
        designationAlertOn: null,
        dalDate: null,
        suspectedDuplicate: false,
        purgedOn: null,
        ...contentColumns(content),
      });
      await tx.getRepository(DemandEntity).insert(row);
      await this.appendEvents(tx, row.id, desk, [{ type: DemandEventType.REGISTERED, detail: row.nur }]);
      await this.replaceNirHashes(tx, row.id, content);
      return this.rederive(tx, row.id);
    });
  }

  /** Replaces the demand's content with the corrected form; the timeline names the rubrics that changed. */
  modify(viewer: Viewer, id: string, expectedVersion: number, content: DemandContent) {
    const desk = requireDesk(viewer);
    const today = this.today();
    rejectProblems(contentProblems(content, today));
    return this.change(desk, id, expectedVersion, async (row, tx) => {
      if (row.status !== DemandStatus.ACTIVE) {
        throw new ConflictError('A radiated demand is not modified; reactivate it first.');
      }
      const territoryCodes = territoryCodesOf(content.wishedCommunes);
      if (departementOf(content.wishedCommunes[0]!) !== row.departement) {
        throw new BadUserInputError(
          `The demand is registered in département ${row.departement}: its wished communes stay there (file a new demand elsewhere).`,
          'wishedCommunes',
        );
      }
      if (!territoryCodes.some((code) => desk.territories.includes(code))) {
        throw new ForbiddenError('The corrected wishes would leave your territories: ask a desk of the new territory.');
      }
      const next = contentColumns(content);
      const changed = changedRubrics(row, next);
      const nirsChanged = await this.replaceNirHashes(tx, row.id, content);
      if (nirsChanged) changed.push('identity numbers');
      if (changed.length === 0) {
        throw new ConflictError('Nothing changed: the content sent is the demand as it stands.');
      }
      Object.assign(row, next, { answerRequestedOn: null });
      return [{ type: DemandEventType.MODIFIED, detail: changed.join(', ') }];
    });
  }

  /** Renews the demand for one year (CCH R441-2-7), keeping its NUR and filing date. */
  renew(viewer: Viewer, id: string, expectedVersion: number) {
    const desk = requireDesk(viewer);
    return this.change(desk, id, expectedVersion, async (row, tx) => {
      const today = this.today();
      refuseIf(renewalRefusal(await this.facts(tx, row), today));
      row.validUntil = validUntilAfter(today);
      row.answerRequestedOn = null;
      return [{ type: DemandEventType.RENEWED, detail: `valid until ${row.validUntil}` }];
    });
  }

  /** Radiates the demand for one of the closed list of motives, each under its own condition. */
  radiate(viewer: Viewer, id: string, expectedVersion: number, motive: RadiationMotive) {
    const desk = requireDesk(viewer);
    return this.change(desk, id, expectedVersion, async (row, tx) => {
      const today = this.today();
      refuseIf(radiationRefusal(await this.facts(tx, row), motive, today));
      Object.assign(row, { status: DemandStatus.RADIATED, radiationMotive: motive, radiatedOn: today });
      return [{ type: DemandEventType.RADIATED, detail: motive }];
    });
  }

  /** Reactivates a demand radiated for non-renewal or no answer, within its window. */
  reactivate(viewer: Viewer, id: string, expectedVersion: number) {
    const desk = requireDesk(viewer);
    return this.change(desk, id, expectedVersion, async (row, tx) => {
      const today = this.today();
      const facts = await this.facts(tx, row);
      refuseIf(reactivationRefusal(facts, today));
      Object.assign(row, {
        status: DemandStatus.ACTIVE,
        radiationMotive: null,
        radiatedOn: null,
        answerRequestedOn: null,
        validUntil: validUntilAfterReactivation(facts, today),
      });
      return [{ type: DemandEventType.REACTIVATED, detail: `valid until ${row.validUntil}` }];
    });
  }

  /** Recognises a priority; only the partner kinds entitled to that label may. */
  recognisePriority(
    viewer: Viewer,
    id: string,
    expectedVersion: number,
    priority: { label: PriorityLabel; criterion?: string | null; decidedOn: CalendarDate },
  ) {
    const partner = requirePrioritySetter(viewer, priority.label);
    const today = this.today();
    if (priority.decidedOn > today) {
      throw new BadUserInputError('A decision date is not in the future.', 'priority.decidedOn');
    }
    if (priority.criterion && priority.criterion.length > 200) {
      throw new BadUserInputError('A criterion has at most 200 characters.', 'priority.criterion');
    }
    return this.change(partner, id, expectedVersion, async (row, tx) => {
      if (row.status !== DemandStatus.ACTIVE) {
        throw new ConflictError('Priorities are recognised on active demands only.');
      }
      if (row.priorityLabels.includes(priority.label)) {
        throw new ConflictError(
          `${priority.label} is already recognised; withdraw it first to record another decision.`,
        );
      }
      row.priorities = [
        ...row.priorities,
        {
          label: priority.label,
          criterion: priority.criterion ?? null,
          decidedOn: priority.decidedOn,
          recordedBy: partner.partner,
        },
      ];
      row.priorityLabels = row.priorities.map((p) => p.label);
      if (priority.label === 'DALO') {
        row.daloOfferDeadline = daloOfferDeadline(priority.decidedOn, await this.daloOfferMonths(tx, row));
      }
      return [
        {
          type: DemandEventType.PRIORITY_RECOGNISED,
          detail: [priority.label, priority.criterion].filter(Boolean).join(': '),
        },
      ];
    });
  }

  /** Withdraws a recognised priority (a new event; the recognition stays in the timeline). */
  withdrawPriority(viewer: Viewer, id: string, expectedVersion: number, label: PriorityLabel) {
    const partner = requirePrioritySetter(viewer, label);
    return this.change(partner, id, expectedVersion, async (row) => {
      if (row.status !== DemandStatus.ACTIVE) {
        throw new ConflictError('Priorities are withdrawn on active demands only.');
      }
      if (!row.priorityLabels.includes(label)) throw new ConflictError(`${label} is not recognised for this demand.`);
      const recordedBy = row.priorities.find((p) => p.label === label)!.recordedBy;
      if (recordedBy !== partner.partner && partner.kind !== 'STATE') {
        throw new ForbiddenError(
          `${label} was recognised by ${recordedBy}: only that partner or the State withdraws it.`,
        );
      }
      row.priorities = row.priorities.filter((p) => p.label !== label);
      row.priorityLabels = row.priorities.map((p) => p.label);
      if (label === 'DALO') row.daloOfferDeadline = null;
      return [{ type: DemandEventType.PRIORITY_WITHDRAWN, detail: label }];
    });
  }

  /**
   * Appends a processing event recorded by a partner. Idempotent: the partner's key makes a
   * retry return the first event; the same key with other content is a conflict.
   */
  async recordEvent(
    viewer: Viewer,
    input: {
      demandId: string;
      idempotencyKey: string;
      type: DemandEventType;
      occurredAt?: Date | null;
      detail?: string | null;
      calDecision?: CalDecisionType | null;
      ineligibilityGround?: DemandEventEntity['ineligibilityGround'];
    },
  ): Promise<DemandEventEntity> {
    if (!isAuthenticated(viewer)) throw new ForbiddenError('Recording an event needs a partner token.');
    const refusal = eventRecordingRefusal(viewer.kind, input.type);
    if (refusal) throw new ForbiddenError(refusal);
    validateEventInput(input, this.now());
    const fingerprint = createHash('sha256')
      .update(
        JSON.stringify([
          input.demandId.toLowerCase(),
          input.type,
          input.occurredAt?.toISOString() ?? null,
          input.detail ?? null,
          input.calDecision ?? null,
          input.ineligibilityGround ?? null,
        ]),
      )
      .digest('hex');
    const replay = () => this.replayed(viewer.partner, input.idempotencyKey, fingerprint);
    const earlier = await replay();
    if (earlier) return earlier;
    try {
      return await this.transaction(async (tx) => {
        const row = await this.lockVisible(tx, viewer, input.demandId);
        if (row.status !== DemandStatus.ACTIVE) {
          throw new ConflictError('Events are recorded on active demands; this one is radiated.');
        }
        const occurredAt = input.occurredAt ?? this.now();
        if (parisDate(occurredAt) < row.filingDate) {
          throw new BadUserInputError(`The event cannot precede the filing date (${row.filingDate}).`, 'occurredAt');
        }
        const event = Object.assign(new DemandEventEntity(), {
          id: randomUUID(),
          demandId: row.id,
          type: input.type,
          occurredAt,
          recordedBy: viewer.partner,
          recordedByPerson: viewer.sub,
          detail: input.detail ?? null,
          idempotencyKey: input.idempotencyKey,
          requestFingerprint: fingerprint,
          calDecision: input.calDecision ?? null,
          ineligibilityGround: input.ineligibilityGround ?? null,
        });
        await tx.getRepository(DemandEventEntity).insert(event);
        await this.applyEventEffects(tx, row, event);
        return event;
      });
    } catch (error) {
      // Two retries raced: the loser finds the winner's event.
      if ((error as { code?: string }).code === '23505') {
        const winner = await replay();
        if (winner) return winner;
      }
      throw error;
    }
  }

  /** The event already recorded under this key, or null; a different request under the key is a conflict. */
  private async replayed(partner: string, key: string, fingerprint: string): Promise<DemandEventEntity | null> {
    const earlier = await this.db
      .getRepository(DemandEventEntity)
      .findOneBy({ recordedBy: partner, idempotencyKey: key });
    if (earlier && earlier.requestFingerprint !== fingerprint) {
      throw new ConflictError(`The idempotency key "${key}" was already used for a different event.`);
    }
    return earlier;
  }

  /** What an event changes in the demand's stored state (not its content: no new version). */
  private async applyEventEffects(tx: EntityManager, row: DemandEntity, event: DemandEventEntity) {
    const on = parisDate(event.occurredAt);
    if (event.type === DemandEventType.DESIGNATED && (row.lastDesignatedOn === null || on > row.lastDesignatedOn)) {
      await tx.update(DemandEntity, row.id, { lastDesignatedOn: on });
      await refreshDerivedDates(tx, this.today(), [row.id]);
    }
    if (event.type === DemandEventType.ANSWER_REQUESTED) {
      await tx.update(DemandEntity, row.id, { answerRequestedOn: on });
    }
    // Rectifying from the applicant's documents is the applicant's answer.
    if (event.type === DemandEventType.RECTIFIED) await tx.update(DemandEntity, row.id, { answerRequestedOn: null });
  }

  /** The common frame of a change: lock, check the version, apply, write, derive. */
  private change(
    partner: Partner,
    id: string,
    expectedVersion: number,
    apply: (row: DemandEntity, tx: EntityManager) => Promise<NewEvent[]>,
  ): Promise<DemandEntity> {
    return this.transaction(async (tx) => {
      const row = await this.lockVisible(tx, partner, id);
      if (row.version !== expectedVersion) {
        throw new ConflictError(
          `Demand ${row.id} is at version ${row.version}, not ${expectedVersion}: someone changed it meanwhile. Reload it and apply your change again.`,
        );
      }
      const events = await apply(row, tx);
      row.version += 1;
      await tx.getRepository(DemandEntity).save(row);
      await this.appendEvents(tx, row.id, partner, events);
      return this.rederive(tx, row.id);
    });
  }

  /** The demand, locked for update, if the partner may see it; NOT_FOUND alike when absent, hidden or purged. */
  private async lockVisible(tx: EntityManager, partner: Partner, id: string): Promise<DemandEntity> {
    if (!isUuid(id)) throw new BadUserInputError(`"${id}" is not a demand id (a UUID).`, 'id');
    const row = await tx
      .getRepository(DemandEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = :id', { id: id.toLowerCase() })
      .andWhere('d.territoryCodes && :territories::text[]', { territories: partner.territories })
      // Erased at the end of its retention period: gone, as far as partners are concerned.
      .andWhere('d.purgedOn IS NULL')
      .getOne();
    if (!row) throw new NotFoundError('Demand', id);
    return row;
  }

  private async appendEvents(tx: EntityManager, demandId: string, partner: Partner, events: NewEvent[]) {
    if (events.length === 0) return;
    const occurredAt = this.now();
    await tx.getRepository(DemandEventEntity).insert(
      events.map((event) =>
        Object.assign(new DemandEventEntity(), {
          id: randomUUID(),
          demandId,
          occurredAt,
          recordedBy: partner.partner,
          recordedByPerson: partner.sub,
          detail: null,
          ...event,
        }),
      ),
    );
  }

  /**
   * Replaces the demand's NIR hashes when the form carries NIRs (none given: the earlier ones
   * stay), and re-checks the demands that shared the hashes it drops. Returns whether they changed.
   */
  private async replaceNirHashes(tx: EntityManager, demandId: string, content: DemandContent): Promise<boolean> {
    const nirs = content.persons.map((person) => person.nir).filter((nir): nir is string => !!nir);
    if (nirs.length === 0) return false;
    const next = new Set(nirs.map((nir) => nirHash(nir, this.settings.nirKey).toString('hex')));
    const stored = await tx.getRepository(DemandNirEntity).findBy({ demandId });
    const before = new Set(stored.map((row) => row.nirHash.toString('hex')));
    if (before.size === next.size && [...next].every((hex) => before.has(hex))) return false;
    const formerSharers: { id: string }[] = await tx.query(
      `SELECT DISTINCT other.demand_id AS id FROM demand_nir mine
         JOIN demand_nir other ON other.nir_hash = mine.nir_hash AND other.demand_id <> mine.demand_id
        WHERE mine.demand_id = $1`,
      [demandId],
    );
    await tx.delete(DemandNirEntity, { demandId });
    await tx
      .getRepository(DemandNirEntity)
      .insert([...next].map((hex) => ({ demandId, nirHash: Buffer.from(hex, 'hex') })));
    if (formerSharers.length) {
      await flagSuspectedDuplicates(
        tx,
        formerSharers.map((row) => row.id),
      );
    }
    return true;
  }

  /** Re-derives due dates and duplicate flags, then returns the demand as stored. */
  private async rederive(tx: EntityManager, id: string): Promise<DemandEntity> {
    await refreshDerivedDates(tx, this.today(), [id]);
    await flagSuspectedDuplicates(tx, [id]);
    return tx.getRepository(DemandEntity).findOneByOrFail({ id });
  }

  /** The lifecycle facts of a demand: its row and the dates its timeline holds. */
  private async facts(tx: EntityManager, row: DemandEntity): Promise<LifecycleFacts> {
    const [timeline] = (await tx.query(
      `SELECT to_char(max(occurred_at AT TIME ZONE 'Europe/Paris') FILTER (WHERE type = 'CAL_DECISION' AND cal_decision = 'INELIGIBLE'), 'YYYY-MM-DD') AS "ineligibilityDecidedOn",
              to_char(max(occurred_at AT TIME ZONE 'Europe/Paris') FILTER (WHERE type = 'LEASE_SIGNED'), 'YYYY-MM-DD') AS "leaseSignedOn"
         FROM demand_event WHERE demand_id = $1`,
      [row.id],
    )) as [{ ineligibilityDecidedOn: string | null; leaseSignedOn: string | null }];
    return { ...row, ...timeline };
  }

  /** The DALO offer delay of the demand's most specific territory that sets one (CCH R441-16-1). */
  private async daloOfferMonths(tx: EntityManager, row: DemandEntity): Promise<number> {
    const [setting] = (await tx.query(
      `SELECT dalo_offer_months AS months FROM territory_setting
        WHERE territory_code = ANY ($1::text[]) AND dalo_offer_months IS NOT NULL ORDER BY precedence LIMIT 1`,
      [row.territoryCodes],
    )) as { months: number }[];
    return setting?.months ?? DEFAULT_DALO_OFFER_MONTHS;
  }
}

/** The caller as a registration desk (guichet enregistreur) acting on its territories. */
function requireDesk(viewer: Viewer): Partner {
  if (!isAuthenticated(viewer)) throw new ForbiddenError('Changing the register needs a partner token.');
  if (!REGISTRATION_DESKS.includes(viewer.kind) || viewer.territories.length === 0) {
    throw new ForbiddenError(
      `Partners of kind ${viewer.kind} are not registration desks: demands are registered and changed by the State, the EPCI, landlords and reservation holders on their territories.`,
    );
  }
  return viewer;
}

function requirePrioritySetter(viewer: Viewer, label: PriorityLabel): Partner {
  if (!isAuthenticated(viewer)) throw new ForbiddenError('Recognising a priority needs a partner token.');
  if (!maySetPriority(viewer.kind, label) || viewer.territories.length === 0) {
    throw new ForbiddenError(`${label} is recognised by ${PRIORITY_SETTERS[label].join(', ')} partners only.`);
  }
  return viewer;
}

function rejectProblems(problems: Problem[]) {
  if (problems.length === 0) return;
  const message = problems.map((problem) => `${problem.field}: ${problem.message}`).join(' ');
  throw new BadUserInputError(message, problems[0]!.field);
}

function refuseIf(refusal: Refusal | null) {
  if (refusal) throw new ConflictError(refusal.reason);
}

const nonNull = <T>(value: T | null): T[] => (value === null ? [] : [value]);

function validateEventInput(
  input: {
    idempotencyKey: string;
    type: DemandEventType;
    occurredAt?: Date | null;
    detail?: string | null;
    calDecision?: CalDecisionType | null;
    ineligibilityGround?: unknown;
  },
  now: Date,
) {
  if (!/^[\x21-\x7e]{1,100}$/.test(input.idempotencyKey)) {
    throw new BadUserInputError('The idempotency key has 1 to 100 printable characters, no spaces.', 'idempotencyKey');
  }
  if (input.occurredAt && input.occurredAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new BadUserInputError(
      'An event is recorded once it happened: occurredAt is not in the future.',
      'occurredAt',
    );
  }
  if (input.detail && input.detail.length > 500) {
    throw new BadUserInputError('A detail has at most 500 characters.', 'detail');
  }
  const isDecision = input.type === DemandEventType.CAL_DECISION;
  if (isDecision !== Boolean(input.calDecision)) {
    throw new BadUserInputError('calDecision is given for CAL_DECISION events, and only for them.', 'calDecision');
  }
  if ((input.calDecision === CalDecisionType.INELIGIBLE) !== Boolean(input.ineligibilityGround)) {
    throw new BadUserInputError(
      'An INELIGIBLE decision gives its ground (resources over ceiling or irregular stay), and only it.',
      'ineligibilityGround',
    );
  }
}

/** The columns a form fills, with the household figures derived from the persons. */
function contentColumns(content: DemandContent) {
  const persons: StoredPerson[] = content.persons.map((person) => ({
    role: person.role,
    givenName: person.givenName.trim(),
    familyName: person.familyName.trim(),
    birthDate: person.birthDate,
    relationship: person.relationship ?? null,
    professionalSituation: person.professionalSituation ?? null,
    annualTaxableIncome: person.annualTaxableIncome ?? null,
    monthlyIncome: person.monthlyIncome ?? null,
  }));
  const siren = content.currentLandlordSiren ?? null;
  return {
    persons,
    ...householdAggregates(persons),
    familySituation: content.familySituation ?? null,
    contact: content.contact
      ? {
          address: content.contact.address ?? null,
          postalCode: content.contact.postalCode ?? null,
          communeCode: content.contact.communeCode ?? null,
          email: content.contact.email ?? null,
          phone: content.contact.phone ?? null,
        }
      : null,
    motives: [...new Set(content.motives)],
    wishedCommunes: content.wishedCommunes,
    wishedTypologies: content.wishedTypologies,
    currentHousing: content.currentHousing,
    currentLandlordSiren: siren,
    kind: siren ? DemandKind.TRANSFER : DemandKind.FIRST_ACCESS,
    transferDifficulties: [...new Set(content.transferDifficulties ?? [])],
    disabilityAdaptations: [...new Set(content.disability?.adaptations ?? [])],
    disabilityDetail: content.disability?.detail ?? null,
    assistedBy: content.assistedBy
      ? {
          name: content.assistedBy.name.trim(),
          organisation: content.assistedBy.organisation ?? null,
          email: content.assistedBy.email ?? null,
          partner: content.assistedBy.partner ?? null,
        }
      : null,
    assistingPartner: content.assistedBy?.partner ?? null,
    employerSiret: content.employerSiret ?? null,
    territoryCodes: territoryCodesOf(content.wishedCommunes),
  };
}

/** The rubrics (column groups) whose value differs, for the MODIFIED event. */
function changedRubrics(row: DemandEntity, next: ReturnType<typeof contentColumns>): string[] {
  // jsonb keeps its own key order: compare canonical forms, with absent keys read as null.
  const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
  const rubrics: [string, unknown, unknown][] = [
    ['persons', row.persons, next.persons],
    ['familySituation', row.familySituation, next.familySituation],
    ['contact', row.contact, next.contact],
    ['motives', row.motives, next.motives],
    ['wishedCommunes', row.wishedCommunes, next.wishedCommunes],
    ['wishedTypologies', row.wishedTypologies, next.wishedTypologies],
    [
      'currentHousing',
      [row.currentHousing, row.currentLandlordSiren],
      [next.currentHousing, next.currentLandlordSiren],
    ],
    ['transferDifficulties', row.transferDifficulties, next.transferDifficulties],
    [
      'disability',
      [row.disabilityAdaptations, row.disabilityDetail],
      [next.disabilityAdaptations, next.disabilityDetail],
    ],
    ['assistedBy', row.assistedBy, next.assistedBy],
    ['employerSiret', row.employerSiret, next.employerSiret],
  ];
  return rubrics.filter(([, before, after]) => !same(before, after)).map(([name]) => name);
}

/** JSON with object keys sorted and null properties dropped, so that equal content compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item)
            .filter(([, v]) => v !== null && v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : item,
  );
}
