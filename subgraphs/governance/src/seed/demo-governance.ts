import { addDays, addMonths, type CalendarDate } from '@passerelle/shared/dates';
import {
  demoId,
  demoPartners,
  SeededRandom,
  type DemoCandidacy,
  type DemoDwelling,
  type DemoTerritory,
  type DemoVacancy,
} from '@passerelle/shared/demo';
import { officialGeography } from '@passerelle/shared/geography';
import { CalDecisionType } from '@passerelle/shared/housing';
import { AgendaItemEntity } from '../agenda/agenda-item.entity';
import { AgendaItemKind, AttendanceStatus, OccupancySituation } from '../agenda/agenda.enums';
import { AttendanceEntity } from '../agenda/attendance.entity';
import { BodyMemberEntity } from '../body/body-member.entity';
import { BodyEntity } from '../body/body.entity';
import { BodyKind, BodyMemberRole, College } from '../body/body.enums';
import { CalDecisionEntity } from '../cal-decision/cal-decision.entity';
import { DecisionMotiveCode, OfferAnswer } from '../cal-decision/cal-decision.enums';
import { isAttribution, offerAnswerRefusal, offerStatuses } from '../cal-decision/cal-decision.rules';
import { decisionTerritoryCodes } from '../cal-decision/cal-decision.territories';
import { OfferAnswerEntity } from '../cal-decision/offer-answer.entity';
import { MeetingEntity } from '../meeting/meeting.entity';
import { MeetingMode, MeetingStatus } from '../meeting/meeting.enums';
import { PartnerEntity } from '../partner/partner.entity';
import { PartnerKind } from '../partner/partner.enums';
import { RecommendationEntity, RecommendationFollowUpEntity } from '../recommendation/recommendation.entity';
import { RecommendationScopeKind, RecommendationStatus } from '../recommendation/recommendation.enums';
import { MONDAY, THURSDAY, TUESDAY, WEDNESDAY, monthOf, nthWeekdayOfMonth } from './calendar';

/** A seat: VOTING, CHAIR (a voting chair or co-chair) or CONSULTATIVE. */
type Seat = 'CHAIR' | 'VOTING' | 'CONSULTATIVE';

/** When a body meets: in which calendar months, on which weekday of the month, and how. */
interface Schedule {
  months: readonly number[] | 'EVERY';
  weekday: number;
  n: number;
  mode: (month: number) => MeetingMode;
}

interface BodyPlan {
  /** Natural key of the body: its id is `demoId('body', key)`. */
  key: string;
  kind: BodyKind;
  name: string;
  territory: string;
  landlordSlug?: string;
  members: Readonly<Record<string, Seat>>;
}

const LANDLORDS = ['lille-metropole-habitat', 'vilogia', 'partenord-habitat'] as const;
const landlordSeats = (seat: Seat) => Object.fromEntries(LANDLORDS.map((slug) => [slug, seat]));

const always =
  (mode: MeetingMode): Schedule['mode'] =>
  () =>
    mode;
const alternating =
  (odd: MeetingMode, even: MeetingMode): Schedule['mode'] =>
  (month) =>
    month % 2 === 1 ? odd : even;

/**
 * The bodies of the demo territory other than the CALs, with who sits in them (DOMAIN.md §5)
 * and when they meet: the CIL twice a year, the coordination commission every six months, the
 * CCAPEX and the DALO commission monthly, the CTT every two months, the CRIB every quarter.
 */
function policyBodies(epci: string, departement: string): (BodyPlan & { schedule: Schedule })[] {
  return [
    {
      key: `cil:${epci}`,
      kind: BodyKind.CIL,
      name: 'Conférence intercommunale du logement de la Métropole Européenne de Lille',
      territory: epci,
      // Co-chaired by the préfet and the EPCI president; three colleges, all voting.
      members: {
        'prefecture-nord': 'CHAIR',
        mel: 'CHAIR',
        ...landlordSeats('VOTING'),
        'action-logement': 'VOTING',
        'ville-de-lille': 'VOTING',
        'ville-de-roubaix': 'VOTING',
        'siao-nord': 'VOTING',
        'soliha-metropole-nord': 'VOTING',
        'observatoire-mel': 'CONSULTATIVE',
      },
      schedule: { months: [6, 12], weekday: THURSDAY, n: 1, mode: always(MeetingMode.IN_PERSON) },
    },
    {
      key: `coordination:${epci}`,
      kind: BodyKind.COORDINATION,
      name: "Commission de coordination de la convention intercommunale d'attribution de la MEL",
      territory: epci,
      // Co-piloted by the EPCI, the State and the landlords.
      members: {
        mel: 'CHAIR',
        'prefecture-nord': 'CHAIR',
        ...landlordSeats('VOTING'),
        'action-logement': 'VOTING',
        'ville-de-lille': 'VOTING',
        'ville-de-roubaix': 'VOTING',
        'siao-nord': 'CONSULTATIVE',
        'soliha-metropole-nord': 'CONSULTATIVE',
      },
      schedule: { months: [3, 9], weekday: TUESDAY, n: 3, mode: always(MeetingMode.IN_PERSON) },
    },
    {
      key: `ctt:${epci}`,
      kind: BodyKind.CTT,
      name: "Comité technique territorial de la MEL pour l'accès prioritaire",
      territory: epci,
      members: {
        'prefecture-nord': 'CHAIR',
        mel: 'VOTING',
        'siao-nord': 'VOTING',
        ...landlordSeats('VOTING'),
        'soliha-metropole-nord': 'CONSULTATIVE',
      },
      schedule: { months: [2, 4, 6, 8, 10, 12], weekday: MONDAY, n: 1, mode: always(MeetingMode.REMOTE) },
    },
    {
      key: `crib:${epci}`,
      kind: BodyKind.CRIB,
      name: 'Comité de relogement inter-bailleurs de la MEL',
      territory: epci,
      members: {
        mel: 'CHAIR',
        ...landlordSeats('VOTING'),
        'prefecture-nord': 'VOTING',
        'action-logement': 'CONSULTATIVE',
      },
      schedule: { months: [1, 4, 7, 10], weekday: WEDNESDAY, n: 2, mode: always(MeetingMode.IN_PERSON) },
    },
    {
      key: `dalo-commission:${departement}`,
      kind: BodyKind.DALO_COMMISSION,
      name: 'Commission de médiation DALO du Nord',
      territory: departement,
      members: {
        'prefecture-nord': 'CHAIR',
        ...landlordSeats('VOTING'),
        'action-logement': 'VOTING',
        'siao-nord': 'VOTING',
        'soliha-metropole-nord': 'VOTING',
      },
      schedule: {
        months: 'EVERY',
        weekday: TUESDAY,
        n: 4,
        mode: alternating(MeetingMode.REMOTE, MeetingMode.IN_PERSON),
      },
    },
    {
      key: `ccapex:${departement}`,
      kind: BodyKind.CCAPEX,
      name: 'Commission de coordination des actions de prévention des expulsions du Nord (CCAPEX)',
      territory: departement,
      members: {
        'prefecture-nord': 'CHAIR',
        'siao-nord': 'VOTING',
        'soliha-metropole-nord': 'VOTING',
        ...landlordSeats('VOTING'),
        'action-logement': 'CONSULTATIVE',
      },
      schedule: {
        months: 'EVERY',
        weekday: THURSDAY,
        n: 2,
        mode: alternating(MeetingMode.IN_PERSON, MeetingMode.REMOTE),
      },
    },
  ];
}

