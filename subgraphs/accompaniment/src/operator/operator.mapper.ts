import type { OperatorEntity } from './operator.entity';
import type { Operator } from './operator.type';

/** The public shape of an operator row. */
export function toOperator(row: OperatorEntity): Operator {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    territories: row.territories,
    annualCapacity: row.annualCapacity,
    schemeCodes: row.schemeCodes,
  };
}
