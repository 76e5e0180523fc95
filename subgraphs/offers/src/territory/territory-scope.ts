import { officialGeography, type Coverage } from '@passerelle/shared/geography';

/**
 * The dwellings a territory code covers: those of its communes (a commune: itself; an EPCI or a
 * département: its communes), or, for a QPV, those lying in that QPV (a QPV covers part of a
 * commune only, so its dwellings are matched on their own `qpv` code). Null for a code the
 * official geography does not know.
 */
export type TerritoryScope = Coverage;

export function territoryScope(code: string): TerritoryScope | null {
  return officialGeography.coverage(code) ?? null;
}
