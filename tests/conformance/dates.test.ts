// Date round trips as the SDK makers' own Date tests drive them: Date values and db.serverDate() nested in
// objects and arrays, through add/get, update (plain, _.push, _.set), set, updateAndReturn, aggregate and
// a transaction, queried by equality and range — and an invalid Date refused instead of stored as 1970.
import { startTestEmulator, type TestEmulator } from '../support/emulator';

let emulator: TestEmulator;
const dates = () => emulator.db.collection('dates');
const read = async (id: string) => (await dates().doc(id).get()).data[0] as Record<string, unknown>;

const OPENING = new Date('2024-11-18T01:30:00.000Z');
const CLOSING = new Date('2024-11-22T09:00:00.000Z');
const BEFORE_1970 = new Date('1949-10-01T02:00:00.000Z');
const FAR = new Date('2300-01-01T00:00:00.000Z');
const MINUTE = 60_000;
/** A year in ms: the SDK makers test that a long offset carries into the year. */
const YEAR = 31_536_000_000;

beforeAll(async () => {
  emulator = await startTestEmulator({ collections: ['dates'] });
});

afterAll(async () => {
  await emulator?.close();
});

beforeEach(async () => {
  await dates().where({}).remove();
});

test('Dates nested in objects and arrays (before 1970 and after 2038 too) come back as equal Dates', async () => {
  const doc = {
    opening: OPENING,
    schedule: { closing: CLOSING, sessions: [OPENING, { at: CLOSING }] },
    history: [BEFORE_1970, FAR],
    emptyArray: [],
    emptyObject: {},
  };
  const { id } = await dates().add(doc);
  const stored = await read(id as string);
  expect(stored).toEqual({ _id: id, ...doc });
  expect((stored.schedule as { sessions: unknown[] }).sessions[0]).toBeInstanceOf(Date);
});

test('db.serverDate() top level, nested and in arrays is the server clock plus its offset, a year included', async () => {
  const before = Date.now();
  const { id } = await dates().add({
    at: emulator.db.serverDate(),
    later: emulator.db.serverDate({ offset: MINUTE }),
    nested: { at: emulator.db.serverDate({ offset: MINUTE }) },
    list: [emulator.db.serverDate({ offset: MINUTE })],
    nextYear: emulator.db.serverDate({ offset: YEAR }),
  });
  const after = Date.now();
  const stored = (await read(id as string)) as Record<string, Date> & {
    nested: { at: Date };
    list: Date[];
  };
  expect(stored.at.getTime()).toBeGreaterThanOrEqual(before);
  expect(stored.at.getTime()).toBeLessThanOrEqual(after);
  expect(stored.later.getTime() - stored.at.getTime()).toBe(MINUTE);
  expect(stored.nested.at).toEqual(stored.later);
  expect(stored.list).toEqual([stored.later]);
  expect(stored.nextYear.getTime() - stored.at.getTime()).toBe(YEAR);
});

test('Dates are found by equality, range and in nested paths, in get, count and remove', async () => {
  const _ = emulator.db.command;
  await dates().add([
    { _id: 'open', at: OPENING, meta: { at: OPENING } },
    { _id: 'close', at: CLOSING, meta: { at: CLOSING } },
  ]);
  const ids = async (query: Record<string, unknown>) => (await dates().where(query).get()).data.map((doc) => doc._id);
  expect(await ids({ at: OPENING })).toEqual(['open']);
  expect(await ids({ at: _.eq(CLOSING) })).toEqual(['close']);
  expect(await ids({ at: _.lte(CLOSING).and(_.gt(OPENING)) })).toEqual(['close']);
  expect(await ids({ 'meta.at': _.in([OPENING]) })).toEqual(['open']);
  expect(
    (
      await dates()
        .where({ at: _.gte(OPENING) })
        .count()
    ).total,
  ).toBe(2);
  expect((await dates().where({ at: CLOSING }).remove()).deleted).toBe(1);
});

