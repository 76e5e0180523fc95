import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../errors';

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
