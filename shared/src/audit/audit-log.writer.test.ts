import type { RecordRead } from '../access';
import type { CallerClaims } from '../identity';
import type { ReaderRead } from './audit-log.repository';
import { AuditLogWriter } from './audit-log.writer';

/** The writer's scheduling and failure handling; its SQL is exercised on PostgreSQL by the subgraphs' tests. */
const reader: CallerClaims = { sub: 'p', partner: 'mel', kind: 'EPCI', territories: [], scopes: [] };
const read = (id: string): RecordRead => ({ recordType: 'Demand', recordId: id, fields: ['Demand.nur'] });

/** A log that records each statement's rows, and fails while `down` is set. */
function fakeLog() {
  const statements: string[][] = [];
  const log = {
    down: false,
    statements,
    async append(rows: readonly ReaderRead[]) {
      await new Promise((resolve) => setImmediate(resolve));
      if (log.down) throw new Error('connection refused');
      statements.push(rows.map((row) => row.read.recordId));
    },
  };
  return log;
}
const quiet = { error: jest.fn() };
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('AuditLogWriter', () => {
  it('writes after the caller goes on, the reads of requests answered meanwhile in one statement', async () => {
    const log = fakeLog();
    const writer = new AuditLogWriter(log, quiet);
    expect(writer.accept(reader, [read('a'), read('b')])).toBe(true);
    expect(writer.accept(reader, [read('c')])).toBe(true);
    expect(log.statements).toEqual([]); // nothing written on the response path
    await settle();
    expect(log.statements).toEqual([['a', 'b', 'c']]);
    expect(writer.backlog).toBe(0);
  });

  it('flush waits until everything handed over is written', async () => {
    const log = fakeLog();
    const writer = new AuditLogWriter(log, quiet);
    writer.accept(reader, [read('a')]);
    await writer.flush();
    expect(log.statements).toEqual([['a']]);
  });

  it('keeps the reads of a failed write, in order, and writes them once the log is back', async () => {
    const log = fakeLog();
    const errors = { error: jest.fn() };
    const writer = new AuditLogWriter(log, errors, { retryMs: 10 });
    log.down = true;
    writer.accept(reader, [read('a')]);
    await settle();
    writer.accept(reader, [read('b')]);
    await writer.flush();
    expect(log.statements).toEqual([]);
    expect(writer.backlog).toBe(2);
    expect(errors.error).toHaveBeenCalled();
    log.down = false;
    await new Promise((resolve) => setTimeout(resolve, 30)); // the retry
    expect(log.statements.flat()).toEqual(['a', 'b']);
    expect(writer.backlog).toBe(0);
  });

  it('refuses new reads (the data are then withheld) only while failing with a full backlog', async () => {
    const log = fakeLog();
    const writer = new AuditLogWriter(log, quiet, { maxBacklog: 3, retryMs: 60_000 });
    log.down = true;
    expect(writer.accept(reader, [read('a'), read('b')])).toBe(true);
    await writer.flush();
    expect(writer.accept(reader, [read('c')])).toBe(true); // 3: full, not beyond
    expect(writer.accept(reader, [read('d')])).toBe(false);
    expect(writer.backlog).toBe(3);
    log.down = false;
    await writer.flush();
    expect(log.statements.flat()).toEqual(['a', 'b', 'c']);
    expect(writer.accept(reader, [read('d')])).toBe(true); // the allowed twin, once written
  });

  it('never refuses while the log writes, however many reads wait', () => {
    const writer = new AuditLogWriter(fakeLog(), quiet, { maxBacklog: 1 });
    expect(writer.accept(reader, [read('a'), read('b'), read('c')])).toBe(true);
  });
});