/**
 * A landlord's CAL: 6 landlord members (represented here by the landlord, which chairs), the
 * préfet, the EPCI president and the mayors (voting); reservation holders and an approved
 * association (consultative) — CCH L441-2, R441-9.
 */
function calBody(epci: string, landlordSlug: string, landlordName: string): BodyPlan {
  return {
    key: `cal:${landlordSlug}`,
    kind: BodyKind.CAL,
    name: `CALEOL de ${landlordName} — Métropole lilloise`,
    territory: epci,
    landlordSlug,
    members: {
      [landlordSlug]: 'CHAIR',
      'prefecture-nord': 'VOTING',
      mel: 'VOTING',
      'ville-de-lille': 'VOTING',
      'ville-de-roubaix': 'VOTING',
      'action-logement': 'CONSULTATIVE',
      'soliha-metropole-nord': 'CONSULTATIVE',
    },
  };
}

/** Digital sessions differ by landlord: in person, 24-hour asynchronous sessions, video. */
const CAL_MODES: Record<string, MeetingMode> = {
  'lille-metropole-habitat': MeetingMode.IN_PERSON,
  vilogia: MeetingMode.ASYNCHRONOUS,
  'partenord-habitat': MeetingMode.REMOTE,
};

/** Months of other bodies' meetings around the reference date: the past year and the next month. */
const FIRST_MONTH = -11;
const LAST_MONTH = 1;
/** The CCAPEX takes a summer break: its August session is called off. */
const CANCELLED = { kind: BodyKind.CCAPEX, month: 8 };

const statusOn = (date: CalendarDate, referenceDate: CalendarDate) =>
  date <= referenceDate ? MeetingStatus.HELD : MeetingStatus.PLANNED;

/** An asynchronous session runs over a week ending on its date. */
const ASYNCHRONOUS_WINDOW_DAYS = 7;
const CANCELLATION_REASON =
  "Séance d'août annulée (trêve estivale) : les situations inscrites sont reportées à la séance de septembre.";

/** A CAL decides with 3 voting members present (its rules of procedure); the CIL with half its voting members. */
const CAL_QUORUM = 3;

function quorumOf(plan: BodyPlan): number | null {
  if (plan.kind === BodyKind.CAL) return CAL_QUORUM;
  if (plan.kind !== BodyKind.CIL) return null;
  return Math.ceil(Object.values(plan.members).filter((seat) => seat !== 'CONSULTATIVE').length / 2);
}

/**
 * The CIL's three colleges (CCH L441-1-5): the EPCI and the communes; the State, the landlords
 * and Action Logement; the associations. The EPCI's housing observatory sits with the EPCI.
 */
const CIL_COLLEGES: Readonly<Record<string, College>> = {
  mel: College.LOCAL_AUTHORITIES,
  'ville-de-lille': College.LOCAL_AUTHORITIES,
  'ville-de-roubaix': College.LOCAL_AUTHORITIES,
  'observatoire-mel': College.LOCAL_AUTHORITIES,
  'prefecture-nord': College.HOUSING_PROFESSIONALS,
  ...Object.fromEntries(LANDLORDS.map((slug) => [slug, College.HOUSING_PROFESSIONALS])),
  'action-logement': College.HOUSING_PROFESSIONALS,
  'siao-nord': College.USERS_AND_ASSOCIATIONS,
  'soliha-metropole-nord': College.USERS_AND_ASSOCIATIONS,
};

function collegeOf(plan: BodyPlan, slug: string): College | null {
  if (plan.kind !== BodyKind.CIL) return null;
  const college = CIL_COLLEGES[slug];
  if (!college) throw new Error(`Demo CIL member ${slug} has no college`);
  return college;
}

/** The slug of a body's first chair: it records the body's follow-ups. */
const chairOf = (plan: BodyPlan) => Object.entries(plan.members).find(([, seat]) => seat === 'CHAIR')![0];

