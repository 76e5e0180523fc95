import { BadUserInputError } from '@passerelle/shared/errors';
import type { Viewer } from '@passerelle/shared/identity';
import { pageSize } from '@passerelle/shared/pagination';
import { isUuid, requireUuid } from '@passerelle/shared/validation';
import { anyText, decodeKeyCursor, toPage, type Page } from '@passerelle/shared/pagination';
import { requireAccessTo } from '../policy';
import { actingFor, levelOfCode } from '../territory/territory.codes';
import type { PartnerFilter } from './partner.inputs';
import type { PartnerLoaders } from './partner.loaders';
import { toPartner } from './partner.mapper';
import type { PartnerCriteria, PartnerListPosition, PartnerRepository } from './partner.repository';
import type { Partner } from './partner.type';

/** Reading the partner directory on behalf of a viewer; access rules live in `policy.ts`. */
export class PartnerService {
  constructor(private readonly partners: PartnerRepository) {}

  /** One partner, or null when it does not exist. */
  async get(viewer: Viewer, loaders: PartnerLoaders, id: string): Promise<Partner | null> {
    requireAccessTo(viewer, 'PARTNERS');
    const row = await loaders.partnerById.load(requireUuid(id, 'id', 'a partner'));
    return row && toPartner(row);
  }

  /** A partner for federation (`_entities`) or a nested field: null, never an error, when not readable. */
  async resolve(loaders: PartnerLoaders, id: string): Promise<Partner | null> {
    if (!isUuid(id)) return null;
    const row = await loaders.partnerById.load(id.toLowerCase());
    return row && toPartner(row);
  }

  /** Partners matching `filter`, by name, `first` at a time. */
  async list(
    viewer: Viewer,
    filter: PartnerFilter,
    first: number | undefined,
    after: string | undefined,
  ): Promise<Page<Partner>> {
    requireAccessTo(viewer, 'PARTNERS');
    const criteria = toCriteria(filter);
    const limit = pageSize(first);
    const position = decodeKeyCursor(after, [anyText]) as PartnerListPosition | undefined;
    const rows = await this.partners.page(criteria, position, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => [row.name, row.id],
      toPartner,
      () => this.partners.count(criteria),
    );
  }
}

function toCriteria(filter: PartnerFilter): PartnerCriteria {
  const criteria: PartnerCriteria = { kind: filter.kind ?? undefined };
  if (filter.actingFor !== undefined && filter.actingFor !== null) {
    if (levelOfCode(filter.actingFor) === null) {
      throw new BadUserInputError(
        `"actingFor" must be a territory code such as "59350", "200093201" or "59" (got "${filter.actingFor}").`,
        'filter.actingFor',
      );
    }
    criteria.territoryCodes = actingFor(filter.actingFor);
  }
  return criteria;
}
