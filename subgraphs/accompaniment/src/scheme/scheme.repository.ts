import type { DataSource } from 'typeorm';
import type { SchemeCode } from './scheme.enums';
import { SchemeEntity } from './scheme.entity';
import type { SchemeFilter } from './scheme.inputs';

/** SQL for the scheme catalogue. Public data: no viewer filter. */
export class SchemeRepository {
  constructor(private readonly db: DataSource) {}

  /** The catalogue entries matching `filter`, by code. At most one row per `SchemeCode` (unique constraint). */
  list(filter: SchemeFilter): Promise<SchemeEntity[]> {
    const query = this.db.getRepository(SchemeEntity).createQueryBuilder('s').orderBy('s.code', 'ASC');
    if (filter.funder) query.andWhere('s.funder = :funder', { funder: filter.funder });
    if (filter.prescriberKind) {
      query.andWhere('s.prescriberKinds @> ARRAY[:kind]::text[]', { kind: filter.prescriberKind });
    }
    return query.getMany();
  }

  /** The schemes among `ids`, in one statement. */
  findByIds(ids: readonly string[]): Promise<SchemeEntity[]> {
    return this.db.getRepository(SchemeEntity).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids }).getMany();
  }

  /** The schemes among `codes`, in one statement. */
  findByCodes(codes: readonly SchemeCode[]): Promise<SchemeEntity[]> {
    return this.db
      .getRepository(SchemeEntity)
      .createQueryBuilder('s')
      .where('s.code = ANY(:codes)', { codes })
      .getMany();
  }
}
