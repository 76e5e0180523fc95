import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { BodyMemberEntity } from './body-member.entity';
import { BodyEntity } from './body.entity';
import type { BodyKind } from './body.enums';

/** Conditions of a body list, already validated and expanded (the codes within the territory filter). */
export interface BodyCriteria {
  kind?: BodyKind;
  territoryCodes?: string[];
}

/** A position in the list, by name: the last (name, id) seen. */
export type BodyListPosition = readonly [name: string, id: string];

/** SQL for bodies and their members. */
export class BodyRepository {
  constructor(private readonly db: DataSource) {}

  /** The bodies among `ids`; one statement for any number of ids. */
  findByIds(ids: readonly string[]): Promise<BodyEntity[]> {
    return this.query().where('b.id = ANY(:ids::uuid[])', { ids }).getMany();
  }

  /** Up to `limit` bodies after `after`, by name. */
  page(criteria: BodyCriteria, after: BodyListPosition | undefined, limit: number): Promise<BodyEntity[]> {
    const query = this.filtered(criteria).orderBy('b.name', 'ASC').addOrderBy('b.id', 'ASC').limit(limit);
    if (after) {
      query.andWhere('(b.name, b.id) > (:afterName, :afterId::uuid)', { afterName: after[0], afterId: after[1] });
    }
    return query.getMany();
  }

  count(criteria: BodyCriteria): Promise<number> {
    return this.filtered(criteria).getCount();
  }

  /**
   * The first `limit` members of each body in `bodyIds` — chairs first, then voting members,
   * then by partner — in one statement.
   */
  async membersOf(bodyIds: readonly string[], limit: number): Promise<BodyMemberEntity[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT body_id, partner_id, role, chair FROM (
         SELECT m.*, row_number() OVER (PARTITION BY m.body_id ORDER BY m.chair DESC, m.role DESC, p.name, m.partner_id) AS position
         FROM body_member m JOIN partner p ON p.id = m.partner_id
         WHERE m.body_id = ANY($1::uuid[])
       ) ranked
       WHERE position <= $2
       ORDER BY body_id, position`,
      [bodyIds, limit],
    );
    return rows.map((row) =>
      Object.assign(new BodyMemberEntity(), {
        bodyId: row.body_id,
        partnerId: row.partner_id,
        role: row.role,
        chair: row.chair,
      }),
    );
  }

  private query(): SelectQueryBuilder<BodyEntity> {
    return this.db.getRepository(BodyEntity).createQueryBuilder('b');
  }

  private filtered(criteria: BodyCriteria): SelectQueryBuilder<BodyEntity> {
    const query = this.query().where('TRUE');
    if (criteria.kind) query.andWhere('b.kind = :kind', { kind: criteria.kind });
    if (criteria.territoryCodes) {
      query.andWhere('b.territoryCode = ANY(:codes::text[])', { codes: criteria.territoryCodes });
    }
    return query;
  }
}
