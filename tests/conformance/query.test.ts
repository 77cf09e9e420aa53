// Reads through the real @cloudbase/node-sdk against the emulator: every query shape the
// project uses, with the SDK's own limit rules (default 100, cap 1000).
import { startTestEmulator, type TestEmulator } from '../support/emulator';

let emulator: TestEmulator;

const people = [
  { _id: 'p1', name: 'Alice', age: 30, city: 'xinyang', tags: ['a', 'b'], profile: { level: 2, unit: '人大' } },
  { _id: 'p2', name: 'bob', age: 25, city: 'luoshan', tags: ['b'], profile: { level: 1, unit: '乡镇' } },
  { _id: 'p3', name: 'Carol', age: 35, city: 'xinyang', tags: [], profile: { level: 3, unit: '人大' } },
  { _id: 'p4', name: 'dave', age: 25, city: 'guangshan', profile: { level: 2, unit: '县' } },
  { _id: 'p5', name: 'Eve', age: 40, city: 'luoshan', tags: ['c'], nickname: null },
];

beforeAll(async () => {
  emulator = await startTestEmulator({ collections: ['people', 'many', 'never_written'] });
  await emulator.db.collection('people').add(people);
});

afterAll(async () => {
  await emulator.close();
});

function ids(result: { data: Array<{ _id?: unknown }> }): unknown[] {
  return result.data.map((doc) => doc._id);
}

describe('where operators', () => {
  const cases: Array<[string, () => Promise<{ data: Array<{ _id?: unknown }> }>, string[]]> = [
    ['plain equality', () => people$().where({ city: 'xinyang' }).get(), ['p1', 'p3']],
    [
      'eq',
      () =>
        people$()
          .where({ age: cmd().eq(25) })
          .get(),
      ['p2', 'p4'],
    ],
    [
      'neq',
      () =>
        people$()
          .where({ city: cmd().neq('xinyang') })
          .get(),
      ['p2', 'p4', 'p5'],
    ],
    [
      'in',
      () =>
        people$()
          .where({ age: cmd().in([25, 40]) })
          .get(),
      ['p2', 'p4', 'p5'],
    ],
    [
      'nin',
      () =>
        people$()
          .where({ age: cmd().nin([25, 40]) })
          .get(),
      ['p1', 'p3'],
    ],
    [
      'gt',
      () =>
        people$()
          .where({ age: cmd().gt(30) })
          .get(),
      ['p3', 'p5'],
    ],
    [
      'gte',
      () =>
        people$()
          .where({ age: cmd().gte(30) })
          .get(),
      ['p1', 'p3', 'p5'],
    ],
    [
      'lt',
      () =>
        people$()
          .where({ age: cmd().lt(30) })
          .get(),
      ['p2', 'p4'],
    ],
    [
      'lte',
      () =>
        people$()
          .where({ age: cmd().lte(30) })
          .get(),
      ['p1', 'p2', 'p4'],
    ],
    [
      'field and',
      () =>
        people$()
          .where({ age: cmd().gt(24).and(cmd().lt(31)) })
          .get(),
      ['p1', 'p2', 'p4'],
    ],
    [
      'field or',
      () =>
        people$()
          .where({ age: cmd().lt(26).or(cmd().gt(36)) })
          .get(),
      ['p2', 'p4', 'p5'],
    ],
    [
      'top-level or',
      () =>
        people$()
          .where(cmd().or([{ city: 'guangshan' }, { age: 40 }]))
          .get(),
      ['p4', 'p5'],
    ],
    [
      'top-level and',
      () =>
        people$()
          .where(cmd().and([{ city: 'luoshan' }, { age: cmd().lt(30) }]))
          .get(),
      ['p2'],
    ],
    [
      'several fields (implicit and)',
      () =>
        people$()
          .where({ city: 'xinyang', age: cmd().gt(30) })
          .get(),
      ['p3'],
    ],
    ['nested field by path', () => people$().where({ 'profile.unit': '人大' }).get(), ['p1', 'p3']],
    [
      'nested field by object',
      () =>
        people$()
          .where({ profile: { level: 2 } })
          .get(),
      ['p1', 'p4'],
    ],
    [
      'nested with operator',
      () =>
        people$()
          .where({ profile: { level: cmd().gte(2) } })
          .get(),
      ['p1', 'p3', 'p4'],
    ],
    ['array contains', () => people$().where({ tags: 'b' }).get(), ['p1', 'p2']],
    [
      'exists',
      () =>
        people$()
          .where({ tags: cmd().exists(false) })
          .get(),
      ['p4'],
    ],
    ['null matches null and missing', () => people$().where({ nickname: null }).get(), ['p1', 'p2', 'p3', 'p4', 'p5']],
    [
      'size',
      () =>
        people$()
          .where({ tags: cmd().size(0) })
          .get(),
      ['p3'],
    ],
    [
      'JS RegExp',
      () =>
        people$()
          .where({ name: /^[a-c]/ })
          .get(),
      ['p2'],
    ],
    [
      'db.RegExp with options',
      () =>
        people$()
          .where({ name: emulator.db.RegExp({ regexp: '^[a-c]', options: 'i' }) })
          .get(),
      ['p1', 'p2', 'p3'],
    ],
    ['no match', () => people$().where({ city: 'nowhere' }).get(), []],
  ];

  test.each(cases)('%s', async (_name, run, expected) => {
    expect(ids(await run())).toEqual(expected);
  });
});

