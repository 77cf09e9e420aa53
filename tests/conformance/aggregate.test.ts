// Aggregation through node-sdk's aggregate() builder: the stages the project uses.
import { startTestEmulator, type TestEmulator } from '../support/emulator';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ collections: ['reflections_sample', 'groups'] });
  await emulator.db.collection('reflections_sample').add([
    { _id: 'r1', group: '一组', kind: '学习心得', words: 800, status: 'approved' },
    { _id: 'r2', group: '一组', kind: '研讨发言', words: 1200, status: 'approved' },
    { _id: 'r3', group: '二组', kind: '学习心得', words: 500, status: 'approved' },
    { _id: 'r4', group: '二组', kind: '学习心得', words: 300, status: 'pending' },
    { _id: 'r5', group: '三组', kind: '研讨发言', words: 950, status: 'approved' },
  ]);
  await emulator.db.collection('groups').add([
    { _id: 'g1', name: '一组', leader: '甲' },
    { _id: 'g2', name: '二组', leader: '乙' },
  ]);
});

afterAll(async () => {
  await emulator.close();
});

test('match + group + sort + limit', async () => {
  const $ = emulator.db.command.aggregate;
  const result = await emulator.db
    .collection('reflections_sample')
    .aggregate()
    .match({ status: 'approved' })
    .group({ _id: '$group', count: $.sum(1), words: $.sum('$words') })
    .sort({ words: -1 })
    .limit(2)
    .end();
  expect(result).toEqual({
    requestId: expect.any(String),
    data: [
      { _id: '一组', count: 2, words: 2000 },
      { _id: '三组', count: 1, words: 950 },
    ],
  });
});

test('match with command operators, project, skip, count', async () => {
  const _ = emulator.db.command;
  const projected = await emulator.db
    .collection('reflections_sample')
    .aggregate()
    .match({ words: _.gte(500), kind: _.in(['学习心得']) })
    .project({ _id: 0, group: 1 })
    .end();
  expect(projected.data).toEqual([{ group: '一组' }, { group: '二组' }]);

  const counted = await emulator.db.collection('reflections_sample').aggregate().skip(1).count('n').end();
  expect(counted.data).toEqual([{ n: 4 }]);
});

test('group by null with avg/max and lookup into another collection', async () => {
  const $ = emulator.db.command.aggregate;
  const totals = await emulator.db
    .collection('reflections_sample')
    .aggregate()
    .group({ _id: null, avg: $.avg('$words'), max: $.max('$words') })
    .end();
  expect(totals.data).toEqual([{ _id: null, avg: 750, max: 1200 }]);

  const joined = await emulator.db
    .collection('reflections_sample')
    .aggregate()
    .match({ _id: 'r3' })
    .lookup({ from: 'groups', localField: 'group', foreignField: 'name', as: 'groupInfo' })
    .end();
  expect(joined.data[0]).toMatchObject({ _id: 'r3', groupInfo: [{ _id: 'g2', name: '二组', leader: '乙' }] });
});

test('an empty collection aggregates to []; one never created is refused as the service refuses it', async () => {
  await emulator.db.createCollection('nothing_here');
  const result = await emulator.db.collection('nothing_here').aggregate().group({ _id: '$x' }).end();
  expect(result.data).toEqual([]);
  await expect(emulator.db.collection('never_created').aggregate().group({ _id: '$x' }).end()).rejects.toMatchObject({
    code: 'DATABASE_COLLECTION_NOT_EXIST',
  });
});
