// The declaration (core/database/collections.ts) is what exists: a collection neither declared nor
// created is refused as the real service refuses it; unique indexes refuse duplicates with the real
// error; a filter + sort that no declared index serves is reported, naming collection and fields.
import * as z from 'zod/mini';
import { COLLECTIONS, DATABASE } from '../../core/database/collections';
import { getDatabase } from '../../core/runtime/cloud';
import { defineFunction } from '../../core/runtime/define-function';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { dataOf, startEmulatorForFunctions } from '../support/functions';

describe('collections', () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  test('every declared collection exists from the start', async () => {
    for (const { name } of DATABASE) {
      expect((await emulator.db.collection(name).count()).total).toBe(0);
    }
  });

  test('reads and writes to an undeclared collection answer DATABASE_COLLECTION_NOT_EXIST', async () => {
    const stray = emulator.db.collection('stray_collection');
    const code = { code: 'DATABASE_COLLECTION_NOT_EXIST' };
    await expect(stray.get()).rejects.toMatchObject(code);
    await expect(stray.count()).rejects.toMatchObject(code);
    await expect(stray.add({ n: 1 })).rejects.toMatchObject(code);
    await expect(stray.doc('x').set({ n: 1 })).rejects.toMatchObject(code);
    await expect(stray.where({ n: 1 }).remove()).rejects.toMatchObject(code);
  });

  test('db.createCollection() creates one, which then reads and writes', async () => {
    await emulator.db.createCollection('made_here');
    await emulator.db.collection('made_here').add({ _id: 'one' });
    expect((await emulator.db.collection('made_here').count()).total).toBe(1);
  });
});