export interface DemoGovernance {
  partners: PartnerEntity[];
  bodies: BodyEntity[];
  members: BodyMemberEntity[];
  meetings: MeetingEntity[];
  recommendations: RecommendationEntity[];
  followUps: RecommendationFollowUpEntity[];
  agendaItems: AgendaItemEntity[];
  attendance: AttendanceEntity[];
  calDecisions: CalDecisionEntity[];
  offerAnswers: OfferAnswerEntity[];
}

/**
 * Governance's slice of the demo territory, deterministic (same territory → same rows and ids):
 * the demo partners, the bodies (quorums, the CIL's colleges) and their members, the CAL
 * meetings of the territory plus a year of other bodies' meetings (attendance and minutes once
 * held), the CALs' agendas (one case review per examined candidate, occupancy reviews every
 * quarter) with one decision per case review and the candidates' answers to the offer, and the
 * CIL's and coordination commission's agendas, recommendations and follow-ups.
 */
export function generateDemoGovernance(territory: DemoTerritory): DemoGovernance {
  const { referenceDate, epci, departement } = territory;
  const partnerId = (slug: string) => demoId('partner', slug);
  const partners = demoPartners.map((partner) =>
    Object.assign(new PartnerEntity(), {
      id: partnerId(partner.slug),
      slug: partner.slug,
      kind: PartnerKind[partner.kind],
      name: partner.name,
      territoryCodes: [...partner.territories],
    }),
  );

  const plans = [
    ...policyBodies(epci, departement),
    ...territory.landlords.map((landlord) => calBody(epci, landlord.slug, landlord.name)),
  ];
  const bodies = plans.map((plan) =>
    Object.assign(new BodyEntity(), {
      id: demoId('body', plan.key),
      kind: plan.kind,
      name: plan.name,
      territoryCode: plan.territory,
      landlordPartnerId: plan.landlordSlug ? partnerId(plan.landlordSlug) : null,
      quorum: quorumOf(plan),
    }),
  );
  const members = plans.flatMap((plan) =>
    Object.entries(plan.members).map(([slug, seat]) =>
      Object.assign(new BodyMemberEntity(), {
        bodyId: demoId('body', plan.key),
        partnerId: partnerId(slug),
        role: seat === 'CONSULTATIVE' ? BodyMemberRole.CONSULTATIVE : BodyMemberRole.VOTING,
        chair: seat === 'CHAIR',
        college: collegeOf(plan, slug),
      }),
    ),
  );

  const calMeetings = territory.calMeetings.map((meeting) =>
    meetingRow({
      id: meeting.id,
      bodyId: demoId('body', `cal:${meeting.landlordSlug}`),
      date: meeting.date,
      mode: CAL_MODES[meeting.landlordSlug] ?? MeetingMode.IN_PERSON,
      status: statusOn(meeting.date, referenceDate),
    }),
  );
  const otherMeetings = policyBodies(epci, departement).flatMap(({ key, kind, schedule }) => {
    const meetings: MeetingEntity[] = [];
    for (let month = FIRST_MONTH; month <= LAST_MONTH; month++) {
      const date = nthWeekdayOfMonth(referenceDate, month, schedule.weekday, schedule.n);
      if (schedule.months !== 'EVERY' && !schedule.months.includes(monthOf(date))) continue;
      const status = statusOn(date, referenceDate);
      const cancelled = kind === CANCELLED.kind && monthOf(date) === CANCELLED.month && status === MeetingStatus.HELD;
      meetings.push(
        meetingRow({
          id: demoId('meeting', `${key}:${date}`),
          bodyId: demoId('body', key),
          date,
          mode: schedule.mode(monthOf(date)),
          status: cancelled ? MeetingStatus.CANCELLED : status,
        }),
      );
    }
    return meetings;
  });
  const meetings = [...calMeetings, ...otherMeetings];

  const cal = calSlice(territory, new Set(calMeetings.map((meeting) => meeting.id)));
  const policy = policySlice(territory, plans, meetings);
  const seed: DemoGovernance = {
    partners,
    bodies,
    members,
    meetings,
    recommendations: policy.recommendations,
    followUps: policy.followUps,
    agendaItems: [...cal.agendaItems, ...policy.agendaItems],
    attendance: attendanceOf(meetings, bodies, members),
    calDecisions: cal.calDecisions,
    offerAnswers: cal.offerAnswers,
  };
  writeMinutes(seed);
  return seed;
}

function meetingRow(row: Pick<MeetingEntity, 'id' | 'bodyId' | 'date' | 'mode' | 'status'>): MeetingEntity {
  return Object.assign(new MeetingEntity(), {
    ...row,
    windowOpens: row.mode === MeetingMode.ASYNCHRONOUS ? addDays(row.date, -ASYNCHRONOUS_WINDOW_DAYS) : null,
    minutes: null,
    cancellationReason: row.status === MeetingStatus.CANCELLED ? CANCELLATION_REASON : null,
    version: 1,
  });
}

// ── CALs: case reviews, decisions, answers to the offer, occupancy reviews ─────────────────

/** The demo's stated motives of refusal (shared/src/demo/territory.ts), coded. */
const MOTIVE_CODES: Readonly<Record<string, DecisionMotiveCode>> = {
  'Logement inadapté à la composition familiale': DecisionMotiveCode.UNSUITED_TO_HOUSEHOLD,
  "Taux d'effort trop élevé": DecisionMotiveCode.EXCESSIVE_EFFORT_RATE,
  'Logement trop éloigné du lieu de travail': DecisionMotiveCode.TOO_FAR_FROM_WORK,
  'Ressources supérieures au plafond': DecisionMotiveCode.RESOURCES_OVER_CEILING,
};

type Examined = DemoCandidacy & { calDecision: NonNullable<DemoCandidacy['calDecision']> };

