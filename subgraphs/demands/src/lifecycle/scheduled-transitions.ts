import type { CalendarDate } from '@passerelle/shared/dates';
import type { DataSource, EntityManager } from 'typeorm';
import { flagSuspectedDuplicates, refreshDerivedDates } from '../demand/demand.derived';

/** What one run of the scheduled job did. */
export interface TransitionReport {
  asOf: CalendarDate;
  dueDatesRefreshed: number;
  renewalNoticesSent: number;
  radiatedForNonRenewal: number;
  radiatedForNoAnswer: number;
  purged: number;
  duplicateFlagsChanged: number;
}

/** Who the job's events are attributed to: the registering desk, on whose behalf the register acts. */
const JOB_PERSON = 'scheduled-job';

/**
 * The time-based transitions of the register, applied as of a day: each step is one set-based
 * statement over the indexed dates, and idempotent — a second run on the same day changes
 * nothing, and a run after a missed day catches up (radiations carry their legal date, not the
 * run's). All steps run in one transaction: a failure leaves the register as it was.
 *
 * The date arithmetic is the rules' (`lifecycle.rules.ts`), written in SQL: PostgreSQL adds
 * months as `addMonths` does, clamping to the end of shorter months.
 */
export function applyScheduledTransitions(
  db: DataSource,
  options: { asOf: CalendarDate; now: Date; retentionMonths: number },
): Promise<TransitionReport> {
  const { asOf, now, retentionMonths } = options;
  return db.transaction(async (tx) => {
    const report: TransitionReport = {
      asOf,
      // Reference data (DAL thresholds, territory settings) may have changed since the last run.
      dueDatesRefreshed: await refreshDerivedDates(tx, asOf),
      renewalNoticesSent: await sendRenewalNotices(tx, asOf, now),
      radiatedForNonRenewal: await radiate(tx, 'NON_RENEWAL', asOf, now),
      radiatedForNoAnswer: await radiate(tx, 'NO_ANSWER', asOf, now),
      purged: await purgeNominativeData(tx, asOf, now, retentionMonths),
      duplicateFlagsChanged: 0,
    };
    // Radiations and purges change which demands are still duplicates of an active one.
    report.duplicateFlagsChanged = await flagSuspectedDuplicates(tx);
    return report;
  });
}

/** Arrêté of 23 March 2015, annex: the renewal notice goes one month before validity ends, once per validity. */
async function sendRenewalNotices(tx: EntityManager, asOf: CalendarDate, now: Date): Promise<number> {
  const rows: unknown[] = await tx.query(
    `WITH due AS (
       UPDATE demand SET renewal_notice_for = valid_until
        WHERE status = 'ACTIVE' AND valid_until <= $1::date + 31
          AND (valid_until - interval '1 month')::date <= $1::date
          AND renewal_notice_for IS DISTINCT FROM valid_until
       RETURNING id, registered_by, valid_until)
     INSERT INTO demand_event (id, demand_id, type, occurred_at, recorded_by, recorded_by_person, detail)
     SELECT gen_random_uuid(), id, 'RENEWAL_NOTICE_SENT', $2, registered_by, $3, 'valid until ' || valid_until FROM due
     RETURNING id`,
    [asOf, now, JOB_PERSON],
  );
  return rows.length;
}

/**
 * Radiations that come with time: non-renewal 13 months after filing or renewal (one month after
 * validity ends), no answer 2 months after the letter. Each is dated on its legal day.
 */
async function radiate(
  tx: EntityManager,
  motive: 'NON_RENEWAL' | 'NO_ANSWER',
  asOf: CalendarDate,
  now: Date,
): Promise<number> {
  const due =
    motive === 'NON_RENEWAL'
      ? `(valid_until + interval '1 month')::date`
      : `(answer_requested_on + interval '2 months')::date`;
  // An index-friendly bound first (either date is at most a month or two before `asOf`), then the exact rule.
  const bound = motive === 'NON_RENEWAL' ? `valid_until < $1::date` : `answer_requested_on < $1::date`;
  const rows: unknown[] = await tx.query(
    `WITH due AS (
       UPDATE demand SET status = 'RADIATED', radiation_motive = $2, radiated_on = ${due}, version = version + 1
        WHERE status = 'ACTIVE' AND ${bound} AND ${due} <= $1::date
       RETURNING id, registered_by)
     INSERT INTO demand_event (id, demand_id, type, occurred_at, recorded_by, recorded_by_person, detail)
     SELECT gen_random_uuid(), id, 'RADIATED', $3, registered_by, $4, $2 FROM due
     RETURNING id`,
    [asOf, motive, now, JOB_PERSON],
  );
  return rows.length;
}

/**
 * Décret 2017-917 art. 4: nominative data are erased `retentionMonths` after radiation (one year
 * by default), and never while the demand can still be reactivated. What stays is anonymous:
 * the dates, status, motive, household size, wishes and priorities that statistics count.
 * The events' free text goes too; that one update of the append-only timeline is announced to
 * its guard trigger for this transaction only.
 */
async function purgeNominativeData(
  tx: EntityManager,
  asOf: CalendarDate,
  now: Date,
  retentionMonths: number,
): Promise<number> {
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [purged] = (await tx.query(
    `UPDATE demand SET
        nur = NULL, persons = '[]', contact = NULL, family_situation = NULL, disability_detail = NULL,
        assisted_by = NULL, assisting_partner = NULL, employer_siret = NULL,
        annual_taxable_income = NULL, monthly_income = NULL, suspected_duplicate = false,
        priorities = (SELECT coalesce(jsonb_agg(p - 'criterion'), '[]') FROM jsonb_array_elements(priorities) p),
        purged_on = $1::date, version = version + 1
      WHERE status = 'RADIATED' AND purged_on IS NULL
        -- A loose bound for the index (month ends), the exact rule below.
        AND radiated_on <= ($1::date - make_interval(months => $2::int))::date + 3
        AND greatest(
              (radiated_on + make_interval(months => $2::int))::date,
              CASE radiation_motive
                WHEN 'NON_RENEWAL' THEN (valid_until + interval '6 months')::date + 1
                WHEN 'NO_ANSWER' THEN (radiated_on + interval '5 months')::date + 1
              END) <= $1::date
      RETURNING id`,
    [asOf, retentionMonths],
  )) as [{ id: string }[], number];
  if (purged.length === 0) return 0;
  const ids = purged.map((row) => row.id);
  await tx.query(`DELETE FROM demand_nir WHERE demand_id = ANY ($1::uuid[])`, [ids]);
  await tx.query(`SET LOCAL passerelle.retention_purge = 'on'`);
  await tx.query(
    `UPDATE demand_event SET detail = NULL, idempotency_key = NULL, request_fingerprint = NULL
      WHERE demand_id = ANY ($1::uuid[]) AND (detail IS NOT NULL OR idempotency_key IS NOT NULL)`,
    [ids],
  );
  await tx.query(`SET LOCAL passerelle.retention_purge = 'off'`);
  await tx.query(
    `INSERT INTO demand_event (id, demand_id, type, occurred_at, recorded_by, recorded_by_person)
     SELECT gen_random_uuid(), id, 'DATA_ERASED', $2, registered_by, $3 FROM demand WHERE id = ANY ($1::uuid[])`,
    [ids, now, JOB_PERSON],
  );
  return ids.length;
}
