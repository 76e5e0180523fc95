import { groupBy, perSizeLoaders } from '@passerelle/shared/loaders';
import DataLoader from 'dataloader';
import type { MeasureAccess } from '../policy';
import type { ConsentEntity, DiagnosticEntity } from './diagnostic.entity';
import type { DiagnosticRepository } from './diagnostic.repository';

/** Per-request loaders of diagnostics, consents and the accompanied fact, for one viewer. */
export interface DiagnosticLoaders {
  diagnosticsOfMeasure: DataLoader<string, DiagnosticEntity[]>;
  diagnosticsOfDemand(first: number): DataLoader<string, DiagnosticEntity[]>;
  isAccompanied: DataLoader<string, boolean>;
  consentsOfHousehold: DataLoader<string, ConsentEntity[]>;
}

/** `factAccess`: which measures' existence the viewer may learn (`accompanimentFactAccess`). */
export function createDiagnosticLoaders(
  diagnostics: DiagnosticRepository,
  factAccess: MeasureAccess | null,
): DiagnosticLoaders {
  return {
    diagnosticsOfMeasure: new DataLoader(async (measureIds) => {
      const byMeasure = groupBy(await diagnostics.ofMeasures(measureIds), (row) => row.measureId);
      return measureIds.map((id) => byMeasure.get(id) ?? []);
    }),
    diagnosticsOfDemand: perSizeLoaders(async (demandIds, first) =>
      factAccess
        ? groupBy(await diagnostics.ofDemands(demandIds, factAccess, first), (row) => row.demandId)
        : new Map(),
    ),
    isAccompanied: new DataLoader(async (demandIds) => {
      const accompanied = factAccess ? await diagnostics.accompaniedDemands(demandIds, factAccess) : new Set();
      return demandIds.map((id) => accompanied.has(id));
    }),
    consentsOfHousehold: new DataLoader(async (householdIds) => {
      const byHousehold = groupBy(await diagnostics.consentsOf(householdIds), (row) => row.householdId);
      return householdIds.map((id) => byHousehold.get(id) ?? []);
    }),
  };
}
