import DataLoader from 'dataloader';
import type { OperatorEntity } from './operator.entity';
import type { OperatorRepository } from './operator.repository';

/** Per-request batch loaders of operators. */
export interface OperatorLoaders {
  operatorById: DataLoader<string, OperatorEntity | null>;
}

export function createOperatorLoaders(operators: OperatorRepository): OperatorLoaders {
  return {
    operatorById: new DataLoader(async (ids) => {
      const byId = new Map((await operators.findByIds(ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
