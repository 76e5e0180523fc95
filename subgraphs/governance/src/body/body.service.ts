import { BadUserInputError } from '@passerelle/shared/errors';
import type { Viewer } from '@passerelle/shared/identity';
import { pageSize } from '@passerelle/shared/pagination';
import { isUuid, requireUuid } from '@passerelle/shared/validation';
import { anyText, decodeKeyCursor, toPage, type Page } from '@passerelle/shared/pagination';
import { requireAccessTo } from '../policy';
import { levelOfCode, territoriesWithin } from '../territory/territory.codes';
import type { BodyFilter } from './body.inputs';
import type { BodyLoaders } from './body.loaders';
import { toBody, toBodyMember } from './body.mapper';
import type { BodyCriteria, BodyListPosition, BodyRepository } from './body.repository';
import type { Body, BodyMember } from './body.type';

/** Reading governance bodies on behalf of a viewer; access rules live in `policy.ts`. */
export class BodyService {
  constructor(private readonly bodies: BodyRepository) {}

  /** One body, or null when it does not exist. */
  async get(viewer: Viewer, loaders: BodyLoaders, id: string): Promise<Body | null> {
    requireAccessTo(viewer, 'BODIES');
    const row = await loaders.bodyById.load(requireUuid(id, 'id', 'a body'));
    return row && toBody(row);
  }

  /** A body for federation (`_entities`) or a nested field: null, never an error, when not readable. */
  async resolve(loaders: BodyLoaders, id: string): Promise<Body | null> {
    if (!isUuid(id)) return null;
    const row = await loaders.bodyById.load(id.toLowerCase());
    return row && toBody(row);
  }

  /** Bodies matching `filter`, by name, `first` at a time. */
  async list(
    viewer: Viewer,
    filter: BodyFilter,
    first: number | undefined,
    after: string | undefined,
  ): Promise<Page<Body>> {
    requireAccessTo(viewer, 'BODIES');
    const criteria = toCriteria(filter);
    const limit = pageSize(first);
    const position = decodeKeyCursor(after, [anyText]) as BodyListPosition | undefined;
    const rows = await this.bodies.page(criteria, position, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => [row.name, row.id],
      toBody,
      () => this.bodies.count(criteria),
    );
  }

  /** The first `first` members of a body (chairs first), batched across bodies. */
  async members(loaders: BodyLoaders, body: Body, first: number | undefined): Promise<BodyMember[]> {
    const rows = await loaders.membersOf(pageSize(first)).load(body.id);
    return rows.map(toBodyMember);
  }
}

function toCriteria(filter: BodyFilter): BodyCriteria {
  const criteria: BodyCriteria = { kind: filter.kind ?? undefined };
  if (filter.territory !== undefined && filter.territory !== null) {
    if (levelOfCode(filter.territory) === null) {
      throw new BadUserInputError(
        `"territory" must be a territory code such as "59350", "200093201" or "59" (got "${filter.territory}").`,
        'filter.territory',
      );
    }
    criteria.territoryCodes = territoriesWithin(filter.territory);
  }
  return criteria;
}
