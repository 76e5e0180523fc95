import { BadUserInputError } from '@passerelle/shared/errors';
import { officialGeography, type Geography } from '@passerelle/shared/geography';
import { levelOfCode } from './territory.codes';
import { toTerritory } from './territory.mapper';
import type { Territory } from './territory.type';

/**
 * Territories come from the official geography shipped in `shared/` (public reference data, the
 * same in every subgraph), not from a table: nothing here touches the database, so no access
 * rule and no loader is needed.
 */
export class TerritoryService {
  constructor(private readonly geography: Geography = officialGeography) {}

  /** The territory named by `code`; null when unknown, BAD_USER_INPUT when no territory code at all. */
  find(code: string): Territory | null {
    if (levelOfCode(code) === null) {
      throw new BadUserInputError(
        `"code" must be a territory code: INSEE commune (e.g. "59350"), EPCI SIREN (9 digits), département (e.g. "59") or QPV (e.g. "QN05971M"); got "${code}".`,
        'code',
      );
    }
    return this.resolve(code);
  }

  /** A territory for federation (`_entities`): null, never an error, for an unknown or malformed code. */
  resolve(code: unknown): Territory | null {
    const record = typeof code === 'string' ? this.geography.find(code) : undefined;
    return record ? toTerritory(record) : null;
  }

  /** Known territories among `codes`, in order (a partner's territories, a body's territory). */
  many(codes: readonly string[]): Territory[] {
    return codes.map((code) => this.resolve(code)).filter((territory) => territory !== null);
  }
}
