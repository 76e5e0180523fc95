import { officialGeography } from '@passerelle/shared/geography';

/**
 * Every territory a household's place lies in: its commune, the commune's EPCI and département,
 * and its QPV. Stored with each measure, so that "a partner acting for one of them" and "measures
 * of this territory" are each one indexed array condition.
 */
export function territoryCodesOf(commune: string, qpv: string | null): string[] {
  const chain = officialGeography.enclosing(commune);
  return [...(chain.length > 0 ? chain : [commune]), ...(qpv ? [qpv] : [])];
}

/**
 * The territory codes that overlap `code`: the territory itself, the territories enclosing it,
 * and those inside it (its communes and their EPCIs). An operator working on any of them works
 * on part of `code`. Undefined for a code the official geography does not know.
 */
export function overlappingTerritories(code: string): string[] | undefined {
  const territory = officialGeography.find(code);
  if (!territory) return undefined;
  const codes = new Set([code, ...officialGeography.enclosing(code)]);
  for (const commune of territory.communes) {
    for (const enclosing of officialGeography.enclosing(commune)) codes.add(enclosing);
  }
  return [...codes];
}
