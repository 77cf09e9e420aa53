// Writes through the real @cloudbase/node-sdk: the result shapes node-sdk 3.18 returns and
// the update operators the project relies on.
import { startTestEmulator, type TestEmulator } from '../support/emulator';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({
    collections: ['add', 'batch', 'types', 'dates', 'upd', 'set', 'multi', 'uar', 'numeric'],
  });
});

afterAll(async () => {
  await emulator.close();
});

function coll(name: string) {
  return emulator.db.collection(name);
}

function cmd() {
  return emulator.db.command;
}

async function read(name: string, id: string): Promise<Record<string, unknown> | undefined> {
  return (await coll(name).doc(id).get()).data[0] as Record<string, unknown> | undefined;
}

describe('add', () => {
  test('add(doc) answers {id} and generates a 32-hex _id', async () => {
    const result = await coll('add').add({ title: '开班仪式' });
    expect(result).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), requestId: expect.any(String) });
    expect(await read('add', result.id as string)).toEqual({ _id: result.id, title: '开班仪式' });
  });

  test('add(doc) keeps a given _id, and a second add with that _id is rejected', async () => {
    const result = await coll('add').add({ _id: 'fixed', n: 1 });
    expect(result.id).toBe('fixed');
    await expect(coll('add').add({ _id: 'fixed', n: 2 })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    expect(await read('add', 'fixed')).toEqual({ _id: 'fixed', n: 1 });
  });

  test('add([docs]) answers {ids}; a duplicate inside the batch writes nothing', async () => {
    const result = (await coll('batch').add([{ n: 1 }, { n: 2 }])) as unknown as { ids: string[] };
    expect(result.ids).toHaveLength(2);
    await expect(
      coll('batch').add([
        { _id: 'x', n: 3 },
        { _id: 'x', n: 4 },
      ]),
    ).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
    expect((await coll('batch').count()).total).toBe(2);
  });

  test('values keep their types: Date, nested objects, arrays, booleans, null, decimals', async () => {
    const doc = {
      when: new Date('2024-11-18T01:30:00.000Z'),
      a: { b: [1, 2.5, { c: true }] },
      none: null,
      big: 2 ** 40,
    };
    const { id } = await coll('types').add(doc);
    const stored = await read('types', id as string);
    expect(stored).toEqual({ _id: id, ...doc });
    expect(stored?.when).toBeInstanceOf(Date);
  });
});

