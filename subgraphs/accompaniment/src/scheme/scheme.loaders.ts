import { byIdLoader } from '@passerelle/shared/loaders';
import DataLoader from 'dataloader';
import type { SchemeCode } from './scheme.enums';
import type { SchemeEntity } from './scheme.entity';
import type { SchemeRepository } from './scheme.repository';

/** Per-request batch loaders of the catalogue (public data, but still one cache per request). */
export interface SchemeLoaders {
  schemeById: DataLoader<string, SchemeEntity | null>;
  schemeByCode: DataLoader<SchemeCode, SchemeEntity | null>;
}

export function createSchemeLoaders(schemes: SchemeRepository): SchemeLoaders {
  return {
    schemeById: byIdLoader((ids) => schemes.findByIds(ids)),
    schemeByCode: new DataLoader(async (codes) => {
      const byCode = new Map((await schemes.findByCodes(codes)).map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}
