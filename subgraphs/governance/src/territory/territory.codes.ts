import { officialGeography, type Coverage, type Geography, type TerritoryLevel } from '@passerelle/shared/geography';
import { COMMUNE_CODE } from '@passerelle/shared/validation';

/**
 * The shapes of territory codes (ARCHITECTURE.md): an INSEE commune code (5 characters, Corsica
 * 2A/2B), an EPCI SIREN (9 digits), a département (2 characters, Corsica 2A/2B, overseas 971…976)
 * or a QPV code (QN… in the 2024 geography, QP… in the 2015 one, 8 characters).
 */
const SHAPES: readonly (readonly [TerritoryLevel, RegExp])[] = [
  ['COMMUNE', COMMUNE_CODE],
  ['EPCI', /^\d{9}$/],
  ['DEPARTEMENT', /^(\d{2}|2[AB]|97[1-6])$/],
  ['QPV', /^Q[NP][0-9A-Z]{6}$/],
];

/** The level a code's shape announces, or null when it is no territory code at all. */
export function levelOfCode(code: string): TerritoryLevel | null {
  return SHAPES.find(([, shape]) => shape.test(code))?.[0] ?? null;
}

/**
 * What a territory covers, as the rows of governance record it: CAL decisions carry the
 * dwelling's commune and QPV, so a QPV is matched on the QPV, anything else on its communes
 * (a commune covers itself). An unknown code covers nothing.
 */
export function coverageOf(code: string, geography: Geography = officialGeography): Coverage {
  return geography.coverage(code) ?? { communes: [], qpv: null };
}

/**
 * Codes of the territories lying within `code`, itself included: a département gives itself,
 * its EPCIs, communes and the QPVs wholly inside it; an EPCI its communes and QPVs; a commune
 * the QPVs wholly inside it. Bodies sit at one of these levels (the CIL at the EPCI, the DALO
 * commission at the département), so "bodies of a territory" are those whose code is here.
 */
export function territoriesWithin(code: string, geography: Geography = officialGeography): string[] {
  if (!geography.find(code)) return [code];
  const inside = (member: string) => geography.enclosing(member).includes(code);
  return geography
    .all()
    .filter((territory) =>
      territory.level === 'QPV' ? territory.code === code || territory.communes.every(inside) : inside(territory.code),
    )
    .map((territory) => territory.code);
}

/**
 * Codes whose holders act for `code`: the code and every territory containing it (a commune
 * gives the commune, its EPCI and its département). A QPV is acted for by those acting for any
 * of its communes. A partner whose territories meet this list acts for the territory.
 */
export function actingFor(code: string, geography: Geography = officialGeography): string[] {
  const territory = geography.find(code);
  if (!territory) return [code];
  if (territory.level !== 'QPV') return geography.enclosing(code);
  return [...new Set([code, ...territory.communes.flatMap((commune) => geography.enclosing(commune))])];
}
