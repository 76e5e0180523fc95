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
});
