import { demoPartners, generateDemoTerritory } from '@passerelle/shared/demo';
import { MeasureStatus } from '../measure/measure.enums';
import { SCHEME_CATALOGUE } from '../migrations/1764300000001-load-scheme-catalogue';
import type { SchemeCode, SchemePrescriberKind } from '../scheme/scheme.enums';
import { generateDemoMeasures, type SchemeRules } from './demo-measures';
import { demoOperators } from './demo-operators';

describe('the demo measures', () => {
  const reference = '2026-06-30';
  const territory = generateDemoTerritory(reference, 3000);
  const schemes: SchemeRules[] = SCHEME_CATALOGUE.map((row) => ({
    ...row,
    code: row.code as SchemeCode,
    prescriberKinds: row.prescriberKinds as SchemePrescriberKind[],
  }));
  const operators = demoOperators();
  const measures = generateDemoMeasures(territory, schemes, operators);
  const withDemand = measures.filter((measure) => measure.demandId !== null);

  it('is deterministic: same territory and catalogue, same rows', () => {
    expect(generateDemoMeasures(territory, schemes, operators)).toEqual(measures);
  });

  it('accompanies about 12 % of the demands, once each, plus about 100 households without a demand', () => {
    expect(withDemand.length / territory.demands.length).toBeGreaterThan(0.09);
    expect(withDemand.length / territory.demands.length).toBeLessThan(0.15);
    expect(new Set(withDemand.map((measure) => measure.demandId)).size).toBe(withDemand.length);
    expect(measures.length - withDemand.length).toBe(100);
    expect(new Set(measures.map((measure) => measure.id)).size).toBe(measures.length);
  });

  it('gives AVDL to most accompanied DALO households, prescribed by the State', () => {
    const dalo = new Set(territory.demands.filter((d) => d.priorityLabels.includes('DALO')).map((d) => d.id));
    const daloMeasures = withDemand.filter((measure) => dalo.has(measure.demandId!));
    const avdl = daloMeasures.filter((measure) => measure.schemeCode === 'AVDL');
    expect(avdl.length / daloMeasures.length).toBeGreaterThan(0.6);
    for (const measure of avdl) expect(measure.prescribedBy).toBe('prefecture-nord');
  });

  it('spreads statuses over the lifecycle, relative to the reference date', () => {
    const share = (status: MeasureStatus) => measures.filter((m) => m.status === status).length / measures.length;
    expect(share(MeasureStatus.PRESCRIBED) + share(MeasureStatus.DIAGNOSTIC)).toBeGreaterThan(0.03);
    expect(share(MeasureStatus.PRESCRIBED)).toBeGreaterThan(0);
    expect(share(MeasureStatus.DIAGNOSTIC)).toBeGreaterThan(0);
    expect(share(MeasureStatus.ACTIVE)).toBeGreaterThan(0.15);
    expect(share(MeasureStatus.RENEWED)).toBeGreaterThan(0.03);
    expect(share(MeasureStatus.CLOSED)).toBeGreaterThan(0.25);
    const motives = new Set(measures.map((measure) => measure.closureMotive).filter(Boolean));
    expect(motives).toEqual(new Set(['GOAL_REACHED', 'REHOUSED', 'MOVED_AWAY', 'REFUSED', 'INTERRUPTED']));
  });

  it('keeps every row consistent with its status and the reference date', () => {
    for (const m of measures) {
      expect(m.prescribedOn <= reference).toBe(true);
      const running = m.status === 'ACTIVE' || m.status === 'RENEWED';
      const notStarted = m.status === 'PRESCRIBED' || m.status === 'DIAGNOSTIC';
      expect(m.closedOn !== null).toBe(m.status === 'CLOSED');
      expect(m.closureMotive !== null).toBe(m.status === 'CLOSED');
      if (running) expect(m.startedOn !== null && m.plannedEndOn !== null).toBe(true);
      if (notStarted) expect(m.startedOn).toBeNull();
      if (m.startedOn) {
        expect(m.startedOn >= m.prescribedOn && m.startedOn <= reference).toBe(true);
        expect(m.plannedEndOn! > m.startedOn).toBe(true);
      }
      if (m.closedOn) expect(m.closedOn >= (m.startedOn ?? m.prescribedOn) && m.closedOn <= reference).toBe(true);
    }
  });

  it('never prescribes before the demand was filed', () => {
    const filing = new Map(territory.demands.map((demand) => [demand.id, demand.filingDate]));
    for (const measure of withDemand) expect(measure.prescribedOn >= filing.get(measure.demandId!)!).toBe(true);
  });

  it('has each measure delivered by an operator of its scheme and prescribed by a partner allowed to', () => {
    const byId = new Map(operators.map((operator) => [operator.id, operator]));
    const kindOf = new Map(demoPartners.map((partner) => [partner.slug, partner.kind]));
    const rules = new Map(schemes.map((scheme) => [scheme.code, scheme]));
    for (const measure of measures) {
      expect(byId.get(measure.operatorId)!.schemeCodes).toContain(measure.schemeCode);
      expect(rules.get(measure.schemeCode)!.prescriberKinds).toContain(kindOf.get(measure.prescribedBy));
      expect(measure.territoryCodes).toEqual(expect.arrayContaining([measure.commune, '200093201', '59']));
    }
    // Both demo associations operate measures, so each sees some.
    const slugs = new Set(measures.map((measure) => byId.get(measure.operatorId)!.slug));
    expect(slugs).toEqual(new Set(operators.map((operator) => operator.slug)));
  });
});
