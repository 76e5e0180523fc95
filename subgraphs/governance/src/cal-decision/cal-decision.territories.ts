import { officialGeography, type Geography } from '@passerelle/shared/geography';

/**
 * The territories whose partners act for a decision about a dwelling in `commune` (and `qpv`):
 * the commune, its EPCI and département, and the QPV. Stored with the decision, so that access
 * is one indexed overlap with the viewer's territories (ADR 0005).
 */
export function decisionTerritoryCodes(
  commune: string,
  qpv: string | null,
  geography: Geography = officialGeography,
): string[] {
  const chain = geography.enclosing(commune);
  return [...(chain.length ? chain : [commune]), ...(qpv ? [qpv] : [])];
}
