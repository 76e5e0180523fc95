import 'reflect-metadata';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../testing';
import { copyEntities } from './copy';

@Entity({ name: 'copy_probe' })
class CopyProbe {
  @PrimaryColumn('integer') id: number;
  @Column('text', { nullable: true }) label: string | null;
  @Column('text', { array: true }) tags: string[];
  @Column('timestamptz') at: Date;
  @Column('date') day: string;
  @Column('boolean') flag: boolean;
  @Column('numeric', { transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  amount: number;
  @Column('timestamptz', { name: 'created_at', default: () => "'2000-01-01T00:00:00Z'" }) createdAt?: Date;
}

let database: TestDatabase;
let db: DataSource;
beforeAll(async () => {
  database = await createTestDatabase('demands'); // any migrated template: the probe table is created here
  db = new DataSource({ type: 'postgres', url: database.url, entities: [CopyProbe] });
  await db.initialize();
  await db.query(`CREATE TABLE copy_probe (id integer PRIMARY KEY, label text, tags text[] NOT NULL, at timestamptz NOT NULL,
    day date NOT NULL, flag boolean NOT NULL, amount numeric NOT NULL, created_at timestamptz NOT NULL DEFAULT '2000-01-01T00:00:00Z')`);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('copyEntities (COPY FROM STDIN)', () => {
  it('writes what an INSERT would: escapes, arrays, nulls, dates, booleans, transformers, defaults', async () => {
    const tricky = 'tab\there, new\nline, back\\slash, "quoted", {braces}, comma,';
    const rows: CopyProbe[] = [
      {
        id: 1,
        label: tricky,
        tags: ['a b', 'q"uote', 'back\\slash', 'com,ma', ''],
        at: new Date('2026-03-29T01:30:00Z'),
        day: '2026-02-28',
        flag: true,
        amount: 12.5,
      },
      {
        id: 2,
        label: null,
        tags: [],
        at: new Date('2026-10-25T00:59:59.123Z'),
        day: '2028-02-29',
        flag: false,
        amount: 0,
      },
    ];
    await db.transaction((tx) => copyEntities(tx, CopyProbe, rows));
    const stored = await db.query(
      `SELECT id, label, tags, at, to_char(day, 'YYYY-MM-DD') AS day, flag, amount::float AS amount, created_at FROM copy_probe ORDER BY id`,
    );
    expect(stored).toEqual([
      {
        id: 1,
        label: tricky,
        tags: ['a b', 'q"uote', 'back\\slash', 'com,ma', ''],
        at: rows[0]!.at,
        day: '2026-02-28',
        flag: true,
        amount: 12.5,
        created_at: new Date('2000-01-01T00:00:00Z'),
      },
      {
        id: 2,
        label: null,
        tags: [],
        at: rows[1]!.at,
        day: '2028-02-29',
        flag: false,
        amount: 0,
        created_at: new Date('2000-01-01T00:00:00Z'),
      },
    ]);
  });

  it('changes nothing when a row breaks a constraint (the transaction rolls back)', async () => {
    const before = await db.query(`SELECT count(*)::int AS n FROM copy_probe`);
    const duplicate = { id: 1, label: 'again', tags: [], at: new Date(), day: '2026-01-01', flag: true, amount: 1 };
    const fresh = { ...duplicate, id: 99 };
    await expect(db.transaction((tx) => copyEntities(tx, CopyProbe, [fresh, duplicate]))).rejects.toThrow(
      /duplicate key/,
    );
    expect(await db.query(`SELECT count(*)::int AS n FROM copy_probe`)).toEqual(before);
  });
});
