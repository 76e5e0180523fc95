import type { RecordRead } from '../access';
import type { CallerClaims, RequestTrace } from '../identity';
import type { Logger } from '../logging';
import type { AuditLogRepository, ReaderRead } from './audit-log.repository';

/** Rows written by one statement at most. */
const MAX_BATCH = 5_000;

export interface AuditLogWriterOptions {
  /**
   * Reads waiting to be written beyond which, while the log cannot be written, nominative data are
   * no longer served (fail closed): the trace of a read is never dropped, and never unbounded.
   */
  maxBacklog?: number;
  /** Delay before writing again after a failure. */
  retryMs?: number;
}

/**
 * Writes the log of nominative reads off the response path: a response hands its reads over and
 * leaves at once; the reads of all the requests answered meanwhile go to the database together, in
 * one statement, as soon as the event loop is free (so the log lags the responses by milliseconds).
 * A failed write is retried, its reads kept in order; while it fails and the backlog is full,
 * `accept` says no and the caller withholds the data. `flush` waits until everything handed over
 * is written (tests, shutdown).
 */
export class AuditLogWriter {
  private pending: ReaderRead[] = [];
  /** Rows of the statement under way. */
  private inFlight = 0;
  private writing: Promise<void> | null = null;
  private scheduled = false;
  private failing = false;
  private readonly maxBacklog: number;
  private readonly retryMs: number;

  constructor(
    private readonly repository: Pick<AuditLogRepository, 'append'>,
    private readonly logger: Pick<Logger, 'error'>,
    options: AuditLogWriterOptions = {},
  ) {
    this.maxBacklog = options.maxBacklog ?? 50_000;
    this.retryMs = options.retryMs ?? 1_000;
  }

  /** Takes one request's reads to write; false (nothing taken) when the log is failing and full. */
  accept(reader: CallerClaims & { trace?: RequestTrace }, reads: readonly RecordRead[], readAt = new Date()): boolean {
    if (this.failing && this.backlog + reads.length > this.maxBacklog) return false;
    for (const read of reads) this.pending.push({ reader, read, readAt });
    this.schedule(0);
    return true;
  }

  /** Reads handed over and not yet written. */
  get backlog(): number {
    return this.pending.length + this.inFlight;
  }

  /** Writes everything handed over so far (one attempt while the log is failing). */
  async flush(): Promise<void> {
    // One statement at a time: whoever finds one under way waits for it, then looks again.
    for (;;) {
      if (this.writing) {
        await this.writing;
        continue;
      }
      if (this.pending.length === 0) return;
      await this.writeBatch();
      if (this.failing) return;
    }
  }

  private schedule(delayMs: number) {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      void this.flush();
    };
    if (delayMs === 0) setImmediate(run);
    else setTimeout(run, delayMs).unref();
  }

  private async writeBatch(): Promise<void> {
    const batch = this.pending.splice(0, MAX_BATCH);
    this.inFlight = batch.length;
    this.writing = this.repository.append(batch).then(
      () => {
        this.failing = false;
      },
      (error: unknown) => {
        this.pending.unshift(...batch);
        this.failing = true;
        this.logger.error(
          { err: error, backlog: this.pending.length },
          'the log of nominative reads could not be written; retrying',
        );
        this.schedule(this.retryMs);
      },
    );
    try {
      await this.writing;
    } finally {
      this.writing = null;
      this.inFlight = 0;
    }
  }
}