/** The coded motive of a refusal (null for an attribution); an unknown non-attribution motive is OTHER, stated in words. */
function motiveCodeOf(decision: Examined['calDecision']): DecisionMotiveCode | null {
  if (decision.type !== 'NON_ATTRIBUTION' && decision.type !== 'INELIGIBLE') return null;
  const code = (decision.motive && MOTIVE_CODES[decision.motive]) || null;
  if (code) return code;
  if (decision.type === 'NON_ATTRIBUTION' && decision.motive) return DecisionMotiveCode.OTHER;
  throw new Error(`Demo decision ${decision.id}: no legal ground for the motive "${decision.motive}"`);
}

/** The answer the candidacy's outcome shows, once given (on or before the reference date). */
function answerOf(candidacy: DemoCandidacy, referenceDate: CalendarDate): OfferAnswer | null {
  if (candidacy.outcomeOn > referenceDate) return null;
  if (candidacy.outcome === 'ACCEPTED' || candidacy.outcome === 'LEASE_SIGNED') return OfferAnswer.ACCEPTED;
  return candidacy.outcome === 'REFUSED' ? OfferAnswer.REFUSED : null;
}

const OCCUPANCY_SITUATIONS = [
  OccupancySituation.OVER_OCCUPATION,
  OccupancySituation.UNDER_OCCUPATION,
  OccupancySituation.ADAPTED_DWELLING_NOT_NEEDED,
  OccupancySituation.LOSS_OF_AUTONOMY,
  OccupancySituation.RESOURCES_OVER_CEILING,
] as const;
const OCCUPANCY_OPINIONS: Readonly<Record<OccupancySituation, string>> = {
  OVER_OCCUPATION:
    'Sur-occupation constatée : la commission demande une proposition de logement plus grand dans le parc du bailleur, au titre des mutations prioritaires.',
  UNDER_OCCUPATION:
    'Sous-occupation constatée : un logement plus petit sera proposé au ménage dans le même secteur, à loyer équivalent ou inférieur.',
  ADAPTED_DWELLING_NOT_NEEDED:
    "Le logement adapté n'est plus occupé par une personne qui en a besoin : la commission propose un logement équivalent non adapté.",
  LOSS_OF_AUTONOMY:
    "Perte d'autonomie d'un occupant : la commission demande l'adaptation du logement ou, à défaut, une proposition en rez-de-chaussée.",
  RESOURCES_OVER_CEILING:
    "Ressources supérieures au plafond : le ménage est informé du supplément de loyer de solidarité et des possibilités d'accession.",
};
/** Occupancy reviews come to each CALEOL in the first month of each quarter. */
const OCCUPANCY_MONTHS: readonly number[] = [1, 4, 7, 10];

interface CalSlice {
  agendaItems: AgendaItemEntity[];
  calDecisions: CalDecisionEntity[];
  offerAnswers: OfferAnswerEntity[];
}

/**
 * Each CAL meeting's agenda and its outcome: one case review per examined candidate, by vacancy
 * then rank (the DALO household the State designated alone is flagged), the decision concluding
 * each review (its coded motive, recorded by the landlord), the candidates' answers to the offer,
 * and, in the first month of each quarter, an occupancy review of a tenanted dwelling of the landlord.
 */
function calSlice(territory: DemoTerritory, calMeetingIds: ReadonlySet<string>): CalSlice {
  const { referenceDate } = territory;
  const vacancies = new Map(territory.vacancies.map((vacancy) => [vacancy.id, vacancy]));
  const dwellings = new Map(territory.dwellings.map((dwelling) => [dwelling.id, dwelling]));
  // Examined candidacies by meeting, then vacancy (territory order), each vacancy's in rank order.
  const examined = new Map<string, Map<string, Examined[]>>();
  for (const candidacy of territory.candidacies) {
    if (!candidacy.calDecision) continue;
    const vacancy = vacancies.get(candidacy.vacancyId);
    if (!vacancy?.cal || !dwellings.has(vacancy.dwellingId) || !calMeetingIds.has(vacancy.cal.meetingId)) {
      throw new Error(
        `Demo territory inconsistent: candidacy ${candidacy.id} has a CAL decision without its CAL meeting`,
      );
    }
    const byVacancy = examined.get(vacancy.cal.meetingId) ?? new Map<string, Examined[]>();
    examined.set(vacancy.cal.meetingId, byVacancy);
    byVacancy.set(vacancy.id, [...(byVacancy.get(vacancy.id) ?? []), candidacy as Examined]);
  }

  const occupancy = occupancyDwellings(territory);
  const slice: CalSlice = { agendaItems: [], calDecisions: [], offerAnswers: [] };
  let reviews = 0;
  for (const meeting of territory.calMeetings) {
    let position = 0;
    for (const [vacancyId, candidacies] of examined.get(meeting.id) ?? []) {
      const vacancy = vacancies.get(vacancyId)!;
      const dwelling = dwellings.get(vacancy.dwellingId)!;
      const location = {
        commune: dwelling.commune,
        qpv: dwelling.qpv,
        territoryCodes: decisionTerritoryCodes(dwelling.commune, dwelling.qpv),
      };
      const decisions = candidacies.map((candidacy) => {
        const item = Object.assign(new AgendaItemEntity(), {
          id: demoId('agenda-item', `case:${meeting.id}:${vacancy.id}:${candidacy.demandId}`),
          meetingId: meeting.id,
          position: ++position,
          kind: AgendaItemKind.CASE_REVIEW,
          title: `Candidature pour le logement ${dwelling.rplsId}`,
          demandId: candidacy.demandId,
          vacancyId: vacancy.id,
          dwellingId: null,
          daloDesignatedByState: isDaloDesignation(vacancy, candidacies),
          ...location,
          territoryCodes: [...location.territoryCodes],
          occupancySituation: null,
          opinion: null,
          recommendationId: null,
        });
        slice.agendaItems.push(item);
        const decision = candidacy.calDecision;
        return Object.assign(new CalDecisionEntity(), {
          id: decision.id,
          meetingId: meeting.id,
          demandId: candidacy.demandId,
          vacancyId: vacancy.id,
          type: CalDecisionType[decision.type],
          rank: decision.rank,
          motive: decision.motive,
          conditionDocument: decision.condition?.document ?? null,
          conditionDeadline: decision.condition?.deadline ?? null,
          decidedOn: meeting.date,
          ...location,
          territoryCodes: [...location.territoryCodes],
          // cal_decision is append-only: the agenda link, coded motive and recorder are set here, before COPY.
          agendaItemId: item.id,
          motiveCode: motiveCodeOf(decision),
          recordedBy: meeting.landlordSlug,
        });
      });
      slice.calDecisions.push(...decisions);
      slice.offerAnswers.push(...offerAnswersOf(candidacies, decisions, referenceDate, meeting.landlordSlug));
    }
    if (!OCCUPANCY_MONTHS.includes(monthOf(meeting.date))) continue;
    const dwelling = occupancy.next(meeting.landlordSlug);
    if (!dwelling) continue;
    const situation = OCCUPANCY_SITUATIONS[reviews++ % OCCUPANCY_SITUATIONS.length]!;
    slice.agendaItems.push(
      Object.assign(new AgendaItemEntity(), {
        id: demoId('agenda-item', `occupancy:${meeting.id}:${dwelling.id}`),
        meetingId: meeting.id,
        position: ++position,
        kind: AgendaItemKind.OCCUPANCY_REVIEW,
        title: `Examen de l'occupation du logement ${dwelling.rplsId}`,
        demandId: null,
        vacancyId: null,
        dwellingId: dwelling.id,
        daloDesignatedByState: false,
        commune: dwelling.commune,
        qpv: dwelling.qpv,
        territoryCodes: decisionTerritoryCodes(dwelling.commune, dwelling.qpv),
        occupancySituation: situation,
        opinion: meeting.date <= referenceDate ? OCCUPANCY_OPINIONS[situation] : null,
        recommendationId: null,
      }),
    );
  }
  return slice;
}

