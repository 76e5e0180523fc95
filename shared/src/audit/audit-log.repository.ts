import type { DataSource } from 'typeorm';
import type { RecordRead } from '../access';
import type { CallerClaims, RequestTrace } from '../identity';

/** One row of the log, as stored. */
export interface NominativeReadRow {
  id: string;
  read_at: Date;
  person: string;
  partner: string;
  partner_kind: string;
  operation_name: string | null;
  purpose: string | null;
  request_id: string | null;
  record_type: string;
  record_id: string;
  subject_id: string | null;
  fields: string[];
}

/** Who read one record, and when (the response time, not the write's). */
export interface ReaderRead {
  reader: CallerClaims & { trace?: RequestTrace };
  read: RecordRead;
  readAt: Date;
}

/** The auditor's filter; every part optional, `from` included, `to` excluded. */
export interface NominativeReadFilter {
  partner?: string | null;
  recordId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Writes and reads the log of nominative reads. Nothing here updates or deletes (the trigger would refuse). */
export class AuditLogRepository {
  constructor(private readonly db: DataSource) {}

  /** Appends the records read by one or more requests, in one statement whatever their number. */
  async append(reads: readonly ReaderRead[]): Promise<void> {
    if (reads.length === 0) return;
    await this.db.query(
      `INSERT INTO nominative_read (read_at, person, partner, partner_kind, operation_name, purpose, request_id,
                                    record_type, record_id, subject_id, fields)
       SELECT r.read_at, r.person, r.partner, r.partner_kind, r.operation_name, r.purpose, r.request_id,
              r.record_type, r.record_id, r.subject_id, r.fields
         FROM jsonb_to_recordset($1::jsonb) AS r(read_at timestamptz, person text, partner text, partner_kind text,
              operation_name text, purpose text, request_id uuid, record_type text, record_id text, subject_id text,
              fields text[])`,
      [
        JSON.stringify(
          reads.map(({ reader, read, readAt }) => ({
            read_at: readAt.toISOString(),
            person: reader.sub,
            partner: reader.partner,
            partner_kind: reader.kind,
            operation_name: reader.trace?.operationName ?? null,
            purpose: reader.trace?.purpose ?? null,
            request_id: reader.trace?.requestId ?? null,
            record_type: read.recordType,
            record_id: read.recordId,
            subject_id: read.subjectId ?? null,
            fields: read.fields,
          })),
        ),
      ],
    );
  }

  /** Up to `limit` rows matching `filter`, newest first, strictly before the row `beforeId` when given. */
  async find(filter: NominativeReadFilter, limit: number, beforeId?: string): Promise<NominativeReadRow[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replaceAll('?', `$${parameters.length}`));
    };
    if (filter.partner != null) where('partner = ?', filter.partner);
    // A record, or the household it concerns: every read about one demand, whatever the record's type.
    if (filter.recordId != null) where('(record_id = ? OR subject_id = ?)', filter.recordId);
    if (filter.from != null) where('read_at >= ?', filter.from);
    if (filter.to != null) where('read_at < ?', filter.to);
    if (beforeId !== undefined) where('id < ?', beforeId);
    parameters.push(limit);
    return this.db.query(
      `SELECT id::text, read_at, person, partner, partner_kind, operation_name, purpose, request_id,
              record_type, record_id, subject_id, fields
         FROM nominative_read
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY nominative_read.id DESC  -- the table's bigint, not the text column of the output
        LIMIT $${parameters.length}`,
      parameters,
    );
  }
}
