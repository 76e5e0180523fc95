import { seedOnce } from '@passerelle/shared/database';
import type { CalendarDate } from '@passerelle/shared/dates';
import type { DataSource } from 'typeorm';
import { DemandEventEntity } from '../demand-event/demand-event.entity';
import { DemandEntity } from '../demand/demand.entity';
import { generateDemoRegister } from './demo-register';

/**
 * The demo DAL for the Nord. A demo value: the real one comes from the préfet du Nord's arrêté
 * and must be loaded from it before any real use.
 */
const DEMO_DAL_SOURCE = "Demo value (24 months) — replace with the préfet du Nord's arrêté";

/** Seeds the demo register once (nothing when it already has demands). */
export function seedDemoRegister(db: DataSource, options: { referenceDate: CalendarDate; demands: number }) {
  return seedOnce(db, {
    lock: 4001,
    isSeeded: (tx) => tx.getRepository(DemandEntity).exists(),
    tables: () => {
      const { demands, events } = generateDemoRegister(options.referenceDate, options.demands);
      return [
        [DemandEntity, demands],
        [DemandEventEntity, events],
      ];
    },
    after: (tx) =>
      tx.query(
        `INSERT INTO dal_threshold (departement, typology, months, valid_from, source)
         VALUES ('59', NULL, 24, '2020-01-01', $1) ON CONFLICT DO NOTHING`,
        [DEMO_DAL_SOURCE],
      ),
  });
}