describe('indexes', () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({
      declaration: [
        {
          name: 'roster_test',
          indexes: [
            {
              name: 'name_unit',
              keys: [
                { field: 'name', direction: 1 },
                { field: 'unit', direction: 1 },
              ],
              unique: true,
            },
            {
              name: 'group_joined',
              keys: [
                { field: 'groupNo', direction: 1 },
                { field: 'joinedAt', direction: -1 },
              ],
              unique: false,
            },
          ],
        },
      ],
    });
  });
  afterAll(async () => {
    await emulator.close();
  });

  test('a second insert violating a unique index fails with DATABASE_DUPLICATE_WRITE and writes nothing', async () => {
    const roster = emulator.db.collection('roster_test');
    await roster.add({ _id: 'p1', name: '张三', unit: '平桥区人大' });
    await roster.add({ _id: 'p2', name: '张三', unit: '浉河区人大' });
    await expect(roster.add({ _id: 'p3', name: '张三', unit: '平桥区人大' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
    await expect(roster.doc('p2').update({ unit: '平桥区人大' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
    expect((await roster.count()).total).toBe(2);
    // Freeing the key (an update moving p1 away) lets another document take it.
    await roster.doc('p1').update({ unit: '罗山县人大' });
    await roster.doc('p2').update({ unit: '平桥区人大' });
    expect((await roster.where({ unit: '平桥区人大' }).get()).data.map((doc) => doc._id)).toEqual(['p2']);
  });

  test('an indexed equality + sort reads in index order; an unserved one is reported once', async () => {
    const roster = emulator.db.collection('roster_test');
    await roster.add(
      Array.from({ length: 30 }, (_x, index) => ({
        name: `学员${index}`,
        unit: '示例单位',
        groupNo: index % 3,
        joinedAt: new Date(Date.UTC(2024, 10, 18, 0, index)),
      })),
    );
    const before = emulator.warnings.length;
    const page = await roster.where({ groupNo: 1 }).orderBy('joinedAt', 'desc').limit(3).get();
    expect(page.data.map((doc) => doc.name)).toEqual(['学员28', '学员25', '学员22']);
    const ascending = await roster.where({ groupNo: 1 }).orderBy('joinedAt', 'asc').skip(1).limit(2).get();
    expect(ascending.data.map((doc) => doc.name)).toEqual(['学员4', '学员7']);
    expect(emulator.warnings.slice(before)).toEqual([]);

    await roster.where({ unit: '示例单位' }).orderBy('joinedAt', 'desc').get();
    await roster.where({ unit: '示例单位' }).orderBy('joinedAt', 'desc').get();
    const reported = emulator.warnings.slice(before);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toContain('roster_test');
    expect(reported[0]).toContain('unit');
    expect(reported[0]).toContain('joinedAt desc');
  });

  test('keyset paging by _id (_id > last, ordered by _id) walks the _id index: no warning; a range on another field still warns', async () => {
    const roster = emulator.db.collection('roster_test');
    const _ = emulator.db.command;
    const before = emulator.warnings.length;
    const ids: string[] = [];
    let last = '';
    for (;;) {
      const page = await roster
        .where({ _id: _.gt(last) })
        .orderBy('_id', 'asc')
        .limit(7)
        .get();
      if (page.data.length === 0) break;
      ids.push(...page.data.map((doc) => String(doc._id)));
      last = ids[ids.length - 1];
    }
    expect(ids).toEqual([...ids].sort());
    expect(ids.length).toBe((await roster.count()).total);
    expect(emulator.warnings.slice(before)).toEqual([]);

    await roster
      .where({ _id: _.gt(''), unit: '示例单位' })
      .orderBy('_id', 'asc')
      .get();
    expect(emulator.warnings.slice(before)).toEqual([expect.stringContaining('unit')]);
  });
});

test('a function querying a field no declared index serves produces the warning', async () => {
  const emulator = await startEmulatorForFunctions();
  try {
    const main = defineFunction<{ byAuthor: { request: { action: 'byAuthor'; author: string }; response: number } }>({
      actions: {
        byAuthor: {
          access: 'content.read',
          schema: z.object({ action: z.literal('byAuthor'), author: z.string() }),
          handler: async ({ author }) => {
            const found = await getDatabase()
              .collection(COLLECTIONS.articles)
              .where({ author })
              .orderBy('publishedAt', 'desc')
              .get();
            return found.data.length;
          },
        },
      },
    });
    expect(dataOf(await main({ action: 'byAuthor', author: '示例作者' }, {}))).toBe(0);
    expect(emulator.warnings).toEqual([expect.stringMatching(/集合 articles .*author.*publishedAt desc/)]);
  } finally {
    await emulator.close();
  }
});

describe('an $and holding an $or, planned through a declared index', () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({
      declaration: [
        {
          name: 'status_test',
          indexes: [
            {
              name: 'status_t',
              keys: [
                { field: 'status', direction: 1 },
                { field: 't', direction: 1 },
              ],
              unique: false,
            },
          ],
        },
      ],
    });
  });
  afterAll(async () => {
    await emulator.close();
  });

  test('find, count and remove see every branch of the $or, not only the first', async () => {
    const items = emulator.db.collection('status_test');
    const _ = emulator.db.command;
    await items.add([
      { _id: 'a1', status: 'a', t: 1 },
      { _id: 'b1', status: 'b', t: 2 },
      { _id: 'c1', status: 'c', t: 3 },
    ]);
    const either = _.and([_.or([{ status: 'a' }, { status: 'b' }])]);
    const found = await items.where(either).get();
    expect(found.data.map((doc) => doc._id).sort()).toEqual(['a1', 'b1']);
    expect((await items.where(either).count()).total).toBe(2);
    // An $and of a plain condition and an $or: the plain one applies to every branch.
    const narrowed = _.and([{ t: _.gte(2) }, _.or([{ status: 'a' }, { status: 'b' }])]);
    expect((await items.where(narrowed).get()).data.map((doc) => doc._id)).toEqual(['b1']);
    expect((await items.where(either).remove()).deleted).toBe(2);
    expect((await items.get()).data.map((doc) => doc._id)).toEqual(['c1']);
  });
});
