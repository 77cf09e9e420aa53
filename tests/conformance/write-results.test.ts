// Write results as CloudBase reports them, where they differ from MongoDB's raw counts.
import { startTestEmulator, type TestEmulator } from '../support/emulator';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ collections: ['results'] });
});

afterAll(async () => {
  await emulator.close();
});

test('set() with identical data reports the matched document: {updated: 1}', async () => {
  const doc = emulator.db.collection('results').doc('same');
  await doc.set({ title: '开班仪式', n: 1 });
  const again = await doc.set({ title: '开班仪式', n: 1 });
  expect(again.updated).toBe(1);
  expect(again.upsertedId).toBeUndefined();
  expect((await doc.get()).data).toEqual([{ _id: 'same', title: '开班仪式', n: 1 }]);
});

test('updateAndReturn that matches nothing answers doc: null (and updated 0)', async () => {
  const result = await emulator.db
    .collection('results')
    .where({ _id: 'nobody' })
    .updateAndReturn({ n: emulator.db.command.inc(1) });
  expect(result).toMatchObject({ updated: 0 });
  expect(result.doc).toBeNull();
});

// findAndModify reports the document it found (MongoDB's lastErrorObject.n), not whether a value changed:
// the SDK makers' own test expects updated 1 when the update sets the value the document already holds.
test('updateAndReturn whose update changes nothing still reports the document it found: {updated: 1}', async () => {
  const results = emulator.db.collection('results');
  await results.doc('unchanged').set({ n: 1, note: '原样' });
  const same = await results.where({ _id: 'unchanged' }).updateAndReturn({ n: 1 });
  expect(same.updated).toBe(1);
  expect(same.doc).toEqual({ _id: 'unchanged', n: 1, note: '原样' });
  // Inside a transaction the count is the same.
  const transaction = await emulator.db.startTransaction();
  const inside = await transaction.collection('results').where({ _id: 'unchanged' }).updateAndReturn({ note: '原样' });
  await transaction.commit();
  expect(inside).toMatchObject({ updated: 1, doc: { _id: 'unchanged', n: 1, note: '原样' } });
  // A plain update() keeps MongoDB's nModified: the same values again change nothing.
  expect((await results.doc('unchanged').update({ n: 1 })).updated).toBe(0);
});
