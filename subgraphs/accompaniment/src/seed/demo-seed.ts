import { seedOnce } from '@passerelle/shared/database';
import type { CalendarDate } from '@passerelle/shared/dates';
import { generateDemoTerritory } from '@passerelle/shared/demo';
import type { DataSource } from 'typeorm';
import { ConsentEntity, DiagnosticEntity } from '../diagnostic/diagnostic.entity';
import { HouseholdEntity } from '../household/household.entity';
import { MeasureEntity } from '../measure/measure.entity';
import { OperatorEntity } from '../operator/operator.entity';
import { SchemeEntity } from '../scheme/scheme.entity';
import { generateDemoDiagnostics } from './demo-diagnostics';
import { demoHouseholdsOf, generateDemoMeasures } from './demo-measures';
import { demoOperators } from './demo-operators';

/**
 * Seeds this subgraph's slice of the demo territory once: the operators, the households, their measures, diagnostics and consents (the
 * scheme catalogue is reference data, loaded by a migration). Nothing when operators exist.
 */
export function seedDemoAccompaniment(db: DataSource, options: { referenceDate: CalendarDate; demands: number }) {
  return seedOnce(db, {
    lock: 4003,
    isSeeded: (tx) => tx.getRepository(OperatorEntity).exists(),
    tables: async (tx) => {
      const schemes = await tx.getRepository(SchemeEntity).find({ order: { code: 'ASC' } });
      const operators = demoOperators();
      const territory = generateDemoTerritory(options.referenceDate, options.demands);
      const measures = generateDemoMeasures(territory, schemes, operators);
      const { diagnostics, consents } = generateDemoDiagnostics(measures, operators, options.referenceDate);
      return [
        [OperatorEntity, operators],
        [HouseholdEntity, demoHouseholdsOf(measures)],
        [MeasureEntity, measures],
        [DiagnosticEntity, diagnostics],
        [ConsentEntity, consents],
      ];
    },
  });
}
