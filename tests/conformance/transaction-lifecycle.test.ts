// A transaction's life as the SDK makers' own tests describe it against the real service: where its
// snapshot begins, what an operation on a finished transaction answers (code and the service's wording),
// read skew, the MongoDB-style API inside runTransaction, runTransaction's retries and abort semantics,
// and the 30 s lifetime the service's refusal names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmulatorError } from '../../local/emulator/errors';
import { Store } from '../../local/emulator/store';
import { TRANSACTION_LIFETIME_MS, Transactions } from '../../local/emulator/transactions';
import { startTestEmulator, type Database, type TestEmulator } from '../support/emulator';

type Transaction = Awaited<ReturnType<Database['startTransaction']>>;

/** The service's refusals, word for word (the SDK makers' tests compare code and message). */
const NOT_EXIST = {
  code: 'DATABASE_TRANSACTION_FAIL',
  message:
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
};
const CONFLICT = {
  code: 'DATABASE_TRANSACTION_CONFLICT',
  message:
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
};

let emulator: TestEmulator;
const accounts = () => emulator.db.collection('lifecycle');
const balance = async (id: string) => (await accounts().doc(id).get()).data[0]?.balance as unknown;

beforeAll(async () => {
  emulator = await startTestEmulator({ collections: ['lifecycle'] });
});

afterAll(async () => {
  await emulator?.close();
});

beforeEach(async () => {
  await accounts().where({}).remove();
  await accounts().add([
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 0 },
  ]);
});

test('the snapshot begins at the first operation: a plain write made after startTransaction is seen (MongoDB-style API)', async () => {
  const stamp = Date.now();
  const seen = await emulator.db.runTransaction(async (transaction: Transaction) => {
    // Written outside the transaction, after it started and before its first read or write.
    await accounts().add({ _id: 'raw', key: 'k', value: stamp });
    const inside = transaction.collection('lifecycle').options({ raw: true });
    const found = await inside.where({ key: { $eq: 'k' } }).get();
    // node-sdk sends where().update without the transaction id: a plain write, applied at once.
    const updated = await inside
      .where({ key: { $eq: 'k' }, value: { $eq: stamp } })
      .update({ $set: { value: stamp + 1 } });
    return { found: found.data.length, updated: updated.updated };
  });
  expect(seen).toEqual({ found: 1, updated: 1 });
  expect((await accounts().doc('raw').get()).data[0]).toMatchObject({ value: stamp + 1 });
});

describe('a finished transaction refuses every operation with the service code and message', () => {
  async function everyOperation(transaction: Transaction) {
    const coll = transaction.collection('lifecycle');
    return [
      () => coll.doc('a').get(),
      () => coll.doc('a').set({ balance: 1 }),
      () => coll.doc('a').update({ balance: 1 }),
      () => coll.doc('a').delete(),
      () => coll.add({ _id: 'late', balance: 1 }),
      () => coll.where({ _id: 'a' }).updateAndReturn({ balance: 1 }),
      () => transaction.commit(),
      () => transaction.rollback(),
    ];
  }

  test('after commit', async () => {
    const transaction = await emulator.db.startTransaction();
    await transaction.collection('lifecycle').doc('a').update({ balance: 90 });
    await transaction.commit();
    for (const operation of await everyOperation(transaction))
      await expect(operation()).rejects.toMatchObject(NOT_EXIST);
    expect(await balance('a')).toBe(90);
    expect((await accounts().doc('late').get()).data).toEqual([]);
  });

  test('after rollback', async () => {
    const transaction = await emulator.db.startTransaction();
    await transaction.collection('lifecycle').doc('a').update({ balance: 90 });
    await transaction.rollback();
    for (const operation of await everyOperation(transaction))
      await expect(operation()).rejects.toMatchObject(NOT_EXIST);
    expect(await balance('a')).toBe(100);
  });
});

test('read skew: the transaction keeps reading its snapshot of two documents changed outside, and writing one conflicts', async () => {
  const transaction = await emulator.db.startTransaction();
  await transaction.collection('lifecycle').doc('a').get();
  await accounts().doc('a').set({ balance: 1 });
  await accounts().doc('b').set({ balance: 2 });
  expect((await transaction.collection('lifecycle').doc('a').get()).data).toEqual({ _id: 'a', balance: 100 });
  expect((await transaction.collection('lifecycle').doc('b').get()).data).toEqual({ _id: 'b', balance: 0 });
  await expect(transaction.collection('lifecycle').doc('a').update({ balance: 50 })).rejects.toMatchObject(CONFLICT);
  // The conflict ended the transaction, as a MongoDB write conflict does.
  await expect(transaction.commit()).rejects.toMatchObject(NOT_EXIST);
  expect([await balance('a'), await balance('b')]).toEqual([1, 2]);
});

describe('runTransaction', () => {
  test('answers what the callback returns, after committing its writes', async () => {
    const result = await emulator.db.runTransaction(async (transaction: Transaction) => {
      await transaction.collection('lifecycle').doc('a').update({ balance: 60 });
      return '已转账';
    });
    expect(result).toBe('已转账');
    expect(await balance('a')).toBe(60);
  });

  test('rollback(reason) inside the callback rejects with that reason and applies nothing', async () => {
    const run = emulator.db.runTransaction(async (transaction: Transaction) => {
      await transaction.collection('lifecycle').doc('a').update({ balance: 0 });
      await transaction.rollback('余额不足');
    });
    await expect(run).rejects.toBe('余额不足');
    expect(await balance('a')).toBe(100);
  });

  test('an error thrown by the callback rolls back, is not retried, and reaches the caller', async () => {
    let attempts = 0;
    const run = emulator.db.runTransaction(async (transaction: Transaction) => {
      attempts += 1;
      await transaction.collection('lifecycle').doc('a').update({ balance: 0 });
      throw new Error('校验失败');
    });
    await expect(run).rejects.toThrow('校验失败');
    expect(attempts).toBe(1);
    expect(await balance('a')).toBe(100);
    // The rollback released the document: a plain write goes through at once.
    expect((await accounts().doc('a').update({ balance: 99 })).updated).toBe(1);
  });

  test('a conflict on every attempt is retried `times` more times, then rejects with the conflict', async () => {
    let attempts = 0;
    const run = emulator.db.runTransaction(async (transaction: Transaction) => {
      attempts += 1;
      await transaction.collection('lifecycle').doc('a').get();
      await accounts()
        .doc('a')
        .update({ balance: emulator.db.command.inc(1) });
      await transaction.collection('lifecycle').doc('a').update({ balance: 0 });
    }, 2);
    await expect(run).rejects.toMatchObject(CONFLICT);
    expect(attempts).toBe(3);
    expect(await balance('a')).toBe(103);
  });
});

test(`a transaction expires ${TRANSACTION_LIFETIME_MS / 1000} s after it started, as the service's refusal says`, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-lifetime-'));
  const transactions = new Transactions();
  const store = Store.open(dataDir, [], { warn: () => undefined, checkUnlocked: () => undefined });
  transactions.attach(store);
  jest.useFakeTimers();
  try {
    const id = transactions.start();
    jest.advanceTimersByTime(29_999);
    expect(transactions.get(id).id).toBe(id);
    jest.advanceTimersByTime(1);
    let refusal: unknown;
    try {
      transactions.get(id);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(EmulatorError);
    expect(refusal).toMatchObject(NOT_EXIST);
  } finally {
    jest.useRealTimers();
    transactions.close();
    store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