test('update (plain, _.push, _.set), set and updateAndReturn write Dates and serverDates that read back as Dates', async () => {
  const _ = emulator.db.command;
  await dates().add({ _id: 'd', at: OPENING, list: [OPENING] });
  await dates().where({ at: OPENING }).update({ at: CLOSING, touched: emulator.db.serverDate() });
  await dates()
    .doc('d')
    .update({ list: _.push([CLOSING, emulator.db.serverDate({ offset: MINUTE })]), box: _.set({ at: BEFORE_1970 }) });
  const updated = await read('d');
  expect(updated.at).toEqual(CLOSING);
  expect(updated.touched).toBeInstanceOf(Date);
  expect((updated.list as Date[]).slice(0, 2)).toEqual([OPENING, CLOSING]);
  expect((updated.list as Date[])[2].getTime() - (updated.touched as Date).getTime()).toBeGreaterThanOrEqual(MINUTE);
  expect(updated.box).toEqual({ at: BEFORE_1970 });

  await dates()
    .doc('d')
    .set({ only: { at: [FAR] } });
  expect(await read('d')).toEqual({ _id: 'd', only: { at: [FAR] } });
  const returned = await dates().where({ _id: 'd' }).updateAndReturn({ stamped: OPENING });
  expect(returned.doc).toEqual({ _id: 'd', only: { at: [FAR] }, stamped: OPENING });
});

test('aggregate matches Dates and hands them back as Dates; date operators see the stored instant', async () => {
  const _ = emulator.db.command;
  const $ = emulator.db.command.aggregate;
  await dates().add([
    { _id: 'open', at: OPENING, group: 'g' },
    { _id: 'close', at: CLOSING, group: 'g' },
  ]);
  const matched = await dates()
    .aggregate()
    .match({ at: _.gt(OPENING) })
    .project({ at: 1, day: $.dateToString({ date: '$at', format: '%Y-%m-%d', timezone: 'Asia/Shanghai' }) })
    .end();
  expect(matched.data).toEqual([{ _id: 'close', at: CLOSING, day: '2024-11-22' }]);
  const latest = await dates()
    .aggregate()
    .group({ _id: '$group', last: $.max('$at'), first: $.min('$at') })
    .end();
  expect(latest.data).toEqual([{ _id: 'g', last: CLOSING, first: OPENING }]);
});

test('inside a transaction Dates and serverDates written and read stay Dates, and commit keeps them', async () => {
  await dates().add({ _id: 't', at: OPENING });
  const transaction = await emulator.db.startTransaction();
  const inside = transaction.collection('dates');
  expect((await inside.doc('t').get()).data).toEqual({ _id: 't', at: OPENING });
  await inside.doc('t').update({ at: CLOSING, nested: { list: [FAR] }, stamped: emulator.db.serverDate() });
  await inside.add({ _id: 't2', at: BEFORE_1970 });
  expect((await inside.where({ at: CLOSING }).get()).data).toHaveLength(1);
  await transaction.commit();
  const committed = await read('t');
  expect(committed).toMatchObject({ at: CLOSING, nested: { list: [FAR] } });
  expect(committed.stamped).toBeInstanceOf(Date);
  expect((await read('t2')).at).toEqual(BEFORE_1970);
});

test('an invalid Date is refused (INVALID_PARAM) in a document, an update or a query, never stored as 1970', async () => {
  const invalid = new Date('not a date');
  await dates().add({ _id: 'ok', at: OPENING });
  await expect(dates().add({ _id: 'bad', at: invalid })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  await expect(
    dates()
      .doc('ok')
      .update({ nested: { at: [invalid] } }),
  ).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  await expect(dates().where({ at: invalid }).get()).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  expect((await dates().doc('bad').get()).data).toEqual([]);
  expect(await read('ok')).toEqual({ _id: 'ok', at: OPENING });
});
