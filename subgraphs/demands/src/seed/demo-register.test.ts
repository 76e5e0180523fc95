import { addYears } from '@passerelle/shared/dates';
import { territoryCodesOf as territoryCodes } from '../registration/registration.rules';
import { generateDemoRegister } from './demo-register';

describe('the demo register', () => {
  const reference = '2026-06-30';
  const { demands, events } = generateDemoRegister(reference, 3000);
  const share = (predicate: (d: (typeof demands)[number]) => boolean) =>
    demands.filter(predicate).length / demands.length;

  it('is deterministic: same reference date and size, same rows and ids', () => {
    const again = generateDemoRegister(reference, 3000);
    expect(again.demands).toEqual(demands);
    expect(again.events.map((event) => event.id)).toEqual(events.map((event) => event.id));
  });

  it('has unique NURs and ids', () => {
    expect(new Set(demands.map((d) => d.nur)).size).toBe(3000);
    expect(new Set(demands.map((d) => d.id)).size).toBe(3000);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('follows the national shapes (DOMAIN.md): singles, single parents, transfers, DALO', () => {
    expect(share((d) => d.adults === 1 && d.children === 0)).toBeCloseTo(0.43, 1);
    expect(share((d) => d.singleParent)).toBeCloseTo(0.27, 1);
    expect(share((d) => d.kind === 'TRANSFER')).toBeCloseTo(1 / 3, 1);
    const dalo = share((d) => d.priorityLabels.includes('DALO' as never));
    expect(dalo).toBeGreaterThan(0.01);
    expect(dalo).toBeLessThan(0.06);
  });

  it('spreads waits from days to more than five years, never after the reference date', () => {
    const filings = demands.map((d) => d.filingDate).sort();
    expect(filings.at(-1)! <= reference).toBe(true);
    expect(filings[0]! < addYears(reference, -5)).toBe(true);
    expect(filings.some((date) => date > '2026-06-01')).toBe(true);
  });

  it('keeps every active demand valid at the reference date, and every event dated no later', () => {
    for (const demand of demands.filter((d) => d.status === 'ACTIVE')) expect(demand.validUntil > reference).toBe(true);
    for (const event of events) expect(event.occurredAt.toISOString().slice(0, 10) <= reference).toBe(true);
  });

  it("records every demand's registration as its first event", () => {
    const registered = new Set(events.filter((event) => event.type === 'REGISTERED').map((event) => event.demandId));
    expect(registered.size).toBe(demands.length);
  });

  it('derives the territories a demand concerns from its wished communes', () => {
    expect(territoryCodes(['59350', '59512']).sort()).toEqual(['200093201', '59', '59350', '59512']);
  });
});