/**
 * The candidate the State designated alone, as a DALO household (CCH L441-2-3): the demo marks the
 * vacancy (`daloDesignation`, designated by the préfecture), and it has that single candidate.
 */
const isDaloDesignation = (vacancy: DemoVacancy, candidacies: readonly DemoCandidacy[]) =>
  vacancy.daloDesignation && candidacies.length === 1 && candidacies[0]!.designatedBy === 'prefecture-nord';

/**
 * The candidates' answers for one dwelling, down the ranks (R441-3 b). The demo's offer goes down
 * the ranks too, so every answer its outcomes show is in turn; one that were not (a rank answering
 * while a rank before holds the offer, or after an acceptance) would be skipped here, not seeded.
 */
function offerAnswersOf(
  candidacies: readonly Examined[],
  decisions: readonly CalDecisionEntity[],
  referenceDate: CalendarDate,
  landlordSlug: string,
): OfferAnswerEntity[] {
  const answers = new Map<string, OfferAnswer>();
  const rows: OfferAnswerEntity[] = [];
  const attributed = candidacies
    .filter((candidacy) => isAttribution(CalDecisionType[candidacy.calDecision.type]))
    .sort((a, b) => (a.calDecision.rank ?? 1) - (b.calDecision.rank ?? 1));
  for (const candidacy of attributed) {
    const answer = answerOf(candidacy, referenceDate);
    const decisionId = candidacy.calDecision.id;
    if (!answer || offerAnswerRefusal(decisionId, offerStatuses(decisions, answers)) !== null) continue;
    answers.set(decisionId, answer);
    rows.push(
      Object.assign(new OfferAnswerEntity(), {
        calDecisionId: decisionId,
        answer,
        motive: answer === OfferAnswer.REFUSED ? candidacy.refusalMotive : null,
        answeredOn: candidacy.outcomeOn,
        recordedBy: landlordSlug,
      }),
    );
  }
  return rows;
}

/**
 * The dwellings each landlord's CALEOL reviews, in turn: tenanted ones (no vacancy in the demo),
 * or any of the landlord's when all have been vacant.
 */
function occupancyDwellings(territory: DemoTerritory) {
  const vacant = new Set(territory.vacancies.map((vacancy) => vacancy.dwellingId));
  const turns = new Map<string, number>();
  const pools = new Map<string, DemoDwelling[]>();
  for (const landlord of territory.landlords) {
    const own = territory.dwellings.filter((dwelling) => dwelling.landlordSlug === landlord.slug);
    const tenanted = own.filter((dwelling) => !vacant.has(dwelling.id));
    pools.set(landlord.slug, tenanted.length ? tenanted : own);
  }
  return {
    next(landlordSlug: string): DemoDwelling | undefined {
      const pool = pools.get(landlordSlug) ?? [];
      const turn = turns.get(landlordSlug) ?? 0;
      turns.set(landlordSlug, turn + 1);
      return pool[turn % pool.length];
    },
  };
}

// ── CIL and coordination commission: agendas, recommendations, follow-ups ──────────────────

interface ScopeContext {
  roubaix: string;
  lille: string;
  qpv: string;
  residence: (landlordSlug: string) => string;
}

interface RecommendationPlan {
  title: string;
  text: string;
  scope: (context: ScopeContext) => [RecommendationScopeKind, string];
  owner: string;
  dueInMonths: number;
  /** What the body's next held meetings report, in order: a status and its note. */
  progress: readonly (readonly [RecommendationStatus, string])[];
}

