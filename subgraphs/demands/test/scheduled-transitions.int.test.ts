import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { TEST_REFERENCE_DATE } from '@passerelle/shared/demo';
import { createTestDatabase, type TestDatabase } from '@passerelle/shared/testing';
import type { DataSource } from 'typeorm';
import { createDemandsDataSource } from '../src/data-source';
import { applyScheduledTransitions } from '../src/lifecycle/scheduled-transitions';
import { seedDemoRegister } from '../src/seed/demo-seed';

/**
 * The scheduled job on real PostgreSQL: demands of the seeded register are put by SQL into the
 * states of a hand-written table, the job runs as of a day, and each row is checked against the
 * outcome the law gives (expected dates computed by hand, month ends included).
 */
let database: TestDatabase;
let db: DataSource;
let ids: string[];

const NOW = new Date('2026-06-30T22:00:00Z');
const run = (asOf: string, retentionMonths = 12) => applyScheduledTransitions(db, { asOf, now: NOW, retentionMonths });

beforeAll(async () => {
  database = await createTestDatabase('demands');
  db = createDemandsDataSource(database.url);
  await db.initialize();
  await seedDemoRegister(db, { referenceDate: TEST_REFERENCE_DATE, demands: 200 });
  // The seed's own state at its reference date is settled first, so that only the fixtures change below.
  await run(TEST_REFERENCE_DATE);
  ids = (await db.query(`SELECT id FROM demand WHERE status = 'ACTIVE' ORDER BY id LIMIT 20`)).map(
    (row: { id: string }) => row.id,
  );
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const active = (id: string, set: string) =>
  db.query(`UPDATE demand SET filing_date = '2023-01-15', renewal_notice_for = NULL, ${set} WHERE id = $1`, [id]);
const radiated = (id: string, motive: string, radiatedOn: string, validUntil: string) =>
  db.query(
    `UPDATE demand SET status = 'RADIATED', radiation_motive = $2, radiated_on = $3, valid_until = $4,
                       filing_date = '2022-01-15' WHERE id = $1`,
    [id, motive, radiatedOn, validUntil],
  );
const row = async (id: string) =>
  (
    await db.query(
      `SELECT status, radiation_motive, to_char(radiated_on, 'YYYY-MM-DD') AS radiated_on, nur, persons, contact,
              to_char(purged_on, 'YYYY-MM-DD') AS purged_on, to_char(renewal_notice_for, 'YYYY-MM-DD') AS notice_for
         FROM demand WHERE id = $1`,
      [id],
    )
  )[0];
const events = async (id: string, type: string): Promise<number> =>
  (await db.query(`SELECT count(*)::int AS n FROM demand_event WHERE demand_id = $1 AND type = $2`, [id, type]))[0].n;

describe('applyScheduledTransitions, as of 2026-06-30', () => {
  // [name, fixture, expected status, expected radiation date, expected notice for]
  const table: [string, (id: string) => Promise<unknown>, string, string | null, string | null][] = [
    [
      'valid until 2026-07-31: notice due on 06-30',
      (id) => active(id, `valid_until = '2026-07-31'`),
      'ACTIVE',
      null,
      '2026-07-31',
    ],
    [
      'valid until 2026-08-01: notice due 07-01, not yet',
      (id) => active(id, `valid_until = '2026-08-01'`),
      'ACTIVE',
      null,
      null,
    ],
    [
      'valid until 2026-07-30: notice due 06-30',
      (id) => active(id, `valid_until = '2026-07-30'`),
      'ACTIVE',
      null,
      '2026-07-30',
    ],
    [
      'valid until 2026-05-31: radiated at 13 months, 06-30',
      (id) => active(id, `valid_until = '2026-05-31'`),
      'RADIATED',
      '2026-06-30',
      '2026-05-31',
    ],
    [
      'valid until 2026-06-01: radiation due 07-01, not yet',
      (id) => active(id, `valid_until = '2026-06-01'`),
      'ACTIVE',
      null,
      '2026-06-01',
    ],
    // A missed run catches up with the legal date, not the run's.
    [
      'valid until 2026-04-30: radiated on its legal day 05-30',
      (id) => active(id, `valid_until = '2026-04-30'`),
      'RADIATED',
      '2026-05-30',
      '2026-04-30',
    ],
    [
      'letter 2026-04-30: no answer, radiated 06-30',
      (id) => active(id, `valid_until = '2027-01-01', answer_requested_on = '2026-04-30'`),
      'RADIATED',
      '2026-06-30',
      null,
    ],
    [
      'letter 2026-05-01: radiation due 07-01, not yet',
      (id) => active(id, `valid_until = '2027-01-01', answer_requested_on = '2026-05-01'`),
      'ACTIVE',
      null,
      null,
    ],
  ];

  let report: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    for (const [index, [, fixture]] of table.entries()) await fixture(ids[index]!);
    report = await run('2026-06-30');
  });

  it.each(table.map((entry, index) => [entry[0], index] as const))('%s', async (_name, index) => {
    const [, , status, radiatedOn, noticeFor] = table[index]!;
    const after = await row(ids[index]!);
    expect(after.status).toBe(status);
    expect(after.radiated_on).toBe(radiatedOn);
    expect(after.notice_for).toBe(noticeFor);
    expect(await events(ids[index]!, 'RADIATED')).toBe(radiatedOn ? 1 : 0);
  });

  it('reports what it did, in agreement with the table', () => {
    expect(report.radiatedForNonRenewal).toBe(2);
    expect(report.radiatedForNoAnswer).toBe(1);
    // Notices: the three due ones, plus the two lapsed demands that never had one.
    expect(report.renewalNoticesSent).toBe(5);
  });

  it('is idempotent: a second run the same day changes nothing', async () => {
    const state = `SELECT (SELECT count(*)::int FROM demand_event) AS events, (SELECT sum(version)::int FROM demand) AS versions`;
    const before = (await db.query(state))[0];
    const again = await run('2026-06-30');
    expect(again).toEqual({
      asOf: '2026-06-30',
      dueDatesRefreshed: 0,
      renewalNoticesSent: 0,
      radiatedForNonRenewal: 0,
      radiatedForNoAnswer: 0,
      purged: 0,
      duplicateFlagsChanged: 0,
    });
    expect((await db.query(state))[0]).toEqual(before);
  });
});

