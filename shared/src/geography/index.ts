import data from './mel-geography.json';

/** What kind of area a territory code names (ARCHITECTURE.md: `Territory.level`). */
export type TerritoryLevel = 'COMMUNE' | 'EPCI' | 'DEPARTEMENT' | 'QPV';

export interface TerritoryRecord {
  code: string;
  name: string;
  level: TerritoryLevel;
  /** The territory directly above: commune → EPCI, EPCI → département; none for QPVs (they may span communes). */
  parent?: string;
  /** Communes a QPV lies in, or the commune itself. */
  communes: string[];
}

/**
 * What a territory covers, as rows located by commune and QPV record it: a QPV covers part of a
 * commune only, so it is matched on its own QPV code; any other territory on its communes (a
 * commune covers itself; an EPCI or a département, its communes).
 */
export interface Coverage {
  communes: string[];
  qpv: string | null;
}

/**
 * The official public geography (communes → EPCI → département, and QPVs) that every subgraph
 * loads to interpret the `territories` claim. Built from data shipped in this package; nothing
 * is fetched at run time.
 */
export class Geography {
  private readonly byCode = new Map<string, TerritoryRecord>();

  constructor(source: typeof data) {
    for (const d of source.departements) this.add({ code: d.code, name: d.name, level: 'DEPARTEMENT', communes: [] });
    for (const e of source.epcis) {
      this.add({ code: e.code, name: e.name, level: 'EPCI', parent: e.departement, communes: [] });
    }
    for (const c of source.communes) {
      this.add({ code: c.code, name: c.name, level: 'COMMUNE', parent: c.epci, communes: [c.code] });
      this.byCode.get(c.epci)?.communes.push(c.code);
      this.byCode.get(c.departement)?.communes.push(c.code);
    }
    for (const q of source.qpvs) this.add({ code: q.code, name: q.name, level: 'QPV', communes: [...q.communes] });
  }

  private add(territory: TerritoryRecord) {
    this.byCode.set(territory.code, territory);
  }

  find(code: string): TerritoryRecord | undefined {
    return this.byCode.get(code);
  }

  all(): TerritoryRecord[] {
    return [...this.byCode.values()];
  }

  communes(): TerritoryRecord[] {
    return this.all().filter((territory) => territory.level === 'COMMUNE');
  }

  /**
   * `code` and every territory containing it, narrowest first: a commune gives
   * `[commune, EPCI, département]`. A partner acting for any of them acts for the commune.
   */
  enclosing(code: string): string[] {
    const chain: string[] = [];
    for (
      let current = this.byCode.get(code);
      current;
      current = current.parent ? this.byCode.get(current.parent) : undefined
    ) {
      chain.push(current.code);
    }
    return chain;
  }

  /** The EPCI a commune belongs to (its SIREN), or null for a code that is no known commune. */
  epciOf(communeCode: string): string | null {
    const commune = this.byCode.get(communeCode);
    return commune?.level === 'COMMUNE' && commune.parent ? commune.parent : null;
  }

  /** What `code` covers (see `Coverage`), or undefined for a code this geography does not know. */
  coverage(code: string): Coverage | undefined {
    const territory = this.byCode.get(code);
    if (!territory) return undefined;
    if (territory.level === 'QPV') return { communes: [], qpv: territory.code };
    return { communes: [...territory.communes], qpv: null };
  }

  /** QPVs a commune contains (in part). */
  qpvsOf(communeCode: string): TerritoryRecord[] {
    return this.all().filter((territory) => territory.level === 'QPV' && territory.communes.includes(communeCode));
  }
}

/** The geography shipped with Passerelle (MEL, département 59; COG 2025, QPV 2024). */
export const officialGeography = new Geography(data);
export const geographyVintage = data.vintage;

/**
 * The codes of `territories` a partner can act for: communes, EPCIs and départements. A QPV (a
 * district) in a token's territories grants nothing: access follows the partner's legal
 * perimeter, never a district. Codes unknown to the shipped geography are kept (another
 * département's partners act for it).
 */
export function actingTerritories(territories: readonly string[], geography: Geography = officialGeography): string[] {
  return territories.filter((code) => geography.find(code)?.level !== 'QPV' && !/^Q[NP]\d/.test(code));
}
