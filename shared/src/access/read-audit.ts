/** One record whose nominative fields a request read. */
export interface RecordRead {
  /** The GraphQL type of the record (e.g. `Demand`). */
  recordType: string;
  recordId: string;
  /**
   * The demand the record concerns (its household), when the record is not the demand itself: a CAL
   * decision's, a proposal's. The auditor then finds every read about one household, whatever the type.
   */
  subjectId?: string;
  /** The nominative or sensitive fields read, sorted. */
  fields: string[];
}

/**
 * What one request read of nominative data, gathered while its fields resolve and written to the
 * audit log in one statement when the response is sent (so a list of 100 demands costs one insert,
 * not 100).
 */
export class ReadAudit {
  private readonly reads = new Map<
    string,
    { recordType: string; recordId: string; subjectId?: string; fields: Set<string> }
  >();

  /** Notes that `field` of the record `recordType` `recordId` (about the demand `subjectId`, if given) was read. */
  record(recordType: string, recordId: string, field: string, subjectId?: string | null): void {
    const key = `${recordType}\u0000${recordId}`;
    let read = this.reads.get(key);
    if (!read) {
      read = { recordType, recordId, fields: new Set() };
      this.reads.set(key, read);
    }
    if (subjectId) read.subjectId = subjectId;
    read.fields.add(field);
  }

  /** The records read so far, in the order first read; drains the collector. */
  take(): RecordRead[] {
    const reads = [...this.reads.values()].map((read) => ({
      recordType: read.recordType,
      recordId: read.recordId,
      ...(read.subjectId ? { subjectId: read.subjectId } : {}),
      fields: [...read.fields].sort(),
    }));
    this.reads.clear();
    return reads;
  }
}
