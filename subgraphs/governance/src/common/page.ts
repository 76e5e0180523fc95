import { BadUserInputError } from '@passerelle/shared/errors';
import { decodeCursor, encodeCursor, type PageInfo } from '@passerelle/shared/pagination';
import { isUuid } from '@passerelle/shared/validation';

/** A page of a cursor connection, plus what `totalCount` needs to count the whole list on demand. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

/** The shape of a list's sort key, e.g. `['string', 'string']` for (date, id). */
export type CursorShape = readonly ('string' | 'number')[];

/**
 * Decodes `after` into the sort key it holds, or undefined when absent. Every list here ends its
 * sort key with the row's id (a total order), so a key whose last part is no UUID — or that
 * `isValid` rejects, e.g. a date that is no date — was tampered with: BAD_USER_INPUT, never a
 * SQL error.
 */
export function positionAfter(
  after: string | null | undefined,
  shape: CursorShape,
  isValid: (key: string[]) => boolean = () => true,
): string[] | undefined {
  if (!after) return undefined;
  const key = decodeCursor(after, shape) as string[];
  if (!isUuid(String(key.at(-1))) || !isValid(key)) {
    throw new BadUserInputError('"after" is not a cursor returned by this list.', 'after');
  }
  return key;
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only tells that more follow. The
 * cursor of an item is its sort key, so the next page starts strictly after it.
 */
export function toPage<R, T>(
  rows: readonly R[],
  limit: number,
  sortKey: (row: R) => readonly (string | number)[],
  toNode: (row: R) => T,
  count: () => Promise<number>,
): Page<T> {
  const edges = rows.slice(0, limit).map((row) => ({ cursor: encodeCursor(sortKey(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    count,
  };
}
