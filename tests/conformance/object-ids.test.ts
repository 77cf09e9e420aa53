// ObjectId values outside `_id` (and in it), as the SDK makers' own test uses them against the service:
// stored as ObjectIds (equality and $in with db.ObjectId match them, the same hex as a plain string does
// not), and read back through get() as their hex string — node-sdk's get() would otherwise rebuild an
// ObjectId as `{}`, losing the value.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalCloudApp } from '../../local/emulator/client';
import { startEmulator } from '../../local/emulator/index';
import { startTestEmulator, type TestEmulator } from '../support/emulator';

const AUTHOR = '5f1b2c3d4e5f6a7b8c9d0e1f';
const REVIEWER = '5f1b2c3d4e5f6a7b8c9d0e20';
const OTHER = '5f1b2c3d4e5f6a7b8c9d0e21';

let emulator: TestEmulator;
const refs = () => emulator.db.collection('refs');
const oid = (id: string) => emulator.db.ObjectId({ id });

beforeAll(async () => {
  emulator = await startTestEmulator({ collections: ['refs', 'people'] });
});

afterAll(async () => {
  await emulator?.close();
});

beforeEach(async () => {
  await refs().where({}).remove();
  await refs().add({
    _id: 'r1',
    author: oid(AUTHOR),
    reviewers: [oid(AUTHOR), oid(REVIEWER)],
    meta: { by: oid(REVIEWER), note: '初审' },
  });
});

test('get() answers ObjectIds in fields, nested objects and arrays as their hex strings', async () => {
  expect((await refs().doc('r1').get()).data).toEqual([
    { _id: 'r1', author: AUTHOR, reviewers: [AUTHOR, REVIEWER], meta: { by: REVIEWER, note: '初审' } },
  ]);
  const listed = await refs().where({ _id: 'r1' }).field({ author: true }).get();
  expect(listed.data).toEqual([{ _id: 'r1', author: AUTHOR }]);
});

test('the stored value stays an ObjectId: db.ObjectId equality and $in match, the same hex as a string does not', async () => {
  const _ = emulator.db.command;
  const count = async (query: Record<string, unknown>) => (await refs().where(query).count()).total;
  expect(await count({ author: oid(AUTHOR) })).toBe(1);
  expect(await count({ author: _.in([oid(OTHER), oid(AUTHOR)]) })).toBe(1);
  expect(await count({ 'meta.by': oid(REVIEWER) })).toBe(1);
  expect(await count({ reviewers: oid(REVIEWER) })).toBe(1);
  expect(await count({ author: _.neq(oid(AUTHOR)) })).toBe(0);
  expect(await count({ author: AUTHOR })).toBe(0);
  expect(await count({ author: oid(OTHER) })).toBe(0);
});

test('update and set write ObjectIds that queries then find, and get() reads back as hex', async () => {
  const _ = emulator.db.command;
  await refs()
    .doc('r1')
    .update({ approvedBy: oid(OTHER), reviewers: _.push(oid(OTHER)) });
  await refs()
    .doc('r2')
    .set({ author: oid(OTHER) });
  expect(
    (
      await refs()
        .where({ approvedBy: oid(OTHER) })
        .count()
    ).total,
  ).toBe(1);
  expect(
    (
      await refs()
        .where({ author: oid(OTHER) })
        .get()
    ).data,
  ).toEqual([{ _id: 'r2', author: OTHER }]);
  expect((await refs().doc('r1').get()).data[0]).toMatchObject({
    approvedBy: OTHER,
    reviewers: [AUTHOR, REVIEWER, OTHER],
  });
});

test('an ObjectId _id: add answers its hex id, get() reads it back as hex, db.ObjectId finds it', async () => {
  const added = await refs().add({ _id: oid(OTHER), n: 1 });
  expect(added.id).toBe(OTHER);
  expect(
    (
      await refs()
        .where({ _id: oid(OTHER) })
        .get()
    ).data,
  ).toEqual([{ _id: OTHER, n: 1 }]);
});

test('a transaction reads ObjectIds as hex too, and its writes keep them ObjectIds', async () => {
  const transaction = await emulator.db.startTransaction();
  const inside = transaction.collection('refs');
  expect((await inside.doc('r1').get()).data).toMatchObject({ author: AUTHOR, meta: { by: REVIEWER } });
  await inside.doc('r1').update({ approvedBy: oid(OTHER) });
  expect((await inside.where({ approvedBy: oid(OTHER) }).get()).data).toHaveLength(1);
  await transaction.commit();
  expect(
    (
      await refs()
        .where({ approvedBy: oid(OTHER) })
        .count()
    ).total,
  ).toBe(1);
});

test('aggregate $lookup joins an ObjectId field to ObjectId _ids', async () => {
  await emulator.db.collection('people').where({}).remove();
  await emulator.db.collection('people').add([
    { _id: oid(AUTHOR), name: '张' },
    { _id: oid(REVIEWER), name: '李' },
  ]);
  const joined = await refs()
    .aggregate()
    .lookup({ from: 'people', localField: 'author', foreignField: '_id', as: 'authors' })
    .project({ _id: 0, names: '$authors.name' })
    .end();
  expect(joined.data).toEqual([{ names: ['张'] }]);
});

test('ObjectIds stay ObjectIds in the journal: after a restart db.ObjectId still finds them', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-oid-'));
  try {
    const first = await startEmulator({ dataDir, port: 0 });
    const before = createLocalCloudApp(first.url).database();
    await before.createCollection('refs');
    await before.collection('refs').add({ _id: 'kept', author: before.ObjectId({ id: AUTHOR }) });
    await first.close();
    const second = await startEmulator({ dataDir, port: 0 });
    try {
      const db = createLocalCloudApp(second.url).database();
      expect(
        (
          await db
            .collection('refs')
            .where({ author: db.ObjectId({ id: AUTHOR }) })
            .get()
        ).data,
      ).toEqual([{ _id: 'kept', author: AUTHOR }]);
      expect((await db.collection('refs').where({ author: AUTHOR }).count()).total).toBe(0);
    } finally {
      await second.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
