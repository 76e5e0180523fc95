import type { TerritoryRecord } from '@passerelle/shared/geography';
import { TerritoryLevel } from './territory.enums';
import type { Territory } from './territory.type';

/** The public shape of a territory of the official geography. */
export function toTerritory(record: TerritoryRecord): Territory {
  return {
    code: record.code,
    name: record.name,
    level: TerritoryLevel[record.level],
    parentCode: record.parent ?? null,
  };
}
