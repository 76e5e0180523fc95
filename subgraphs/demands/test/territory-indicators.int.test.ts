import { StatementCounter } from '@passerelle/shared/database';
import { addMonths, monthsBetween } from '@passerelle/shared/dates';
import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { officialGeography } from '@passerelle/shared/geography';
import { ANONYMOUS } from '@passerelle/shared/identity';
import { type SeededSubgraph, type SubgraphClient, demoViewer, openSeededSubgraph } from '@passerelle/shared/testing';
import type { DataSource } from 'typeorm';
import { createDemandsDataSource } from '../src/data-source';
import { seedDemoRegister } from '../src/seed/demo-seed';
import { buildDemandsServer } from '../src/server';

/**
 * Territory.demandIndicators on the seeded demo register. Expected values are computed here
 * from the rows (SQL selects, JavaScript arithmetic), independently of the indicator SQL.
 */
let db: DataSource;
let statements: StatementCounter;
let demands: SubgraphClient;
const asOf = TEST_REFERENCE_DATE; // 2026-06-30
const DAL_MONTHS = 24; // the demo row seeded for département 59

let subject: SeededSubgraph;
beforeAll(async () => {
  subject = await openSeededSubgraph({
    name: 'demands',
    createDataSource: createDemandsDataSource,
    seed: seedDemoRegister,
    buildApp: buildDemandsServer,
    demands: 400,
  });
  ({ db, statements, client: demands } = subject);
});
afterAll(() => subject?.close());

const INDICATORS = `query($representations: [_Any!]!, $asOf: LocalDate) {
  _entities(representations: $representations) {
    ... on Territory { code demandIndicators(asOf: $asOf) { pending newThisMonth newThisYear medianWaitMonths pastDal } }
  }
}`;
const territories = (...codes: string[]) => codes.map((code) => ({ __typename: 'Territory', code }));

/** Independent oracle: rows of the demands wishing one of `communes`, arithmetic in JS. */
async function expected(communes: string[]) {
  const rows: { status: string; filing_date: string }[] = await db.query(
    `SELECT status, to_char(filing_date, 'YYYY-MM-DD') AS filing_date FROM demand WHERE wished_communes && $1::text[]`,
    [communes],
  );
  const pending = rows.filter((row) => row.status === 'ACTIVE');
  const waits = pending.map((row) => monthsBetween(row.filing_date, asOf)).sort((a, b) => a - b);
  return {
    pending: pending.length,
    newThisMonth: rows.filter((row) => row.filing_date >= '2026-06-01' && row.filing_date <= asOf).length,
    newThisYear: rows.filter((row) => row.filing_date >= '2026-01-01' && row.filing_date <= asOf).length,
    medianWaitMonths: waits.length ? waits[Math.ceil(waits.length / 2) - 1] : null,
    pastDal: pending.filter((row) => addMonths(row.filing_date, DAL_MONTHS) <= asOf).length,
  };
}

describe('Territory.demandIndicators', () => {
  it('gives a commune, the EPCI and a QPV the figures computed from the rows', async () => {
    const qpv = officialGeography.qpvsOf('59512')[0]!;
    const response = await demands.query(demoViewer('observatoire-mel'), INDICATORS, {
      representations: territories('59350', '200093201', qpv.code),
      asOf,
    });
    expect(response.errors).toBeUndefined();
    const [lille, mel, district] = response.data!._entities;
    expect(lille.demandIndicators).toEqual(await expected(['59350']));
    expect(mel.demandIndicators).toEqual(await expected(officialGeography.find('200093201')!.communes));
    expect(district.demandIndicators).toEqual(await expected(qpv.communes));
    expect(lille.demandIndicators.pending).toBeGreaterThan(0);
    expect(lille.demandIndicators.pastDal).toBeGreaterThan(0);
  });

  it('says null for the DAL where none is configured', async () => {
    await db.query(`DELETE FROM dal_threshold`);
    try {
      const response = await demands.query(demoViewer('mel'), INDICATORS, {
        representations: territories('59350'),
        asOf,
      });
      expect(response.data!._entities[0].demandIndicators.pastDal).toBeNull();
    } finally {
      await db.query(
        `INSERT INTO dal_threshold (departement, months, valid_from, source) VALUES ('59', 24, '2020-01-01', 'test')`,
      );
    }
  });

  it('costs one SQL statement for one territory and for five', async () => {
    const one = await statements.measure(() =>
      demands.query(demoViewer('mel'), INDICATORS, { representations: territories('59350'), asOf }),
    );
    const five = await statements.measure(() =>
      demands.query(demoViewer('mel'), INDICATORS, {
        representations: territories('59350', '59512', '59599', '200093201', '59'),
        asOf,
      }),
    );
    expect(one).toBe(1);
    expect(five).toBe(one);
  });

  it('is for partners only: anonymous callers are refused, any partner kind reads it', async () => {
    const denied = await demands.query(ANONYMOUS, INDICATORS, { representations: territories('59350'), asOf });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed = await demands.query(demoViewer('dpo-mel'), INDICATORS, {
      representations: territories('59350'),
      asOf,
    });
    expect(allowed.data!._entities[0].demandIndicators.pending).toBeGreaterThan(0);
  });

  it('refuses an unknown territory code', async () => {
    const response = await demands.query(demoViewer('mel'), INDICATORS, {
      representations: territories('75056'),
      asOf,
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
