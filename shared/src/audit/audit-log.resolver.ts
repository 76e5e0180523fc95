import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { BadUserInputError, ForbiddenError } from '../errors';
import { isAuthenticated, type Viewer } from '../identity';
import { decodeCursor, pageSize, toPage } from '../pagination';
import type { AuditLogRepository, NominativeReadRow } from './audit-log.repository';
import { NominativeReadConnection, NominativeReadFilterInput, type NominativeRead } from './audit-log.type';

/** What the audit-log query needs of the request context (the subgraph app provides it). */
export interface AuditLogContext {
  viewer: Viewer;
  auditLog: AuditLogRepository;
}

/**
 * The auditor's query on one subgraph's log, named after the subgraph (`demandsAuditLog`…): each
 * subgraph keeps the log of the records it owns, and the gateway serves the four side by side.
 */
export function createAuditLogResolver(subgraph: string) {
  @Resolver()
  class AuditLogResolver {
    @Query(() => NominativeReadConnection, {
      name: `${subgraph}AuditLog`,
      description: `The reads of nominative data held by the ${subgraph} subgraph, newest first. Only for partners of kind AUDITOR (the data-protection officer).`,
    })
    async auditLog(
      @Arg('filter', () => NominativeReadFilterInput, { nullable: true, description: 'Partner, record and period.' })
      filter: NominativeReadFilterInput | undefined,
      @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100 (default 20).' })
      first: number | undefined,
      @Arg('after', () => String, {
        nullable: true,
        description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
      })
      after: string | undefined,
      @Ctx() ctx: AuditLogContext,
    ): Promise<NominativeReadConnection> {
      if (!isAuthenticated(ctx.viewer) || ctx.viewer.kind !== 'AUDITOR') {
        throw new ForbiddenError('The log of nominative reads is open to the auditor (partner kind AUDITOR) only.');
      }
      const limit = pageSize(first);
      if (filter?.from && filter.to && filter.from >= filter.to) {
        throw new BadUserInputError('"filter.from" must be before "filter.to".', 'filter.from');
      }
      const beforeId = after === undefined || after === null ? undefined : idOf(after);
      const rows = await ctx.auditLog.find(filter ?? {}, limit + 1, beforeId);
      // No totalCount on this connection: the page's count is never asked for.
      const { edges, pageInfo } = toPage(rows, limit, (row) => [row.id], toRead, async () => rows.length);
      return { edges, pageInfo };
    }
  }
  return AuditLogResolver;
}

const BIGINT_MAX = 2n ** 63n - 1n;

/** The log position a cursor holds: a positive integer, or the caller's input error. */
function idOf(cursor: string): string {
  const [id] = decodeCursor(cursor, ['string']) as [string];
  if (!/^[1-9][0-9]{0,18}$/.test(id) || BigInt(id) > BIGINT_MAX) {
    throw new BadUserInputError('"after" is not a cursor returned by this list.', 'after');
  }
  return id;
}

function toRead(row: NominativeReadRow): NominativeRead {
  return {
    id: row.id,
    readAt: row.read_at,
    person: row.person,
    partner: row.partner,
    partnerKind: row.partner_kind,
    operationName: row.operation_name,
    purpose: row.purpose,
    requestId: row.request_id,
    recordType: row.record_type,
    recordId: row.record_id,
    subjectId: row.subject_id,
    fields: row.fields,
  };
}
