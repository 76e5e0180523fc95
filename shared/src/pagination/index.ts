import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../errors';
import { isUuid } from '../validation';

/** Page size when a list argument `first` is omitted, and the largest one accepted. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Checks a `first` argument: 1 to 100, so that no request reads an unbounded list. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`"first" must be between 1 and ${MAX_PAGE_SIZE} (got ${size}).`, 'first');
  }
  return size;
}

/**
 * Cursors are opaque to clients: base64url of the sort key of the last row seen. Decoding
 * checks the shape, so a tampered cursor is a clear input error, never a SQL error.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => typeof part === shape[i])) {
      return key as (string | number)[];
    }
  } catch {
    // fall through to the input error below
  }
  throw new BadUserInputError('"after" is not a cursor returned by this list.', 'after');
}

/** Relay-style page information, identical in every subgraph (hence shareable). */
@Directive('@shareable')
@ObjectType({ description: 'Where a page of a cursor connection stands in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page: ask again with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item of this page; null when the page is empty.',
  })
  endCursor: string | null;
}

/** A page of a cursor connection, plus what `totalCount` needs to count the whole list on demand. */
export interface Page<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

/**
 * Builds a page from `limit + 1` rows read after the cursor: the extra row only says whether
 * another page follows. An item's cursor is its sort key, so the next page starts strictly after it.
 */
export function toPage<Row, Node>(
  rows: readonly Row[],
  limit: number,
  sortKey: (row: Row) => readonly string[],
  toNode: (row: Row) => Node,
  count: () => Promise<number>,
): Page<Node> {
  const edges = rows.slice(0, limit).map((row) => ({ cursor: encodeCursor(sortKey(row)), node: toNode(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, count };
}

/** A cursor part that any string may fill (a name, an RPLS identifier). */
export const anyText = (_part: string) => true;

/**
 * Decodes an `after` cursor into the row's sort key: its leading parts each pass their check
 * (e.g. `isCalendarDate`), its last part is the row id (a UUID, so the key is unique). A
 * tampered cursor is an input error, never a SQL error.
 */
export function decodeKeyCursor(
  after: string | null | undefined,
  leading: readonly ((part: string) => boolean)[],
): string[] | undefined {
  if (!after) return undefined;
  const key = decodeCursor(after, Array<'string'>(leading.length + 1).fill('string')) as string[];
  if (!leading.every((valid, i) => valid(key[i]!)) || !isUuid(key.at(-1)!)) {
    throw new BadUserInputError('"after" is not a cursor returned by this list.', 'after');
  }
  return key;
}
