import { isUuid, requireUuid } from '@passerelle/shared/validation';
import type { SchemeCode } from './scheme.enums';
import type { SchemeFilter } from './scheme.inputs';
import type { SchemeLoaders } from './scheme.loaders';
import { toScheme } from './scheme.mapper';
import type { SchemeRepository } from './scheme.repository';
import type { Scheme } from './scheme.type';

/** Reading the scheme catalogue: public reference data, for anyone, token or not. */
export class SchemeService {
  constructor(private readonly schemes: SchemeRepository) {}

  async list(filter: SchemeFilter): Promise<Scheme[]> {
    return (await this.schemes.list(filter)).map(toScheme);
  }

  async get(loaders: SchemeLoaders, id: string): Promise<Scheme | null> {
    const row = await loaders.schemeById.load(requireUuid(id, 'id', 'a scheme'));
    return row && toScheme(row);
  }

  /** A scheme for federation (`_entities`): null, never an error, for an unknown id. */
  async resolveReference(loaders: SchemeLoaders, id: string): Promise<Scheme | null> {
    if (!isUuid(id)) return null;
    const row = await loaders.schemeById.load(id.toLowerCase());
    return row && toScheme(row);
  }

  /** The catalogue entry of a code (every code has one: the catalogue migration loads them all). */
  async byCode(loaders: SchemeLoaders, code: SchemeCode): Promise<Scheme> {
    const row = await loaders.schemeByCode.load(code);
    if (!row) throw new Error(`The scheme catalogue has no ${code}: a catalogue migration is missing.`);
    return toScheme(row);
  }
}
