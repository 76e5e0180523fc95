import { DiagnosticDimension } from './diagnostic.enums';
import type { DiagnosticEntity } from './diagnostic.entity';
import type { GridLine } from './diagnostic.rules';

/** The entity's score and comment columns of each dimension. */
export const GRID_COLUMNS = {
  [DiagnosticDimension.BUDGET]: ['budgetScore', 'budgetComment'],
  [DiagnosticDimension.HEALTH]: ['healthScore', 'healthComment'],
  [DiagnosticDimension.EMPLOYMENT]: ['employmentScore', 'employmentComment'],
  [DiagnosticDimension.HOUSING_SKILLS]: ['housingSkillsScore', 'housingSkillsComment'],
  [DiagnosticDimension.SOCIAL_TIES]: ['socialTiesScore', 'socialTiesComment'],
  [DiagnosticDimension.ADMINISTRATIVE_SITUATION]: ['administrativeSituationScore', 'administrativeSituationComment'],
} as const satisfies Record<DiagnosticDimension, readonly [keyof DiagnosticEntity, keyof DiagnosticEntity]>;

/** The grid of a row, in the order of the dimensions. */
export function gridOf(row: DiagnosticEntity): GridLine[] {
  return Object.values(DiagnosticDimension).map((dimension) => {
    const [score, comment] = GRID_COLUMNS[dimension];
    return { dimension, score: row[score], comment: row[comment] };
  });
}

/** The score and comment columns of a (validated) grid. */
export function gridColumns(grid: readonly GridLine[]): Partial<DiagnosticEntity> {
  const columns: Record<string, unknown> = {};
  for (const line of grid) {
    const [score, comment] = GRID_COLUMNS[line.dimension];
    columns[score] = line.score;
    columns[comment] = line.comment?.trim() ?? null;
  }
  return columns as Partial<DiagnosticEntity>;
}
