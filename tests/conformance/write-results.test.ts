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
