// Transactions as node-sdk sends them (database.startTransaction / commitTransaction / abortTransaction,
// then reads and writes carrying transactionId), with MongoDB's semantics as CloudBase documents them:
// a snapshot read, writes invisible until commit, conflicts between transactions writing one document.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalCloudApp } from '../../local/emulator/client';
import { startEmulator } from '../../local/emulator/index';
import { startTestEmulator, type TestEmulator } from '../support/emulator';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ collections: ['accounts', 'ledger'] });
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(async () => {
  await emulator.db.collection('accounts').where({}).remove();
  await emulator.db.collection('ledger').where({}).remove();
  await emulator.db.collection('accounts').add([
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 0 },
  ]);
});

async function balance(id: string): Promise<unknown> {
  return (await emulator.db.collection('accounts').doc(id).get()).data[0]?.balance;
}

test('startTransaction: get, update, set, add, delete, updateAndReturn, then commit applies all at once', async () => {
  const _ = emulator.db.command;
  const transaction = await emulator.db.startTransaction();
  const accounts = transaction.collection('accounts');
  expect((await accounts.doc('a').get()).data).toEqual({ _id: 'a', balance: 100 });
  expect((await accounts.doc('missing').get()).data).toBeNull();
  expect((await accounts.doc('a').update({ balance: _.inc(-30) })).updated).toBe(1);
  await accounts.doc('b').set({ balance: 30 });
  await transaction.collection('ledger').add({ _id: 'move-1', from: 'a', to: 'b', amount: 30 });
  await accounts.doc('c').set({ balance: 1 });
  expect((await accounts.doc('c').delete()).deleted).toBe(1);
  const returned = await accounts.where({ _id: 'a' }).updateAndReturn({ note: '转账' });
  expect(returned.doc).toEqual({ _id: 'a', balance: 70, note: '转账' });
  // Inside, the transaction reads its own writes; outside, nothing has changed yet.
  expect((await accounts.doc('b').get()).data).toEqual({ _id: 'b', balance: 30 });
  expect(await balance('a')).toBe(100);
  expect((await emulator.db.collection('ledger').count()).total).toBe(0);

  await transaction.commit();
  expect(await balance('a')).toBe(70);
  expect(await balance('b')).toBe(30);
  expect((await emulator.db.collection('accounts').doc('c').get()).data).toEqual([]);
  expect((await emulator.db.collection('ledger').doc('move-1').get()).data).toHaveLength(1);
});

test('a rolled-back transaction leaves nothing behind', async () => {
  const transaction = await emulator.db.startTransaction();
  await transaction.collection('accounts').doc('a').update({ balance: 0 });
  await transaction.collection('ledger').add({ _id: 'never', amount: 100 });
  await transaction.rollback();
  expect(await balance('a')).toBe(100);
  expect((await emulator.db.collection('ledger').count()).total).toBe(0);
  // A finished transaction is gone: using it again is refused.
  await expect(transaction.collection('accounts').doc('a').get()).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_FAIL',
  });
});

test('reads inside a transaction see the snapshot taken at its first operation', async () => {
  const transaction = await emulator.db.startTransaction();
  expect((await transaction.collection('accounts').doc('b').get()).data).toEqual({ _id: 'b', balance: 0 });
  await emulator.db.collection('accounts').doc('a').update({ balance: 55 });
  expect((await transaction.collection('accounts').doc('a').get()).data).toEqual({ _id: 'a', balance: 100 });
  const listed = await transaction
    .collection('accounts')
    .where({ balance: emulator.db.command.gte(0) })
    .get();
  expect(listed.data.map((doc: { balance: number }) => doc.balance).sort()).toEqual([0, 100]);
  await transaction.rollback();
});

