import DataLoader from 'dataloader';

/**
 * A per-request loader of rows by id: one statement for every id asked during a tick, answers
 * in key order, null for a missing id (STYLE.md, principle 4).
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
 * request, each batching every parent that asked for that many items.
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

/** Groups rows by a key, keeping their order. */
export function groupBy<Row>(rows: readonly Row[], key: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
