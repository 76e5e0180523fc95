import { addDays, addMonths } from '@passerelle/shared/dates';
import { demoId, generateDemoTerritory } from '@passerelle/shared/demo';
import { generateDemoGovernance } from './demo-governance';

describe('the demo governance', () => {
  const reference = '2026-06-30';
  const territory = generateDemoTerritory(reference, 400);
  const seed = generateDemoGovernance(territory);
  const bodyOf = (id: string) => seed.bodies.find((body) => body.id === id)!;
  const meetingsOf = (kind: string) => seed.meetings.filter((meeting) => bodyOf(meeting.bodyId).kind === kind);

  it('is deterministic: the same territory gives the same rows and ids', () => {
    expect(generateDemoGovernance(generateDemoTerritory(reference, 400))).toEqual(seed);
  });

  it('has the demo partners, with the ids every subgraph computes', () => {
    expect(seed.partners).toHaveLength(12);
    expect(seed.partners.find((partner) => partner.slug === 'mel')).toMatchObject({
      id: demoId('partner', 'mel'),
      kind: 'EPCI',
      territoryCodes: ['200093201'],
    });
  });

  it('has the CIL co-chaired by the préfecture and the MEL, and one CAL per landlord', () => {
    const cil = seed.bodies.find((body) => body.kind === 'CIL')!;
    expect(cil.territoryCode).toBe('200093201');
    const chairs = seed.members.filter((member) => member.bodyId === cil.id && member.chair);
    expect(chairs.map((member) => member.partnerId).sort()).toEqual(
      [demoId('partner', 'prefecture-nord'), demoId('partner', 'mel')].sort(),
    );
    const cals = seed.bodies.filter((body) => body.kind === 'CAL');
    expect(cals.map((body) => body.landlordPartnerId).sort()).toEqual(
      ['lille-metropole-habitat', 'vilogia', 'partenord-habitat'].map((slug) => demoId('partner', slug)).sort(),
    );
    expect(seed.bodies.map((body) => body.kind).sort()).toEqual(
      ['CAL', 'CAL', 'CAL', 'CCAPEX', 'CIL', 'COORDINATION', 'CRIB', 'CTT', 'DALO_COMMISSION'].sort(),
    );
  });

  it("keeps the territory's CAL meetings and ids, held up to the reference date and planned after", () => {
    const cal = meetingsOf('CAL');
    expect(cal.map((meeting) => meeting.id).sort()).toEqual(territory.calMeetings.map((meeting) => meeting.id).sort());
    for (const meeting of cal) expect(meeting.status).toBe(meeting.date <= reference ? 'HELD' : 'PLANNED');
  });

  it('schedules a year of other meetings: CIL twice, coordination twice, CCAPEX and DALO monthly', () => {
    const pastYear = (kind: string) =>
      meetingsOf(kind).filter((meeting) => meeting.date > '2025-06-30' && meeting.date <= reference);
    expect(pastYear('CIL').map((meeting) => meeting.date)).toEqual(['2025-12-04', '2026-06-04']);
    expect(pastYear('COORDINATION').map((meeting) => meeting.date)).toEqual(['2025-09-16', '2026-03-17']);
    expect(pastYear('CCAPEX')).toHaveLength(12);
    expect(pastYear('DALO_COMMISSION')).toHaveLength(12);
  });

  it('has a couple of planned meetings ahead and exactly one cancelled', () => {
    const ahead = seed.meetings.filter((meeting) => meeting.date > reference && bodyOf(meeting.bodyId).kind !== 'CAL');
    expect(ahead.length).toBeGreaterThanOrEqual(2);
    for (const meeting of ahead) expect(meeting.status).toBe('PLANNED');
    const cancelled = seed.meetings.filter((meeting) => meeting.status === 'CANCELLED');
    expect(cancelled.map((meeting) => [bodyOf(meeting.bodyId).kind, meeting.date])).toEqual([['CCAPEX', '2025-08-14']]);
  });

  it('records one decision per examined candidate, at the CAL of its vacancy, with the commune of the dwelling', () => {
    const examined = territory.candidacies.filter((candidacy) => candidacy.calDecision);
    expect(seed.calDecisions).toHaveLength(examined.length);
    expect(examined.length).toBeGreaterThan(50);
    const candidacy = examined[0]!;
    const vacancy = territory.vacancies.find((v) => v.id === candidacy.vacancyId)!;
    const dwelling = territory.dwellings.find((d) => d.id === vacancy.dwellingId)!;
    expect(seed.calDecisions.find((decision) => decision.id === candidacy.calDecision!.id)).toMatchObject({
      meetingId: vacancy.cal!.meetingId,
      decidedOn: vacancy.cal!.date,
      demandId: candidacy.demandId,
      vacancyId: vacancy.id,
      type: candidacy.calDecision!.type,
      commune: dwelling.commune,
      qpv: dwelling.qpv,
    });
    expect(new Set(seed.calDecisions.map((decision) => decision.type)).size).toBe(5);
  });

  // ── Issue 7: agendas, attendance, answers to the offer, recommendations ──────────────────

  const meetingById = new Map(seed.meetings.map((meeting) => [meeting.id, meeting]));
  const partnerSlug = new Map(seed.partners.map((partner) => [partner.id, partner.slug]));
  const bodyOfMeeting = (meetingId: string) => bodyOf(meetingById.get(meetingId)!.bodyId);
  const caseReviews = seed.agendaItems.filter((item) => item.kind === 'CASE_REVIEW');
  const held = seed.meetings.filter((meeting) => meeting.status === 'HELD');

  it('sets the quorum of the CIL (half its 10 voting members) and of the CALs (3), none elsewhere', () => {
    expect(seed.bodies.map((body) => [body.kind, body.quorum]).sort()).toEqual(
      [
        ['CAL', 3],
        ['CAL', 3],
        ['CAL', 3],
        ['CCAPEX', null],
        ['CIL', 5],
        ['COORDINATION', null],
        ['CRIB', null],
        ['CTT', null],
        ['DALO_COMMISSION', null],
      ].sort(),
    );
  });

  it("puts every CIL member in its college, and no one else's member in any", () => {
    const cil = seed.bodies.find((body) => body.kind === 'CIL')!;
    const colleges = Object.fromEntries(
      seed.members.filter((member) => member.bodyId === cil.id).map((m) => [partnerSlug.get(m.partnerId), m.college]),
    );
    expect(colleges).toEqual({
      'prefecture-nord': 'HOUSING_PROFESSIONALS',
      mel: 'LOCAL_AUTHORITIES',
      'lille-metropole-habitat': 'HOUSING_PROFESSIONALS',
      vilogia: 'HOUSING_PROFESSIONALS',
      'partenord-habitat': 'HOUSING_PROFESSIONALS',
      'action-logement': 'HOUSING_PROFESSIONALS',
      'ville-de-lille': 'LOCAL_AUTHORITIES',
      'ville-de-roubaix': 'LOCAL_AUTHORITIES',
      'siao-nord': 'USERS_AND_ASSOCIATIONS',
      'soliha-metropole-nord': 'USERS_AND_ASSOCIATIONS',
      'observatoire-mel': 'LOCAL_AUTHORITIES',
    });
    for (const member of seed.members.filter((m) => m.bodyId !== cil.id)) expect(member.college).toBeNull();
  });

  it('opens asynchronous sessions a week before, writes minutes once held and a reason when cancelled', () => {
    for (const meeting of seed.meetings) {
      expect(meeting.version).toBe(1);
      expect(meeting.windowOpens).toBe(meeting.mode === 'ASYNCHRONOUS' ? addDays(meeting.date, -7) : null);
      expect(meeting.minutes === null).toBe(meeting.status !== 'HELD');
      expect(meeting.cancellationReason === null).toBe(meeting.status !== 'CANCELLED');
    }
    // Vilogia's CAL sits asynchronously: its sessions have a window.
    const vilogia = demoId('body', 'cal:vilogia');
    expect(seed.meetings.filter((m) => m.bodyId === vilogia).every((m) => m.windowOpens !== null)).toBe(true);
    // Minutes name no household: no NUR (059-YYMM-NNNNNN) and no demand id.
    for (const meeting of held) expect(meeting.minutes).not.toMatch(/059-\d{4}-\d{6}|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('puts one case review per examined candidate on its CAL agenda, by vacancy then rank, located like its decision', () => {
    const examined = territory.candidacies.filter((candidacy) => candidacy.calDecision);
    expect(caseReviews).toHaveLength(examined.length);
    for (const candidacy of examined) {
      const vacancy = territory.vacancies.find((v) => v.id === candidacy.vacancyId)!;
      const dwelling = territory.dwellings.find((d) => d.id === vacancy.dwellingId)!;
      const item = caseReviews.find((i) => i.demandId === candidacy.demandId && i.vacancyId === vacancy.id)!;
      expect(item).toMatchObject({
        meetingId: vacancy.cal!.meetingId,
        title: `Candidature pour le logement ${dwelling.rplsId}`,
        commune: dwelling.commune,
        qpv: dwelling.qpv,
        territoryCodes: [dwelling.commune, '200093201', '59', ...(dwelling.qpv ? [dwelling.qpv] : [])],
      });
    }
    // Positions 1..n on each agenda; the case reviews of a vacancy are consecutive, in candidacy (rank) order.
    for (const meeting of seed.meetings) {
      const items = seed.agendaItems.filter((item) => item.meetingId === meeting.id);
      expect(items.map((item) => item.position).sort((a, b) => a - b)).toEqual(items.map((_, index) => index + 1));
      const cases = items.filter((item) => item.kind === 'CASE_REVIEW').sort((a, b) => a.position - b.position);
      const order = cases.map((item) =>
        examined.findIndex((c) => c.demandId === item.demandId && c.vacancyId === item.vacancyId),
      );
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('has at least 3 case reviews per vacancy on an agenda, or the DALO household the State designated alone', () => {
    const byVacancy = new Map<string, typeof caseReviews>();
    for (const item of caseReviews) {
      const key = `${item.meetingId}|${item.vacancyId}`;
      byVacancy.set(key, [...(byVacancy.get(key) ?? []), item]);
    }
    expect(byVacancy.size).toBeGreaterThan(20);
    for (const items of byVacancy.values()) {
      expect(items.length >= 3 || items.some((item) => item.daloDesignatedByState)).toBe(true);
    }
    // Flagged exactly: the single candidate of a vacancy the demo marks as a DALO designation by the State.
    const flagged = caseReviews.filter((item) => item.daloDesignatedByState);
    expect(flagged.length).toBeGreaterThanOrEqual(1);
    for (const item of caseReviews) {
      const vacancy = territory.vacancies.find((v) => v.id === item.vacancyId)!;
      const candidacy = territory.candidacies.find((c) => c.vacancyId === vacancy.id && c.demandId === item.demandId)!;
      expect(item.daloDesignatedByState).toBe(vacancy.daloDesignation && candidacy.designatedBy === 'prefecture-nord');
      if (item.daloDesignatedByState) expect(byVacancy.get(`${item.meetingId}|${item.vacancyId}`)).toHaveLength(1);
    }
  });

  it('links every decision to its case review (same meeting, demand and vacancy), with its coded motive and its landlord', () => {
    const items = new Map(seed.agendaItems.map((item) => [item.id, item]));
    const motives: Record<string, string> = {
      'Logement inadapté à la composition familiale': 'UNSUITED_TO_HOUSEHOLD',
      "Taux d'effort trop élevé": 'EXCESSIVE_EFFORT_RATE',
      'Logement trop éloigné du lieu de travail': 'TOO_FAR_FROM_WORK',
      'Ressources supérieures au plafond': 'RESOURCES_OVER_CEILING',
    };
    for (const decision of seed.calDecisions) {
      const item = items.get(decision.agendaItemId!)!;
      expect(item).toMatchObject({
        kind: 'CASE_REVIEW',
        meetingId: decision.meetingId,
        demandId: decision.demandId,
        vacancyId: decision.vacancyId,
        commune: decision.commune,
      });
      expect(decision.motiveCode).toBe(decision.motive === null ? null : motives[decision.motive]);
      expect(decision.recordedBy).toBe(partnerSlug.get(bodyOfMeeting(decision.meetingId).landlordPartnerId!));
    }
    expect(new Set(seed.calDecisions.map((decision) => decision.agendaItemId)).size).toBe(seed.calDecisions.length);
    expect(new Set(seed.calDecisions.map((decision) => decision.motiveCode))).toEqual(
      new Set([null, 'UNSUITED_TO_HOUSEHOLD', 'EXCESSIVE_EFFORT_RATE', 'TOO_FAR_FROM_WORK', 'RESOURCES_OVER_CEILING']),
    );
  });

  it("records the answers the candidacies' outcomes show, by the landlord", () => {
    const answered = territory.candidacies.filter((c) => ['ACCEPTED', 'LEASE_SIGNED', 'REFUSED'].includes(c.outcome));
    expect(seed.offerAnswers).toHaveLength(answered.length);
    for (const candidacy of answered) {
      const answer = seed.offerAnswers.find((a) => a.calDecisionId === candidacy.calDecision!.id)!;
      const decision = seed.calDecisions.find((d) => d.id === answer.calDecisionId)!;
      expect(answer).toEqual({
        calDecisionId: candidacy.calDecision!.id,
        answer: candidacy.outcome === 'REFUSED' ? 'REFUSED' : 'ACCEPTED',
        motive: candidacy.outcome === 'REFUSED' ? candidacy.refusalMotive : null,
        answeredOn: candidacy.outcomeOn,
        recordedBy: decision.recordedBy,
      });
      expect(answer.answeredOn >= decision.decidedOn).toBe(true);
    }
    expect(new Set(seed.offerAnswers.map((answer) => answer.answer))).toEqual(new Set(['ACCEPTED', 'REFUSED']));
  });

  it('respects the offer order: an answer only after every rank before refused, and none after an acceptance', () => {
    const answers = new Map(seed.offerAnswers.map((answer) => [answer.calDecisionId, answer]));
    const attributions = ['ATTRIBUTION', 'ATTRIBUTION_CONDITIONAL', 'ATTRIBUTION_RANKED'];
    const vacancies = new Set(seed.calDecisions.map((decision) => decision.vacancyId));
    for (const vacancyId of vacancies) {
      const ranked = seed.calDecisions
        .filter((d) => d.vacancyId === vacancyId && attributions.includes(d.type))
        .sort((a, b) => a.rank! - b.rank!);
      ranked.forEach((decision, index) => {
        if (!answers.has(decision.id)) return;
        for (const before of ranked.slice(0, index)) expect(answers.get(before.id)?.answer).toBe('REFUSED');
        if (index > 0) {
          expect(answers.get(decision.id)!.answeredOn > answers.get(ranked[index - 1]!.id)!.answeredOn).toBe(true);
        }
      });
    }
    for (const answer of seed.offerAnswers) {
      expect(attributions).toContain(seed.calDecisions.find((d) => d.id === answer.calDecisionId)!.type);
    }
  });

  it("reviews tenanted dwellings' occupancy at each CAL once a quarter, through the five situations", () => {
    const reviews = seed.agendaItems.filter((item) => item.kind === 'OCCUPANCY_REVIEW');
    for (const review of reviews) {
      const meeting = meetingById.get(review.meetingId)!;
      const dwelling = territory.dwellings.find((d) => d.id === review.dwellingId)!;
      expect(['01', '04', '07', '10']).toContain(meeting.date.slice(5, 7));
      expect(bodyOfMeeting(meeting.id).landlordPartnerId).toBe(demoId('partner', dwelling.landlordSlug));
      expect(review).toMatchObject({
        title: `Examen de l'occupation du logement ${dwelling.rplsId}`,
        commune: dwelling.commune,
        qpv: dwelling.qpv,
        territoryCodes: [dwelling.commune, '200093201', '59', ...(dwelling.qpv ? [dwelling.qpv] : [])],
        demandId: null,
      });
      expect(review.opinion === null).toBe(meeting.status !== 'HELD');
      expect(territory.vacancies.some((vacancy) => vacancy.dwellingId === dwelling.id)).toBe(false);
    }
    // Quarter months from July 2025 to July 2026 (5), for each of the 3 landlords.
    expect(reviews).toHaveLength(15);
    expect(new Set(reviews.map((review) => review.occupancySituation)).size).toBe(5);
    expect(reviews.filter((review) => review.opinion !== null)).toHaveLength(12);
  });

  it('records the attendance of every member at every held meeting, and only there', () => {
    const expected = held.flatMap((meeting) =>
      seed.members.filter((member) => member.bodyId === meeting.bodyId).map((m) => `${meeting.id}|${m.partnerId}`),
    );
    expect(seed.attendance.map((row) => `${row.meetingId}|${row.partnerId}`).sort()).toEqual(expected.sort());
    const statuses = new Set(seed.attendance.map((row) => row.status));
    expect(statuses).toEqual(new Set(['PRESENT', 'EXCUSED', 'ABSENT']));
    expect(seed.attendance.filter((row) => row.status === 'PRESENT').length / seed.attendance.length).toBeGreaterThan(
      0.75,
    );
  });

  it('had the quorum at every held meeting of a body with one', () => {
    const quorate = held.filter((meeting) => bodyOf(meeting.bodyId).quorum != null);
    expect(quorate.length).toBeGreaterThan(30);
    for (const meeting of quorate) {
      const voting = new Set(
        seed.members.filter((m) => m.bodyId === meeting.bodyId && m.role === 'VOTING').map((m) => m.partnerId),
      );
      const present = seed.attendance.filter(
        (row) => row.meetingId === meeting.id && row.status === 'PRESENT' && voting.has(row.partnerId),
      );
      expect(present.length).toBeGreaterThanOrEqual(bodyOf(meeting.bodyId).quorum!);
    }
  });

  it('gives the CIL and coordination meetings policy and reporting items, and a follow-up item per follow-up', () => {
    for (const meeting of [...meetingsOf('CIL'), ...meetingsOf('COORDINATION')]) {
      const kinds = seed.agendaItems.filter((item) => item.meetingId === meeting.id).map((item) => item.kind);
      expect(kinds).toEqual(expect.arrayContaining(['POLICY', 'REPORTING']));
    }
    for (const followUp of seed.followUps) {
      expect(seed.agendaItems).toContainEqual(
        expect.objectContaining({
          meetingId: followUp.meetingId,
          kind: 'RECOMMENDATION_FOLLOW_UP',
          recommendationId: followUp.recommendationId,
        }),
      );
    }
    const followUpItems = seed.agendaItems.filter((item) => item.kind === 'RECOMMENDATION_FOLLOW_UP');
    expect(followUpItems).toHaveLength(seed.followUps.length);
  });

  it('issues recommendations at held CIL and coordination meetings, followed up at later ones by the chair', () => {
    expect(seed.recommendations).toHaveLength(6);
    const chairs: Record<string, string> = { CIL: 'prefecture-nord', COORDINATION: 'mel' };
    for (const recommendation of seed.recommendations) {
      const issuedAt = meetingById.get(recommendation.issuedAtMeetingId)!;
      const body = bodyOf(recommendation.bodyId);
      expect(issuedAt).toMatchObject({ bodyId: body.id, status: 'HELD', date: recommendation.issuedOn });
      expect(recommendation.binding).toBe(body.kind === 'COORDINATION');
      expect(recommendation.dueOn >= addMonths(recommendation.issuedOn, 3)).toBe(true);
      expect(recommendation.dueOn <= addMonths(recommendation.issuedOn, 9)).toBe(true);
      expect(['mel', 'lille-metropole-habitat', 'vilogia', 'partenord-habitat']).toContain(
        partnerSlug.get(recommendation.ownerPartnerId),
      );
      const followUps = seed.followUps
        .filter((followUp) => followUp.recommendationId === recommendation.id)
        .sort((a, b) => a.recordedOn.localeCompare(b.recordedOn));
      for (const followUp of followUps) {
        const meeting = meetingById.get(followUp.meetingId)!;
        expect(meeting).toMatchObject({ bodyId: body.id, status: 'HELD', date: followUp.recordedOn });
        expect(followUp.recordedOn > recommendation.issuedOn).toBe(true);
        expect(followUp.recordedBy).toBe(chairs[body.kind]);
      }
      // Where it stands is where its last follow-up left it; OPEN before any.
      expect(recommendation.status).toBe(followUps.at(-1)?.status ?? 'OPEN');
    }
    expect(new Set(seed.recommendations.map((r) => r.scopeKind))).toEqual(
      new Set(['COMMUNE', 'DISTRICT', 'PUBLIC_SEGMENT', 'RESIDENCE']),
    );
    expect(
      seed.recommendations.find((r) => r.scopeKind === 'PUBLIC_SEGMENT' && r.scopeValue === 'Ménages DALO'),
    ).toBeDefined();
    expect(seed.recommendations.find((r) => r.scopeKind === 'COMMUNE')!.scopeValue).toMatch(/^59\d{3}$/);
    expect(seed.recommendations.find((r) => r.scopeKind === 'DISTRICT')!.scopeValue).toMatch(/^QN\d{5}M$/);
  });

  it('has open, in-progress and done recommendations, and overdue ones at the reference date', () => {
    expect(new Set(seed.recommendations.map((r) => r.status))).toEqual(new Set(['OPEN', 'IN_PROGRESS', 'DONE']));
    const overdue = seed.recommendations.filter(
      (r) => ['OPEN', 'IN_PROGRESS'].includes(r.status) && r.dueOn < reference,
    );
    expect(overdue.map((r) => r.status).sort()).toEqual(['IN_PROGRESS', 'OPEN']);
  });

  it('dates nothing after the reference date but planned meetings (and deadlines)', () => {
    for (const meeting of seed.meetings) {
      if (meeting.status !== 'PLANNED') expect(meeting.date <= reference).toBe(true);
    }
    const dated = [
      ...seed.calDecisions.map((decision) => decision.decidedOn),
      ...seed.offerAnswers.map((answer) => answer.answeredOn),
      ...seed.recommendations.map((recommendation) => recommendation.issuedOn),
      ...seed.followUps.map((followUp) => followUp.recordedOn),
      ...seed.attendance.map((row) => meetingById.get(row.meetingId)!.date),
      ...seed.agendaItems.filter((item) => item.opinion !== null).map((item) => meetingById.get(item.meetingId)!.date),
    ];
    expect(dated.length).toBeGreaterThan(500);
    for (const date of dated) expect(date <= reference).toBe(true);
    // Agenda items past the reference date sit on planned meetings only.
    for (const item of seed.agendaItems) {
      const meeting = meetingById.get(item.meetingId)!;
      if (meeting.date > reference) expect(meeting.status).toBe('PLANNED');
    }
  });
});
