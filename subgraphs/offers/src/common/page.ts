import { decodeCursor, encodeCursor, type PageInfo } from '@passerelle/shared/pagination';
import { BadUserInputError } from '@passerelle/shared/errors';
import { isUuid } from '@passerelle/shared/validation';

/** A page of a cursor connection, plus what `totalCount` needs to count the whole list on demand. */
export interface Page<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

/**
 * Builds a page from `limit + 1` rows read after the cursor: the extra row only says whether
 * another page follows.
 */
export function toPage<Row, Node>(
  rows: Row[],
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
 * Decodes an `after` cursor: the row's sort key, whose leading parts each pass their check and
 * whose last part is the row id (so that the key is unique). A tampered cursor is an input
 * error, never a SQL error.
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
