// Every value type node-sdk can send survives the wire and the journal: ObjectId (db.ObjectId), and,
// through `options({raw: true})` updates (the SDK's EJSON path for bson values), Decimal128, Binary,
// Date and nested arrays. Read back through aggregate() (which hands bson values over as they came)
// and again after a restart, from the journal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Binary, Decimal128, ObjectId } from 'bson';
import { createLocalCloudApp } from '../../local/emulator/client';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-types-'));
let emulator: RunningEmulator;

function database(url: string) {
  return createLocalCloudApp(url).database();
}

beforeAll(async () => {
  emulator = await startEmulator({ dataDir });
  await database(emulator.url).createCollection('typed');
});

afterAll(async () => {
  await emulator.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const FIRST = '5f1b2c3d4e5f6a7b8c9d0e1f';
const SECOND = '5f1b2c3d4e5f6a7b8c9d0e20';

/** Read through aggregate(): its answer keeps bson values (get() reshapes them into plain objects). */
async function stored(url: string, id: string | { objectId: string }) {
  const db = database(url);
  const _id = typeof id === 'string' ? id : db.ObjectId({ id: id.objectId });
  const result = await db.collection('typed').aggregate().match({ _id }).end();
  return (result as { data: Array<Record<string, unknown>> }).data[0];
}

test('ObjectId _ids stay distinct ObjectIds (a second one is no duplicate), and can be queried', async () => {
  const db = database(emulator.url);
  await db.collection('typed').add({ _id: db.ObjectId({ id: FIRST }), n: 1 });
  await db.collection('typed').add({ _id: db.ObjectId({ id: SECOND }), n: 2 });
  await expect(db.collection('typed').add({ _id: db.ObjectId({ id: FIRST }), n: 3 })).rejects.toMatchObject({
    code: 'DATABASE_DUPLICATE_WRITE',
  });
  expect(
    (
      await db
        .collection('typed')
        .where({ _id: db.ObjectId({ id: SECOND }) })
        .count()
    ).total,
  ).toBe(1);
  const doc = await stored(emulator.url, { objectId: FIRST });
  expect(doc._id).toBeInstanceOf(ObjectId);
  expect((doc._id as ObjectId).toHexString()).toBe(FIRST);
});

test('Decimal128, Binary, Date and nested arrays keep their types, through the journal too', async () => {
  const db = database(emulator.url);
  await db.collection('typed').add({ _id: 'values', n: 0 });
  await db
    .collection('typed')
    .options({ raw: true })
    .where({ _id: 'values' })
    .update({
      $set: {
        price: Decimal128.fromString('12.50'),
        bytes: new Binary(Buffer.from('履职')),
        when: new Date('2024-11-18T01:30:00.000Z'),
        grid: [[1, [2, [3]]], [{ a: [4] }]],
      },
    });
  const check = (doc: Record<string, unknown>) => {
    expect(doc.price).toBeInstanceOf(Decimal128);
    expect(String(doc.price)).toBe('12.50');
    expect(doc.bytes).toBeInstanceOf(Binary);
    expect(Buffer.from((doc.bytes as Binary).buffer).toString()).toBe('履职');
    expect(doc.when).toEqual(new Date('2024-11-18T01:30:00.000Z'));
    expect(doc.grid).toEqual([[1, [2, [3]]], [{ a: [4] }]]);
  };
  check(await stored(emulator.url, 'values'));
  await emulator.close();
  emulator = await startEmulator({ dataDir });
  check(await stored(emulator.url, 'values'));
  const reread = await stored(emulator.url, { objectId: SECOND });
  expect((reread._id as ObjectId).toHexString()).toBe(SECOND);
});