describe('the retention purge (décret 2017-917 art. 4)', () => {
  // [name, motive, radiated on, valid until, retention months, as of, purged]
  const table: [string, string, string, string, number, string, boolean][] = [
    ['renunciation, one year to the day', 'RENUNCIATION', '2025-06-30', '2026-01-15', 12, '2026-06-30', true],
    ['renunciation, one day short', 'RENUNCIATION', '2025-07-01', '2026-01-15', 12, '2026-06-30', false],
    // Month end: 29 February 2024 + 12 months = 28 February 2025.
    [
      'renunciation on 29 February, purged on 28 February',
      'RENUNCIATION',
      '2024-02-29',
      '2025-01-15',
      12,
      '2025-02-28',
      true,
    ],
    [
      'renunciation on 29 February, not on 27 February',
      'RENUNCIATION',
      '2024-02-29',
      '2025-01-15',
      12,
      '2025-02-27',
      false,
    ],
    // Non-renewal: reactivable until valid_until + 6 months; a short retention waits for that window.
    [
      'non-renewal, retention 3 months, window still open',
      'NON_RENEWAL',
      '2025-06-15',
      '2025-05-15',
      3,
      '2025-11-15',
      false,
    ],
    [
      'non-renewal, retention 3 months, window closed',
      'NON_RENEWAL',
      '2025-06-15',
      '2025-05-15',
      3,
      '2025-11-16',
      true,
    ],
    [
      'no answer, radiated 2025-08-31, window to 2026-01-31',
      'NO_ANSWER',
      '2025-08-31',
      '2026-06-01',
      3,
      '2026-01-31',
      false,
    ],
    ['no answer, the day after the window', 'NO_ANSWER', '2025-08-31', '2026-06-01', 3, '2026-02-01', true],
  ];

  // One demand per case; each case's run is checked before the next one runs.
  it.each(table.map((entry, index) => [...entry, index] as const))(
    '%s',
    async (_name, motive, radiatedOn, validUntil, retention, asOf, purged, index) => {
      const id = ids[12 + index]!;
      await radiated(id, motive, radiatedOn, validUntil);
      await db.query(
        `INSERT INTO demand_nir (nir_hash, demand_id) VALUES (decode(md5($1), 'hex'), $1::uuid) ON CONFLICT DO NOTHING`,
        [id],
      );
      await run(asOf, retention);
      const after = await row(id);
      expect(after.purged_on).toBe(purged ? asOf : null);
      expect(after.nur === null).toBe(purged);
      if (purged) {
        expect(after.persons).toEqual([]);
        expect(after.contact).toBeNull();
        expect((await db.query(`SELECT count(*)::int AS n FROM demand_nir WHERE demand_id = $1`, [id]))[0].n).toBe(0);
        expect(
          (
            await db.query(`SELECT count(*)::int AS n FROM demand_event WHERE demand_id = $1 AND detail IS NOT NULL`, [
              id,
            ])
          )[0].n,
        ).toBe(0);
        expect(await events(id, 'DATA_ERASED')).toBe(1);
        // Statistics stay: status, motive, dates, household size and wishes.
        const kept = (await db.query(`SELECT status, adults, wished_communes FROM demand WHERE id = $1`, [id]))[0];
        expect(kept.status).toBe('RADIATED');
        expect(kept.adults).toBeGreaterThan(0);
        expect(kept.wished_communes.length).toBeGreaterThan(0);
      } else {
        expect(after.persons.length).toBeGreaterThan(0);
      }
    },
  );

  it('leaves the timeline append-only outside the purge', async () => {
    await expect(db.query(`UPDATE demand_event SET detail = 'x' WHERE demand_id = $1`, [ids[0]])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM demand_event WHERE demand_id = $1`, [ids[0]])).rejects.toThrow(/append-only/);
  });
});

describe('due dates follow the reference data', () => {
  it('a new typology-specific DAL is picked up by the next run (month end: 31 May + 18 months = 30 November)', async () => {
    const id = ids[10]!;
    await db.query(
      `UPDATE demand SET status = 'ACTIVE', filing_date = '2025-05-31', valid_until = '2027-01-01',
              wished_typologies = '{T2,T3}', answer_requested_on = NULL WHERE id = $1`,
      [id],
    );
    await db.query(
      `INSERT INTO dal_threshold (departement, typology, months, valid_from, source) VALUES ('59', 'T2', 18, '2026-01-01', 'test')`,
    );
    await run('2026-06-30');
    const [{ dal_date }] = await db.query(
      `SELECT to_char(dal_date, 'YYYY-MM-DD') AS dal_date FROM demand WHERE id = $1`,
      [id],
    );
    expect(dal_date).toBe('2026-11-30');
  });
});

describe('the command', () => {
  it('runs as `npm run -s demands:lifecycle -- --as-of D` and prints its report as JSON', async () => {
    const cli = path.resolve(__dirname, '../src/cli/apply-lifecycle.js');
    const { stdout } = await promisify(execFile)(process.execPath, [cli, '--as-of', '2026-06-30'], {
      env: { ...process.env, DEMANDS_DATABASE_URL: database.url, NODE_ENV: 'test' },
    });
    expect(JSON.parse(stdout)).toEqual({
      asOf: '2026-06-30',
      dueDatesRefreshed: expect.any(Number),
      renewalNoticesSent: expect.any(Number),
      radiatedForNonRenewal: expect.any(Number),
      radiatedForNoAnswer: expect.any(Number),
      purged: expect.any(Number),
      duplicateFlagsChanged: expect.any(Number),
    });
  });

  it('refuses a malformed date', async () => {
    const cli = path.resolve(__dirname, '../src/cli/apply-lifecycle.js');
    await expect(
      promisify(execFile)(process.execPath, [cli, '--as-of', '2026-02-30'], {
        env: { ...process.env, DEMANDS_DATABASE_URL: database.url, NODE_ENV: 'test' },
      }),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/--as-of must be a date/) });
  });
});
