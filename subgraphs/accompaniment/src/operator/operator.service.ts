import { BadUserInputError } from '@passerelle/shared/errors';
import { anyText, decodeKeyCursor, pageSize, toPage } from '@passerelle/shared/pagination';
import { isUuid, requireUuid } from '@passerelle/shared/validation';
import { overlappingTerritories } from '../territory/territory-scope';
import type { OperatorFilter } from './operator.inputs';
import type { OperatorLoaders } from './operator.loaders';
import { toOperator } from './operator.mapper';
import type { OperatorCriteria, OperatorListPosition, OperatorRepository } from './operator.repository';
import type { Operator, OperatorConnection } from './operator.type';

/** A page of operators, plus what `totalCount` needs to count the whole list on demand. */
export type OperatorPage = OperatorConnection & { count: () => Promise<number> };

/** Reading operators: public reference data, for anyone, token or not. */
export class OperatorService {
  constructor(private readonly operators: OperatorRepository) {}

  async get(loaders: OperatorLoaders, id: string): Promise<Operator | null> {
    const row = await loaders.operatorById.load(requireUuid(id, 'id', 'an operator'));
    return row && toOperator(row);
  }

  /** An operator for federation (`_entities`) or for a measure: null, never an error, when unknown. */
  async resolveReference(loaders: OperatorLoaders, id: string): Promise<Operator | null> {
    if (!isUuid(id)) return null;
    const row = await loaders.operatorById.load(id.toLowerCase());
    return row && toOperator(row);
  }

  /** The operator of a measure (the foreign key guarantees it exists). */
  async byId(loaders: OperatorLoaders, id: string): Promise<Operator> {
    const row = await loaders.operatorById.load(id);
    if (!row) throw new Error(`Operator ${id} of a measure is missing.`);
    return toOperator(row);
  }

  /** Operators matching `filter`, by name, `first` at a time. */
  async list(filter: OperatorFilter, first: number | undefined, after: string | undefined): Promise<OperatorPage> {
    const criteria = criteriaOf(filter);
    const limit = pageSize(first);
    const position = decodeKeyCursor(after, [anyText]) as OperatorListPosition | undefined;
    const rows = await this.operators.page({ criteria, after: position, limit: limit + 1 });
    return toPage(
      rows,
      limit,
      (row) => [row.name, row.id],
      toOperator,
      () => this.operators.count(criteria),
    );
  }
}

function criteriaOf(filter: OperatorFilter): OperatorCriteria {
  if (filter.territory === undefined || filter.territory === null) return { scheme: filter.scheme };
  const overlapping = overlappingTerritories(filter.territory);
  if (!overlapping) {
    throw new BadUserInputError(
      `"territory" must be a commune, EPCI, département or QPV code of the official geography (got "${filter.territory}").`,
      'territory',
    );
  }
  return { scheme: filter.scheme, overlapping };
}
