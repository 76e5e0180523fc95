import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { PartnerEntity } from './partner.entity';
import type { PartnerKind } from './partner.enums';

/** Conditions of a partner list, already validated and expanded (territory codes acting for the filter). */
export interface PartnerCriteria {
  kind?: PartnerKind;
  /** Partners whose territories meet these codes. */
  territoryCodes?: string[];
}

/** A position in the list, by name: the last (name, id) seen. */
export type PartnerListPosition = readonly [name: string, id: string];

/** SQL for partners. */
export class PartnerRepository {
  constructor(private readonly db: DataSource) {}

  /** The partners among `ids`; one statement for any number of ids. */
  findByIds(ids: readonly string[]): Promise<PartnerEntity[]> {
    return this.query().where('p.id = ANY(:ids::uuid[])', { ids }).getMany();
  }

  /** Up to `limit` partners after `after`, by name. */
  page(criteria: PartnerCriteria, after: PartnerListPosition | undefined, limit: number): Promise<PartnerEntity[]> {
    const query = this.filtered(criteria).orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').limit(limit);
    if (after) {
      query.andWhere('(p.name, p.id) > (:afterName, :afterId::uuid)', { afterName: after[0], afterId: after[1] });
    }
    return query.getMany();
  }

  count(criteria: PartnerCriteria): Promise<number> {
    return this.filtered(criteria).getCount();
  }

  private query(): SelectQueryBuilder<PartnerEntity> {
    return this.db.getRepository(PartnerEntity).createQueryBuilder('p');
  }

  private filtered(criteria: PartnerCriteria): SelectQueryBuilder<PartnerEntity> {
    const query = this.query().where('TRUE');
    if (criteria.kind) query.andWhere('p.kind = :kind', { kind: criteria.kind });
    if (criteria.territoryCodes) {
      query.andWhere('p.territoryCodes && :codes::text[]', { codes: criteria.territoryCodes });
    }
    return query;
  }
}
