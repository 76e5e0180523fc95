import DataLoader from 'dataloader';

/**
 * Building blocks of per-request DataLoaders (STYLE.md, principles 3 and 4): each subgraph
 * creates its loaders in its context factory with these, so batches answer in key order, with
 * null (or an empty list) for a missing key, the same way everywhere.
 */

/** Groups `rows` by `key`, keeping their order (`Map.groupBy` needs Node 21; we support Node 20). */
export function groupBy<K, T>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * A per-request loader of rows by id: one call of `fetch` for every id asked during a tick,
 * answers in key order, null for a missing id. `fetch` may return `[]` without a statement for a
 * caller who may read nothing.
 */
export function byIdLoader<Row extends { id: string }>(
  fetch: (ids: readonly string[]) => Promise<Row[]>,
): DataLoader<string, Row | null> {
  return new DataLoader<string, Row | null>(async (ids) => {
    const rows = await fetch(ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Loaders of lists that take a `first` argument: one DataLoader per distinct `first` in the
 * request, each batching every parent that asked for that many items, so that `members(first: 5)`
 * and `members(first: 50)` in one request each batch across their parents. `fetch` gives each
 * parent's items (see `groupBy`); a parent it leaves out gets an empty list.
 */
export function perSizeLoaders<Item>(
  fetch: (parentIds: readonly string[], first: number) => Promise<Map<string, Item[]>>,
): (first: number) => DataLoader<string, Item[]> {
  const loaders = new Map<number, DataLoader<string, Item[]>>();
  return (first) => {
    let loader = loaders.get(first);
    if (!loader) {
      loader = new DataLoader<string, Item[]>(async (parentIds) => {
        const byParent = await fetch(parentIds, first);
        return parentIds.map((id) => byParent.get(id) ?? []);
      });
      loaders.set(first, loader);
    }
    return loader;
  };
}
