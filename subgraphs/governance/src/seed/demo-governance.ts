import { demoId, demoPartners, type DemoTerritory } from '@passerelle/shared/demo';
import type { CalendarDate } from '@passerelle/shared/dates';
import { BodyMemberEntity } from '../body/body-member.entity';
import { BodyEntity } from '../body/body.entity';
import { BodyKind, BodyMemberRole } from '../body/body.enums';
import { CalDecisionEntity } from '../cal-decision/cal-decision.entity';
import { CalDecisionType } from '@passerelle/shared/housing';
import { decisionTerritoryCodes } from '../cal-decision/cal-decision.territories';
import { MeetingEntity } from '../meeting/meeting.entity';
import { MeetingMode, MeetingStatus } from '../meeting/meeting.enums';
import { PartnerEntity } from '../partner/partner.entity';
import { PartnerKind } from '../partner/partner.enums';
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

export interface DemoGovernance {
  partners: PartnerEntity[];
  bodies: BodyEntity[];
  members: BodyMemberEntity[];
  meetings: MeetingEntity[];
  calDecisions: CalDecisionEntity[];
}

/**
 * Governance's slice of the demo territory, deterministic (same territory → same rows and ids):
 * the demo partners, the bodies and their members, the CAL meetings of the territory plus a year
 * of other bodies' meetings, and one CAL decision per candidate the territory says was examined.
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
    }),
  );
  const members = plans.flatMap((plan) =>
    Object.entries(plan.members).map(([slug, seat]) =>
      Object.assign(new BodyMemberEntity(), {
        bodyId: demoId('body', plan.key),
        partnerId: partnerId(slug),
        role: seat === 'CONSULTATIVE' ? BodyMemberRole.CONSULTATIVE : BodyMemberRole.VOTING,
        chair: seat === 'CHAIR',
      }),
    ),
  );

  const calMeetings = territory.calMeetings.map((meeting) =>
    Object.assign(new MeetingEntity(), {
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
        Object.assign(new MeetingEntity(), {
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

  return {
    partners,
    bodies,
    members,
    meetings: [...calMeetings, ...otherMeetings],
    calDecisions: calDecisionsOf(territory, new Set(calMeetings.map((meeting) => meeting.id))),
  };
}

/**
 * One decision per examined candidate: the meeting is the vacancy's CAL, and the dwelling's
 * commune and QPV are recorded with the decision (they decide who may read it).
 */
function calDecisionsOf(territory: DemoTerritory, calMeetingIds: ReadonlySet<string>): CalDecisionEntity[] {
  const vacancies = new Map(territory.vacancies.map((vacancy) => [vacancy.id, vacancy]));
  const dwellings = new Map(territory.dwellings.map((dwelling) => [dwelling.id, dwelling]));
  return territory.candidacies.flatMap((candidacy) => {
    const decision = candidacy.calDecision;
    if (!decision) return [];
    const vacancy = vacancies.get(candidacy.vacancyId);
    const dwelling = vacancy && dwellings.get(vacancy.dwellingId);
    if (!vacancy?.cal || !dwelling || !calMeetingIds.has(vacancy.cal.meetingId)) {
      throw new Error(
        `Demo territory inconsistent: candidacy ${candidacy.id} has a CAL decision without its CAL meeting`,
      );
    }
    return [
      Object.assign(new CalDecisionEntity(), {
        id: decision.id,
        meetingId: vacancy.cal.meetingId,
        demandId: candidacy.demandId,
        vacancyId: vacancy.id,
        type: CalDecisionType[decision.type],
        rank: decision.rank,
        motive: decision.motive,
        conditionDocument: decision.condition?.document ?? null,
        conditionDeadline: decision.condition?.deadline ?? null,
        decidedOn: vacancy.cal.date,
        commune: dwelling.commune,
        qpv: dwelling.qpv,
        territoryCodes: decisionTerritoryCodes(dwelling.commune, dwelling.qpv),
      }),
    ];
  });
}
