import { byIdLoader, groupBy, perSizeLoaders } from '.';

describe('groupBy', () => {
  it('groups rows by key, keeping their order within a group and the order of first appearance', () => {
    const rows = [
      { parent: 'b', n: 1 },
      { parent: 'a', n: 2 },
      { parent: 'b', n: 3 },
    ];
    const groups = groupBy(rows, (row) => row.parent);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')).toEqual([rows[0], rows[2]]);
    expect(groups.get('a')).toEqual([rows[1]]);
  });
});

describe('byIdLoader', () => {
  it('fetches every id of a tick at once and answers in key order, null for a missing id', async () => {
    const fetch = jest.fn(async (ids: readonly string[]) =>
      ids.filter((id) => id !== 'missing').map((id) => ({ id, name: id.toUpperCase() })),
    );
    const loader = byIdLoader(fetch);
    const answers = await Promise.all([loader.load('b'), loader.load('missing'), loader.load('a')]);
    expect(answers).toEqual([{ id: 'b', name: 'B' }, null, { id: 'a', name: 'A' }]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(['b', 'missing', 'a']);
  });

  it('answers null everywhere when the fetch returns nothing', async () => {
    const loader = byIdLoader(async () => [] as { id: string }[]);
    expect(await loader.loadMany(['a', 'b'])).toEqual([null, null]);
  });
});

describe('perSizeLoaders', () => {
  it('batches per page size, an empty list for a parent without items', async () => {
    const fetch = jest.fn(async (parentIds: readonly string[], first: number) =>
      groupBy(
        parentIds
          .filter((id) => id !== 'none')
          .flatMap((parent) => [1, 2, 3].slice(0, first).map((n) => ({ parent, n }))),
        (row) => row.parent,
      ),
    );
    const loadersOf = perSizeLoaders(fetch);
    expect(loadersOf(2)).toBe(loadersOf(2));
    const [x, none, y] = await Promise.all([loadersOf(2).load('x'), loadersOf(2).load('none'), loadersOf(1).load('y')]);
    expect(x).toEqual([
      { parent: 'x', n: 1 },
      { parent: 'x', n: 2 },
    ]);
    expect(none).toEqual([]);
    expect(y).toEqual([{ parent: 'y', n: 1 }]);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenCalledWith(['x', 'none'], 2);
    expect(fetch).toHaveBeenCalledWith(['y'], 1);
  });
});