const { OPEN, IN_PROGRESS, DONE } = RecommendationStatus;

/**
 * What each held meeting of the CIL and the coordination commission recommends, in turn (the
 * commission's recommendations bind the CALs). With the test reference date: one done, two in
 * progress (one overdue), one open and overdue, two open and just issued.
 */
const RECOMMENDATIONS: Readonly<Partial<Record<BodyKind, readonly (readonly RecommendationPlan[])[]>>> = {
  [BodyKind.CIL]: [
    [
      {
        title: 'Rééquilibrer les attributions hors QPV à Roubaix',
        text: 'Porter à 25 % la part des attributions hors quartiers prioritaires aux ménages du premier quartile de ressources sur la commune (CCH L441-1), en mobilisant les logements à bas loyer du parc récent.',
        scope: ({ roubaix }) => [RecommendationScopeKind.COMMUNE, roubaix],
        owner: 'mel',
        dueInMonths: 6,
        progress: [[DONE, 'Objectif atteint sur le semestre : 26 % des attributions hors QPV au premier quartile.']],
      },
      {
        title: 'Tenir les objectifs d’attribution aux ménages DALO',
        text: 'Consacrer au moins 25 % des attributions de chaque bailleur aux ménages reconnus prioritaires DALO ou relevant du PDALHPD, contingent préfectoral compris.',
        scope: () => [RecommendationScopeKind.PUBLIC_SEGMENT, 'Ménages DALO'],
        owner: 'lille-metropole-habitat',
        dueInMonths: 9,
        progress: [
          [IN_PROGRESS, 'Bilan intermédiaire : 21 % des attributions, plan d’action présenté par le bailleur.'],
        ],
      },
    ],
    [
      {
        title: 'Diagnostic de peuplement du quartier prioritaire',
        text: 'Établir un diagnostic de l’occupation sociale du quartier et proposer des orientations d’attribution pour la prochaine conférence.',
        scope: ({ qpv }) => [RecommendationScopeKind.DISTRICT, qpv],
        owner: 'vilogia',
        dueInMonths: 6,
        progress: [],
      },
    ],
  ],
  [BodyKind.COORDINATION]: [
    [
      {
        title: 'Résorber la vacance de la résidence',
        text: 'Relancer la commercialisation des logements vacants de la résidence auprès des réservataires et présenter un point de situation à chaque CALEOL.',
        scope: ({ residence }) => [RecommendationScopeKind.RESIDENCE, residence('partenord-habitat')],
        owner: 'partenord-habitat',
        dueInMonths: 3,
        progress: [[IN_PROGRESS, 'Quatre logements remis en location, trois encore vacants : échéance dépassée.']],
      },
      {
        title: 'Proposer des logements aux ménages du premier quartile',
        text: 'Réserver aux ménages du premier quartile de ressources une part des logements à bas loyer libérés, conformément à la convention intercommunale d’attribution.',
        scope: () => [RecommendationScopeKind.PUBLIC_SEGMENT, 'Ménages du premier quartile de ressources'],
        owner: 'vilogia',
        dueInMonths: 6,
        progress: [[OPEN, 'Pas encore engagée : le bailleur attend le recensement des logements à bas loyer.']],
      },
    ],
    [
      {
        title: 'Examiner en priorité les mutations bloquées',
        text: 'Inscrire à la CALEOL les demandes de mutation en attente depuis plus de trois ans sur la commune, en priorité les situations de sur-occupation.',
        scope: ({ lille }) => [RecommendationScopeKind.COMMUNE, lille],
        owner: 'lille-metropole-habitat',
        dueInMonths: 4,
        progress: [],
      },
    ],
  ],
};

/** Each held or planned meeting's policy and reporting items. */
const POLICY_ITEMS: Readonly<Partial<Record<BodyKind, readonly (readonly [AgendaItemKind, string])[]>>> = {
  [BodyKind.CIL]: [
    [AgendaItemKind.REPORTING, 'Bilan des attributions et atteinte des objectifs de la convention intercommunale'],
    [AgendaItemKind.POLICY, 'Orientations d’attribution : objectifs hors QPV et publics prioritaires'],
  ],
  [BodyKind.COORDINATION]: [
    [AgendaItemKind.REPORTING, 'Suivi des attributions aux publics prioritaires (DALO, PDALHPD, accord collectif)'],
    [AgendaItemKind.POLICY, 'Situations bloquées et demandes de mutation en attente'],
  ],
};

interface PolicySlice {
  recommendations: RecommendationEntity[];
  followUps: RecommendationFollowUpEntity[];
  agendaItems: AgendaItemEntity[];
}

/**
 * The CIL's and the coordination commission's agendas (their policy and reporting items, then
 * one follow-up item per recommendation followed up there), the recommendations each held meeting
 * issues, and their follow-ups at the body's later held meetings, recorded by its chair; a
 * recommendation stands where its last follow-up left it (OPEN before any).
 */
