// Query and aggregation operators where mingo (the emulator's engine) differs from MongoDB, which
// CloudBase runs on; the emulator guards them locally (local/emulator/mingo-guards.ts).
import { startTestEmulator, type TestEmulator } from '../support/emulator';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ collections: ['mixed', 'dates', 'texts'] });
  await emulator.db.collection('mixed').add([
    { _id: 'value-and-doc', list: [5, { a: 1 }] },
    { _id: 'doc-only', list: [{ a: 2 }] },
    { _id: 'values-only', list: [7, 8] },
  ]);
  await emulator.db.collection('dates').add([
    { _id: 'monday', at: new Date('2024-11-18T01:30:00Z') },
    { _id: 'new-year', at: new Date('2024-01-01T00:00:00Z') },
    { _id: 'first-sunday', at: new Date('2024-01-07T00:00:00Z') },
  ]);
  await emulator.db.collection('texts').add({ _id: 't', s: '履职学堂 hello', name: '张三', age: 45 });
});

afterAll(async () => {
  await emulator.close();
});

async function project(collection: string, expression: Record<string, unknown>) {
  const result = await emulator.db
    .collection(collection)
    .aggregate()
    .sort({ _id: 1 })
    .project({ _id: 1, r: expression })
    .end();
  return (result as { data: Array<{ _id: string; r: unknown }> }).data;
}

test('_.elemMatch with field conditions looks only at the documents in an array, not plain values', async () => {
  const _ = emulator.db.command;
  const found = await emulator.db
    .collection('mixed')
    .where({ list: _.elemMatch({ a: _.neq(1) }) })
    .get();
  expect(found.data.map((doc) => doc._id)).toEqual(['doc-only']);
  const values = await emulator.db
    .collection('mixed')
    .where({ list: _.elemMatch(_.gt(6)) })
    .get();
  expect(values.data.map((doc) => doc._id)).toEqual(['values-only']);
});

test('$week counts weeks from the first Sunday of the year, as MongoDB does', async () => {
  expect(await project('dates', { $week: '$at' })).toEqual([
    { _id: 'first-sunday', r: 1 },
    { _id: 'monday', r: 46 },
    { _id: 'new-year', r: 0 },
  ]);
});

test('$indexOfCP counts code points', async () => {
  expect(await project('texts', { $indexOfCP: ['$s', 'hello'] })).toEqual([{ _id: 't', r: 5 }]);
  expect(await project('texts', { $indexOfCP: ['$s', '学'] })).toEqual([{ _id: 't', r: 2 }]);
  expect(await project('texts', { $indexOfCP: ['$s', '无'] })).toEqual([{ _id: 't', r: -1 }]);
});

test('a negative length in $substr / $substrBytes means "to the end of the string"', async () => {
  expect(await project('texts', { $substrBytes: ['$s', 13, -1] })).toEqual([{ _id: 't', r: 'hello' }]);
  expect(await project('texts', { $substr: ['$s', 0, -1] })).toEqual([{ _id: 't', r: '履职学堂 hello' }]);
  expect(await project('texts', { $substrBytes: ['$s', 0, 6] })).toEqual([{ _id: 't', r: '履职' }]);
});

test('_.jsonSchema filters by a schema', async () => {
  const _ = emulator.db.command;
  const adults = await emulator.db
    .collection('texts')
    .where(_.jsonSchema({ required: ['name'], properties: { age: { bsonType: 'int', minimum: 18 } } }))
    .count();
  expect(adults.total).toBe(1);
  const none = await emulator.db
    .collection('texts')
    .where(_.jsonSchema({ required: ['missing'] }))
    .count();
  expect(none.total).toBe(0);
});

test('a document with a $-prefixed field name is refused with DATABASE_REQUEST_FAILED', async () => {
  await expect(
    emulator.db
      .collection('texts')
      .options({ raw: true })
      .where({ _id: 't' })
      .update({ $set: { nested: { $bad: 1 } } }),
  ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
});

test('an operator the emulator does not support is refused with an error naming it', async () => {
  await expect(project('texts', { $bogusOperator: ['$s'] })).rejects.toMatchObject({
    code: 'DATABASE_REQUEST_FAILED',
    message: expect.stringContaining('$bogusOperator'),
  });
  await expect(
    emulator.db
      .collection('texts')
      .options({ raw: true })
      .where({ s: { $nearlyEquals: 1 } })
      .get(),
  ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('$nearlyEquals') });
});