describe('serverDate', () => {
  test('db.serverDate() is stored as the server clock and read back as a Date', async () => {
    const before = Date.now();
    const { id } = await coll('dates').add({ createdAt: emulator.db.serverDate() });
    const after = Date.now();
    const createdAt = (await read('dates', id as string))?.createdAt as Date;
    expect(createdAt).toBeInstanceOf(Date);
    expect(createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(createdAt.getTime()).toBeLessThanOrEqual(after);
  });

  test('serverDate({offset}) adds the offset; it works in updates and queries too', async () => {
    const { id } = await coll('dates').add({ n: 1 });
    const before = Date.now();
    await coll('dates')
      .doc(id as string)
      .update({ due: emulator.db.serverDate({ offset: 60_000 }) });
    const due = (await read('dates', id as string))?.due as Date;
    expect(due.getTime()).toBeGreaterThanOrEqual(before + 60_000);
    expect(due.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
    const future = await coll('dates')
      .where({ due: cmd().gt(emulator.db.serverDate()) })
      .get();
    expect(future.data.map((doc) => doc._id)).toEqual([id]);
  });
});

describe('doc(id).update', () => {
  beforeEach(async () => {
    await coll('upd').where({}).remove();
    await coll('upd').add({
      _id: 'd',
      title: 'old',
      count: 1,
      list: ['a'],
      author: { name: '张', unit: '人大' },
      extra: 1,
    });
  });

  test('a plain object merges fields ($set) and answers {updated}', async () => {
    const result = await coll('upd').doc('d').update({ title: 'new' });
    expect(result).toEqual({ updated: 1, requestId: expect.any(String) });
    expect(await read('upd', 'd')).toMatchObject({ title: 'new', count: 1, extra: 1 });
  });

  test('a nested plain object merges into the nested document', async () => {
    await coll('upd')
      .doc('d')
      .update({ author: { name: '李' } });
    expect((await read('upd', 'd'))?.author).toEqual({ name: '李', unit: '人大' });
  });

  test('_.set replaces a nested document whole', async () => {
    await coll('upd')
      .doc('d')
      .update({ author: cmd().set({ name: '李' }) });
    expect((await read('upd', 'd'))?.author).toEqual({ name: '李' });
  });

  test('inc, mul, push (several), remove(), and unset', async () => {
    await coll('upd')
      .doc('d')
      .update({
        count: cmd().inc(2),
        list: cmd().push(['b', 'c']),
        extra: cmd().remove(),
      });
    const doc = await read('upd', 'd');
    expect(doc).toMatchObject({ count: 3, list: ['a', 'b', 'c'] });
    expect(doc).not.toHaveProperty('extra');
    await coll('upd')
      .doc('d')
      .update({ count: cmd().mul(10), title: cmd().remove() });
    expect(await read('upd', 'd')).toEqual({
      _id: 'd',
      count: 30,
      list: ['a', 'b', 'c'],
      author: { name: '张', unit: '人大' },
    });
  });

  test('pull, addToSet, pop, shift, unshift', async () => {
    await coll('upd')
      .doc('d')
      .update({ list: cmd().push(['b', 'c', 'b']) });
    await coll('upd')
      .doc('d')
      .update({ list: cmd().pull('b') });
    expect((await read('upd', 'd'))?.list).toEqual(['a', 'c']);
    await coll('upd')
      .doc('d')
      .update({ list: cmd().addToSet('a') });
    await coll('upd')
      .doc('d')
      .update({ list: cmd().addToSet('z') });
    expect((await read('upd', 'd'))?.list).toEqual(['a', 'c', 'z']);
    await coll('upd').doc('d').update({ list: cmd().pop() });
    await coll('upd').doc('d').update({ list: cmd().shift() });
    await coll('upd')
      .doc('d')
      .update({ list: cmd().unshift(['first']) });
    expect((await read('upd', 'd'))?.list).toEqual(['first', 'c']);
  });

  test('updating a missing document answers updated 0 and creates nothing', async () => {
    expect((await coll('upd').doc('nope').update({ a: 1 })).updated).toBe(0);
    expect(await read('upd', 'nope')).toBeUndefined();
  });

  test('writing the same values again answers updated 0 (modified count, as MongoDB)', async () => {
    expect((await coll('upd').doc('d').update({ title: 'old' })).updated).toBe(0);
  });

  test('an invalid operator is rejected and changes nothing', async () => {
    await expect(
      coll('upd')
        .doc('d')
        .update({ title: cmd().inc(1) }),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    });
    expect((await read('upd', 'd'))?.title).toBe('old');
  });
});

describe('doc(id).set', () => {
  test('set on a missing id inserts it: {updated: 0, upsertedId}', async () => {
    const result = await coll('set')
      .doc('s')
      .set({ a: 1, b: { c: 2 } });
    expect(result).toEqual({ updated: 0, upsertedId: 's', requestId: expect.any(String) });
    expect(await read('set', 's')).toEqual({ _id: 's', a: 1, b: { c: 2 } });
  });

  test('set on an existing id replaces the whole document: {updated: 1}', async () => {
    await coll('set').doc('r').set({ a: 1, keep: false });
    const result = await coll('set').doc('r').set({ z: 9 });
    expect(result.updated).toBe(1);
    expect(result.upsertedId).toBeUndefined();
    expect(await read('set', 'r')).toEqual({ _id: 'r', z: 9 });
  });
});

describe('where().update and remove', () => {
  beforeEach(async () => {
    await coll('multi').where({}).remove();
    await coll('multi').add([
      { _id: 'm1', status: 'draft', views: 0 },
      { _id: 'm2', status: 'draft', views: 5 },
      { _id: 'm3', status: 'published', views: 7 },
    ]);
  });

  test('where().update changes every match and answers {updated}', async () => {
    const result = await coll('multi')
      .where({ status: 'draft' })
      .update({ status: 'published', views: cmd().inc(1) });
    expect(result).toMatchObject({ updated: 2 });
    const docs = (await coll('multi').orderBy('_id', 'asc').get()).data;
    expect(docs).toEqual([
      { _id: 'm1', status: 'published', views: 1 },
      { _id: 'm2', status: 'published', views: 6 },
      { _id: 'm3', status: 'published', views: 7 },
    ]);
  });

  test('where().update with no match answers updated 0', async () => {
    expect((await coll('multi').where({ status: 'gone' }).update({ views: 1 })).updated).toBe(0);
  });

  test('where().remove deletes every match and answers {deleted}', async () => {
    const result = await coll('multi')
      .where({ views: cmd().lt(6) })
      .remove();
    expect(result).toEqual({ deleted: 2, requestId: expect.any(String) });
    expect((await coll('multi').get()).data.map((doc) => doc._id)).toEqual(['m3']);
  });

  test('doc(id).remove deletes one document; a missing id answers deleted 0', async () => {
    expect((await coll('multi').doc('m2').remove()).deleted).toBe(1);
    expect((await coll('multi').doc('m2').remove()).deleted).toBe(0);
    expect((await coll('multi').count()).total).toBe(2);
  });

  test('concurrent increments on one document are all applied', async () => {
    await Promise.all(
      Array.from({ length: 50 }, () =>
        coll('multi')
          .doc('m1')
          .update({ views: cmd().inc(1) }),
      ),
    );
    expect((await read('multi', 'm1'))?.views).toBe(50);
  });
});

describe('less common calls', () => {
  test('where().updateAndReturn answers the updated document', async () => {
    await coll('uar').add({ _id: 'u', n: 1 });
    const result = await coll('uar')
      .where({ _id: 'u' })
      .updateAndReturn({ n: cmd().inc(1) });
    expect(result).toMatchObject({ updated: 1, doc: { _id: 'u', n: 2 } });
  });

  test('db.createCollection creates once, then reports that it exists', async () => {
    await emulator.db.createCollection('created');
    expect((await coll('created').count()).total).toBe(0);
    await expect(emulator.db.createCollection('created')).rejects.toMatchObject({
      code: 'DATABASE_COLLECTION_ALREADY_EXIST',
    });
  });

  test('numeric document ids are distinct from string ids', async () => {
    await coll('numeric').add([{ _id: 1, kind: 'number' } as never, { _id: '1', kind: 'string' }]);
    expect((await coll('numeric').doc(1).get()).data).toEqual([{ _id: 1, kind: 'number' }]);
    expect((await coll('numeric').doc('1').get()).data).toEqual([{ _id: '1', kind: 'string' }]);
  });
});