function policySlice(
  territory: DemoTerritory,
  plans: readonly BodyPlan[],
  meetings: readonly MeetingEntity[],
): PolicySlice {
  const context = scopeContext(territory);
  const slice: PolicySlice = { recommendations: [], followUps: [], agendaItems: [] };
  for (const plan of plans) {
    const issued = RECOMMENDATIONS[plan.kind];
    const items = POLICY_ITEMS[plan.kind];
    if (!issued || !items) continue;
    const bodyId = demoId('body', plan.key);
    const own = meetings.filter((meeting) => meeting.bodyId === bodyId).sort((a, b) => a.date.localeCompare(b.date));
    const held = own.filter((meeting) => meeting.status === MeetingStatus.HELD);
    const followedAt = new Map<string, RecommendationFollowUpEntity[]>();
    held.forEach((meeting, index) => {
      issued[index % issued.length]!.forEach((recommendation, n) => {
        const id = demoId('recommendation', `${plan.key}:${meeting.date}:${n + 1}`);
        const [scopeKind, scopeValue] = recommendation.scope(context);
        const followUps = held.slice(index + 1, index + 1 + recommendation.progress.length).map((later, k) => {
          const [status, note] = recommendation.progress[k]!;
          return Object.assign(new RecommendationFollowUpEntity(), {
            id: demoId('recommendation-follow-up', `${id}:${later.date}`),
            recommendationId: id,
            meetingId: later.id,
            status,
            note,
            recordedOn: later.date,
            recordedBy: chairOf(plan),
          });
        });
        for (const followUp of followUps) {
          followedAt.set(followUp.meetingId, [...(followedAt.get(followUp.meetingId) ?? []), followUp]);
        }
        slice.followUps.push(...followUps);
        slice.recommendations.push(
          Object.assign(new RecommendationEntity(), {
            id,
            bodyId,
            issuedAtMeetingId: meeting.id,
            issuedOn: meeting.date,
            title: recommendation.title,
            text: recommendation.text,
            scopeKind,
            scopeValue,
            binding: plan.kind === BodyKind.COORDINATION,
            ownerPartnerId: demoId('partner', recommendation.owner),
            dueOn: addMonths(meeting.date, recommendation.dueInMonths),
            status: followUps.at(-1)?.status ?? OPEN,
            version: 1,
          }),
        );
      });
    });
    for (const meeting of own) {
      const entries: [AgendaItemKind, string, string | null][] = [
        ...items.map(([kind, title]) => [kind, title, null] as [AgendaItemKind, string, null]),
        ...(followedAt.get(meeting.id) ?? []).map((followUp): [AgendaItemKind, string, string] => {
          const recommendation = slice.recommendations.find((r) => r.id === followUp.recommendationId)!;
          return [AgendaItemKind.RECOMMENDATION_FOLLOW_UP, `Suivi : ${recommendation.title}`, recommendation.id];
        }),
      ];
      entries.forEach(([kind, title, recommendationId], index) =>
        slice.agendaItems.push(
          Object.assign(new AgendaItemEntity(), {
            id: demoId('agenda-item', `${meeting.id}:${index + 1}`),
            meetingId: meeting.id,
            position: index + 1,
            kind,
            title,
            demandId: null,
            vacancyId: null,
            dwellingId: null,
            daloDesignatedByState: false,
            commune: null,
            qpv: null,
            territoryCodes: [],
            occupancySituation: null,
            opinion: null,
            recommendationId,
          }),
        ),
      );
    }
  }
  return slice;
}

/** Roubaix and one of its QPVs, Lille, and a landlord's residence named after a street of its demo dwellings. */
function scopeContext(territory: DemoTerritory): ScopeContext {
  const [roubaix, lille] = ['59512', '59350'];
  const qpv = officialGeography.qpvsOf(roubaix)[0]?.code;
  if ([roubaix, lille].some((code) => officialGeography.find(code)?.level !== 'COMMUNE') || !qpv) {
    throw new Error('The demo geography lacks Roubaix, Lille or their QPVs');
  }
  return {
    roubaix,
    lille,
    qpv,
    residence: (landlordSlug) => {
      const landlord = territory.landlords.find((l) => l.slug === landlordSlug);
      const dwelling = territory.dwellings.find((d) => d.landlordSlug === landlordSlug);
      const where = dwelling
        ? `${dwelling.address.replace(/^\d+\s+/, '')}, ${officialGeography.find(dwelling.commune)?.name ?? dwelling.commune}`
        : 'rue Nationale, Lille';
      return `Résidence ${where} (${landlord?.name ?? landlordSlug})`;
    },
  };
}

// ── Attendance and minutes ─────────────────────────────────────────────────────────────────

/**
 * Who attended each held meeting: every member, the chairs present, the others mostly present,
 * sometimes excused or absent (drawn from a fixed seed). The meeting was held, so a body with a
 * quorum had it: voting members drawn absent are turned present, in seat order, until it is reached.
 */
function attendanceOf(
  meetings: readonly MeetingEntity[],
  bodies: readonly BodyEntity[],
  members: readonly BodyMemberEntity[],
): AttendanceEntity[] {
  const random = new SeededRandom(4_004);
  const seatsOf = groupBy(members, (member) => member.bodyId);
  const rows: AttendanceEntity[] = [];
  for (const meeting of meetings) {
    if (meeting.status !== MeetingStatus.HELD) continue;
    const quorum = bodies.find((body) => body.id === meeting.bodyId)!.quorum ?? 0;
    const seats = seatsOf.get(meeting.bodyId) ?? [];
    const statuses = seats.map((seat) =>
      seat.chair
        ? AttendanceStatus.PRESENT
        : random.weighted([
            [AttendanceStatus.PRESENT, 85],
            [AttendanceStatus.EXCUSED, 10],
            [AttendanceStatus.ABSENT, 5],
          ] as const),
    );
    const voting = (index: number) => seats[index]!.role === BodyMemberRole.VOTING;
    let present = statuses.filter((status, index) => status === AttendanceStatus.PRESENT && voting(index)).length;
    statuses.forEach((status, index) => {
      if (present < quorum && status !== AttendanceStatus.PRESENT && voting(index)) {
        statuses[index] = AttendanceStatus.PRESENT;
        present++;
      }
    });
    seats.forEach((seat, index) =>
      rows.push(
        Object.assign(new AttendanceEntity(), {
          meetingId: meeting.id,
          partnerId: seat.partnerId,
          status: statuses[index]!,
        }),
      ),
    );
  }
  return rows;
}

