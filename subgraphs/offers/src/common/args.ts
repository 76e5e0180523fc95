import { Arg, Int } from 'type-graphql';

/** `first`: page size of a connection, 1 to 100 (checked by `pageSize`). */
export const FirstArg = (what: string) =>
  Arg('first', () => Int, {
    nullable: true,
    defaultValue: 20,
    description: `How many ${what}, 1 to 100 (default 20).`,
  });

/** `after`: the cursor a page starts after. */
export const AfterArg = () =>
  Arg('after', () => String, {
    nullable: true,
    description: 'Cursor after which the page starts (`pageInfo.endCursor` of the previous page).',
  });
