import { seedOnce } from '@passerelle/shared/database';
import type { CalendarDate } from '@passerelle/shared/dates';
import type { DataSource } from 'typeorm';
import { DEV_NIR_KEY } from '../config';
import { DemandEventEntity } from '../demand-event/demand-event.entity';
import { DemandEntity } from '../demand/demand.entity';
import { DemandNirEntity } from '../demand/demand-nir.entity';
import { refreshDerivedDates, flagSuspectedDuplicates } from '../demand/demand.derived';
import { nirHash } from '../registration/nir';
import { DEMO_DALO_OFFER_MONTHS, generateDemoRegister } from './demo-register';

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
      const { demands, events, nirs } = generateDemoRegister(options.referenceDate, options.demands);
      const hashes = nirs.map(({ demandId, nir }) =>
        Object.assign(new DemandNirEntity(), { demandId, nirHash: nirHash(nir, DEV_NIR_KEY) }),
      );
      return [
        [DemandEntity, demands],
        [DemandEventEntity, events],
        [DemandNirEntity, dedupe(hashes)],
      ];
    },
    after: async (tx) => {
      await tx.query(
        `INSERT INTO dal_threshold (departement, typology, months, valid_from, source)
         VALUES ('59', NULL, 24, '2020-01-01', $1) ON CONFLICT DO NOTHING`,
        [DEMO_DAL_SOURCE],
      );
      await tx.query(
        `INSERT INTO territory_setting (territory_code, precedence, no_designation_months, dalo_offer_months, source)
         VALUES ('59', 3, NULL, $1, 'CCH R441-16-1: 6 months where an agglomeration exceeds 300 000 inhabitants (Lille)'),
                ('200093201', 2, 6, NULL, 'Demo value: alert after 6 months without designation (SIAO practice)')
         ON CONFLICT DO NOTHING`,
        [DEMO_DALO_OFFER_MONTHS],
      );
      await tx.query(
        `INSERT INTO nur_sequence (departement, year_month, last)
         SELECT departement, split_part(nur, '-', 2), max(split_part(nur, '-', 3)::int) FROM demand GROUP BY 1, 2
         ON CONFLICT (departement, year_month) DO UPDATE SET last = greatest(nur_sequence.last, excluded.last)`,
      );
      // Statistics for the planner on the freshly copied rows, before the set-based updates below.
      await tx.query('ANALYZE demand, demand_event, demand_nir');
      await refreshDerivedDates(tx, options.referenceDate);
      await flagSuspectedDuplicates(tx);
    },
  });
}

/** One hash per demand: a demo household can draw the same invented NIR twice. */
function dedupe(rows: DemandNirEntity[]): DemandNirEntity[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.demandId}:${row.nirHash.toString('hex')}`;
    return !seen.has(key) && seen.add(key);
  });
}