const plural = (count: number, singular: string, several: string) => `${count} ${count > 1 ? several : singular}`;

const BODY_MINUTES: Readonly<Partial<Record<BodyKind, string>>> = {
  [BodyKind.CTT]:
    'Examen des situations prioritaires signalées par le SIAO et les travailleurs sociaux ; orientations vers les réservataires.',
  [BodyKind.CRIB]:
    'Examen des demandes de mutation bloquées et des relogements prioritaires ; propositions réparties entre les bailleurs.',
  [BodyKind.DALO_COMMISSION]:
    'Recours amiables examinés et décisions notifiées aux requérants ; les ménages reconnus prioritaires sont signalés au contingent préfectoral.',
  [BodyKind.CCAPEX]:
    "Situations d'impayés et de procédures d'expulsion examinées ; avis adressés aux bailleurs, au fonds de solidarité logement et aux services sociaux.",
};

/**
 * The minutes of each held meeting, short and without household names: for a CAL, what it
 * examined and decided; for the CIL and the coordination commission, its recommendations; for the
 * other bodies, what they examine; then who attended.
 */
function writeMinutes(seed: DemoGovernance) {
  const votingSeats = new Set(
    seed.members.filter((member) => member.role === BodyMemberRole.VOTING).map((m) => `${m.bodyId}:${m.partnerId}`),
  );
  const bodies = new Map(seed.bodies.map((body) => [body.id, body]));
  const facts: MeetingFacts = {
    decisions: groupBy(seed.calDecisions, (decision) => decision.meetingId),
    items: groupBy(seed.agendaItems, (item) => item.meetingId),
    issued: groupBy(seed.recommendations, (recommendation) => recommendation.issuedAtMeetingId),
    followUps: groupBy(seed.followUps, (followUp) => followUp.meetingId),
  };
  const attendance = groupBy(seed.attendance, (row) => row.meetingId);
  for (const meeting of seed.meetings) {
    if (meeting.status !== MeetingStatus.HELD) continue;
    const body = bodies.get(meeting.bodyId)!;
    const attended = attendance.get(meeting.id) ?? [];
    const present = attended.filter((row) => row.status === AttendanceStatus.PRESENT);
    const presentVoting = present.filter((row) => votingSeats.has(`${meeting.bodyId}:${row.partnerId}`)).length;
    const presence =
      body.quorum != null
        ? `Quorum atteint : ${presentVoting} membres à voix délibérative présents (quorum ${body.quorum}).`
        : `${plural(present.length, 'membre présent', 'membres présents')} sur ${attended.length}.`;
    meeting.minutes = `${bodyMinutes(meeting, body.kind, facts)} ${presence}`;
  }
}

interface MeetingFacts {
  decisions: Map<string, CalDecisionEntity[]>;
  items: Map<string, AgendaItemEntity[]>;
  issued: Map<string, RecommendationEntity[]>;
  followUps: Map<string, RecommendationFollowUpEntity[]>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function bodyMinutes(meeting: MeetingEntity, kind: BodyKind, facts: MeetingFacts): string {
  if (kind === BodyKind.CAL) {
    const decisions = facts.decisions.get(meeting.id) ?? [];
    const items = facts.items.get(meeting.id) ?? [];
    const count = (type: CalDecisionType) => decisions.filter((decision) => decision.type === type).length;
    const attributions = decisions.filter((decision) => isAttribution(decision.type)).length;
    const dwellings = new Set(decisions.map((decision) => decision.vacancyId)).size;
    const dalo = items.filter((item) => item.daloDesignatedByState).length;
    const occupancy = items.filter((item) => item.kind === AgendaItemKind.OCCUPANCY_REVIEW).length;
    const session = meeting.mode === MeetingMode.ASYNCHRONOUS ? 'Séance dématérialisée' : 'Séance';
    const conditional = count(CalDecisionType.ATTRIBUTION_CONDITIONAL);
    const parts = [
      decisions.length
        ? `${session} : ${plural(decisions.length, 'candidature examinée', 'candidatures examinées')} pour ${plural(dwellings, 'logement', 'logements')} ; ` +
          `${plural(attributions, 'attribution', 'attributions')}${conditional ? ` (dont ${conditional} sous condition suspensive)` : ''}, ` +
          `${plural(count(CalDecisionType.NON_ATTRIBUTION), 'non-attribution', 'non-attributions')}, ` +
          `${plural(count(CalDecisionType.INELIGIBLE), "décision d'irrecevabilité", "décisions d'irrecevabilité")}.`
        : `${session} : aucune candidature à examiner.`,
      dalo
        ? dalo > 1
          ? `${dalo} ménages DALO désignés par l'État, examinés seuls.`
          : "1 ménage DALO désigné par l'État, examiné seul."
        : '',
      occupancy ? `${plural(occupancy, "examen de l'occupation", "examens de l'occupation")} : avis rendu.` : '',
    ];
    return parts.filter(Boolean).join(' ');
  }
  if (kind === BodyKind.CIL || kind === BodyKind.COORDINATION) {
    const issued = facts.issued.get(meeting.id)?.length ?? 0;
    const followed = facts.followUps.get(meeting.id)?.length ?? 0;
    const what =
      kind === BodyKind.CIL
        ? 'Bilan des attributions présenté et orientations débattues'
        : 'Suivi des objectifs de la convention intercommunale et des situations bloquées';
    return (
      `${what} ; ${plural(issued, 'recommandation émise', 'recommandations émises')}` +
      `${kind === BodyKind.COORDINATION && issued ? ', opposables aux CAL' : ''}` +
      `${followed ? `, ${plural(followed, 'recommandation suivie', 'recommandations suivies')}` : ''}.`
    );
  }
  return BODY_MINUTES[kind] ?? 'Séance tenue.';
}
