import { byIdLoader } from '@passerelle/shared/loaders';
import type DataLoader from 'dataloader';
import type { OperatorEntity } from './operator.entity';
import type { OperatorRepository } from './operator.repository';

/** Per-request batch loaders of operators. */
export interface OperatorLoaders {
  operatorById: DataLoader<string, OperatorEntity | null>;
}

export function createOperatorLoaders(operators: OperatorRepository): OperatorLoaders {
  return {
    operatorById: byIdLoader((ids) => operators.findByIds(ids)),
  };
}