test('two concurrent transactions updating one document: one commits, the other is told of the conflict', async () => {
  const first = await emulator.db.startTransaction();
  const second = await emulator.db.startTransaction();
  await first.collection('accounts').doc('a').update({ balance: 1 });
  await expect(second.collection('accounts').doc('a').update({ balance: 2 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_CONFLICT',
  });
  await first.commit();
  expect(await balance('a')).toBe(1);
  // The conflict ended the second transaction: it cannot commit anything.
  await expect(second.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
  expect(await balance('a')).toBe(1);
});

test('a transaction writing a document changed after its snapshot conflicts', async () => {
  const late = await emulator.db.startTransaction();
  await late.collection('accounts').doc('a').get();
  await emulator.db.collection('accounts').doc('a').update({ balance: 99 });
  await expect(late.collection('accounts').doc('a').update({ balance: 0 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_CONFLICT',
  });
  expect(await balance('a')).toBe(99);
});

test('runTransaction retries on conflict, so concurrent transfers all apply', async () => {
  const _ = emulator.db.command;
  const transfer = () =>
    emulator.db.runTransaction(async (transaction: Awaited<ReturnType<typeof emulator.db.startTransaction>>) => {
      const from = (await transaction.collection('accounts').doc('a').get()).data as { balance: number };
      await transaction
        .collection('accounts')
        .doc('a')
        .update({ balance: from.balance - 10 });
      await transaction
        .collection('accounts')
        .doc('b')
        .update({ balance: _.inc(10) });
    }, 10);
  await Promise.all([transfer(), transfer(), transfer()]);
  expect(await balance('a')).toBe(70);
  expect(await balance('b')).toBe(30);
});

test('a plain write to a document an open transaction holds waits for the transaction to end', async () => {
  const transaction = await emulator.db.startTransaction();
  await transaction.collection('accounts').doc('a').update({ balance: 10 });
  let plainDone = false;
  const plain = emulator.db
    .collection('accounts')
    .doc('a')
    .update({ balance: emulator.db.command.inc(1) })
    .then(() => (plainDone = true));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(plainDone).toBe(false);
  await transaction.commit();
  await plain;
  expect(await balance('a')).toBe(11);
});

describe('a commit across collections after a crash', () => {
  const pending = (batches: unknown) => JSON.stringify({ batches });

  async function restartWith(fileText: string) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-commit-'));
    const first = await startEmulator({ dataDir });
    const db = createLocalCloudApp(first.url).database();
    await db.createCollection('accounts');
    await db.createCollection('ledger');
    await db.collection('accounts').add({ _id: 'a', balance: 100 });
    await first.close();
    // What a kill -9 between the redo file and the journals leaves behind.
    fs.writeFileSync(path.join(dataDir, 'commit.pending'), fileText);
    const second = await startEmulator({ dataDir });
    const again = createLocalCloudApp(second.url).database();
    const state = {
      a: (await again.collection('accounts').doc('a').get()).data[0],
      ledger: (await again.collection('ledger').get()).data,
      left: fs.existsSync(path.join(dataDir, 'commit.pending')),
    };
    await second.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    return state;
  }

  test('is finished on the next start, in every collection', async () => {
    const state = await restartWith(
      pending([
        { collection: 'accounts', records: [{ put: { _id: 'a', balance: 70 } }] },
        { collection: 'ledger', records: [{ put: { _id: 'move', amount: 30 } }] },
      ]),
    );
    expect(state).toEqual({ a: { _id: 'a', balance: 70 }, ledger: [{ _id: 'move', amount: 30 }], left: false });
  });

  test('a torn redo file (a commit never acknowledged) is dropped', async () => {
    const state = await restartWith('{"batches":[{"collection":"accounts","records":[{"put":{"_id":"a","bal');
    expect(state).toEqual({ a: { _id: 'a', balance: 100 }, ledger: [], left: false });
  });
});

describe('a unique index inside a transaction', () => {
  let unique: TestEmulator;
  beforeAll(async () => {
    unique = await startTestEmulator({
      declaration: [
        {
          name: 'seats_test',
          indexes: [{ name: 'seat', keys: [{ field: 'seat', direction: 1 }], unique: true }],
        },
      ],
    });
  });
  afterAll(async () => {
    await unique.close();
  });
  beforeEach(async () => {
    await unique.db.collection('seats_test').where({}).remove();
    await unique.db.collection('seats_test').add({ _id: 'p1', seat: 'A1' });
  });

  async function seats(): Promise<unknown[]> {
    const found = await unique.db.collection('seats_test').orderBy('_id', 'asc').get();
    return found.data.map((doc) => [doc._id, doc.seat]);
  }

  test('a write duplicating a committed key is refused at the write, not at commit, and nothing applies', async () => {
    const transaction = await unique.db.startTransaction();
    await transaction.collection('seats_test').add({ _id: 'p2', seat: 'B1' });
    await expect(transaction.collection('seats_test').add({ _id: 'p3', seat: 'A1' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
    // As in MongoDB, the failed write ended the transaction: its earlier write never applies.
    await expect(transaction.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect(await seats()).toEqual([['p1', 'A1']]);
  });

  test('two writes in one transaction taking the same key: the second is refused', async () => {
    const transaction = await unique.db.startTransaction();
    await transaction.collection('seats_test').add({ _id: 'p2', seat: 'C1' });
    await expect(transaction.collection('seats_test').doc('p1').update({ seat: 'C1' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    });
    expect(await seats()).toEqual([['p1', 'A1']]);
  });

  test('a key the transaction itself freed can be taken in the same transaction', async () => {
    const transaction = await unique.db.startTransaction();
    await transaction.collection('seats_test').doc('p1').update({ seat: 'A2' });
    await transaction.collection('seats_test').add({ _id: 'p2', seat: 'A1' });
    await transaction.commit();
    expect(await seats()).toEqual([
      ['p1', 'A2'],
      ['p2', 'A1'],
    ]);
  });
});