describe('order, skip, limit, projection', () => {
  test('orderBy on several fields', async () => {
    const result = await people$().orderBy('age', 'asc').orderBy('name', 'desc').get();
    expect(ids(result)).toEqual(['p4', 'p2', 'p1', 'p3', 'p5']);
  });

  test('orderBy a nested field, descending', async () => {
    const result = await people$()
      .where({ 'profile.level': cmd().exists(true) })
      .orderBy('profile.level', 'desc')
      .get();
    expect(ids(result)).toEqual(['p3', 'p1', 'p4', 'p2']);
  });

  test('skip and limit page through a sorted result', async () => {
    const page = await people$().orderBy('age', 'desc').orderBy('_id', 'asc').skip(1).limit(2).get();
    expect(ids(page)).toEqual(['p3', 'p1']);
  });

  test('field() includes only the named fields (and _id)', async () => {
    const result = await people$().where({ _id: 'p1' }).field({ name: true, 'profile.unit': true }).get();
    expect(result.data).toEqual([{ _id: 'p1', name: 'Alice', profile: { unit: '人大' } }]);
  });

  test('field() with false excludes fields', async () => {
    const result = await people$().where({ _id: 'p2' }).field({ tags: false, profile: false }).get();
    expect(result.data).toEqual([{ _id: 'p2', name: 'bob', age: 25, city: 'luoshan' }]);
  });

  test('doc(id).field() projects a single document', async () => {
    const result = await people$().doc('p3').field({ age: true }).get();
    expect(result.data).toEqual([{ _id: 'p3', age: 35 }]);
  });
});

describe('count and single documents', () => {
  test('count() with and without a condition', async () => {
    expect((await people$().count()).total).toBe(5);
    expect((await people$().where({ city: 'luoshan' }).count()).total).toBe(2);
    expect(await people$().where({ city: 'nowhere' }).count()).toEqual({ total: 0, requestId: expect.any(String) });
  });

  test('get() answers {data, requestId}', async () => {
    const result = await people$().where({ _id: 'p5' }).get();
    expect(result).toEqual({ data: [people[4]], requestId: expect.any(String) });
  });

  test('doc(id).get() returns the document in a one-element array', async () => {
    const result = await people$().doc('p2').get();
    expect(result.data).toEqual([people[1]]);
  });

  test('doc(id).get() of a missing id returns {data: []} without throwing', async () => {
    const result = await people$().doc('missing').get();
    expect(result.data).toEqual([]);
  });

  test('a created collection that was never written reads as empty', async () => {
    expect((await emulator.db.collection('never_written').get()).data).toEqual([]);
    expect((await emulator.db.collection('never_written').count()).total).toBe(0);
  });
});

describe('limits: default 100, cap 1000', () => {
  beforeAll(async () => {
    // One insert request with 1,100 documents: the SDK's bulk add is the fast seeding path.
    const docs = Array.from({ length: 1100 }, (_x, index) => ({ index }));
    const result = await emulator.db.collection('many').add(docs);
    expect((result as unknown as { ids: string[] }).ids).toHaveLength(1100);
  });

  test('get() without limit returns the first 100', async () => {
    const result = await emulator.db.collection('many').get();
    expect(result.data).toHaveLength(100);
    expect(result.data[0]).toMatchObject({ index: 0 });
  });

  test('limit(1000) returns 1000 and limit(5000) is capped at 1000', async () => {
    expect((await emulator.db.collection('many').limit(1000).get()).data).toHaveLength(1000);
    expect((await emulator.db.collection('many').limit(5000).get()).data).toHaveLength(1000);
  });

  test('skip past the first 1000 reaches the rest', async () => {
    const rest = await emulator.db.collection('many').orderBy('index', 'asc').skip(1000).limit(1000).get();
    expect(rest.data.map((doc) => doc.index)).toEqual(Array.from({ length: 100 }, (_x, i) => 1000 + i));
  });

  test('the emulator caps a raw request that asks for more than 1000', async () => {
    const answer = await rawPost(emulator.url, {
      action: 'database.getDocument',
      collectionName: 'many',
      queryType: 'WHERE',
      limit: 5000,
    });
    expect((answer.data as { list: unknown[] }).list).toHaveLength(1000);
  });

  test('the emulator defaults a raw request without limit to 100', async () => {
    const answer = await rawPost(emulator.url, { action: 'database.getDocument', collectionName: 'many' });
    expect((answer.data as { list: unknown[] }).list).toHaveLength(100);
  });

  test('count() is not limited', async () => {
    expect((await emulator.db.collection('many').count()).total).toBe(1100);
  });
});

function people$() {
  return emulator.db.collection('people');
}

function cmd() {
  return emulator.db.command;
}

async function rawPost(url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}
