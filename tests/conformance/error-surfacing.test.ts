// How a database error reaches the caller through node-sdk 3.18, in its two modes. The emulator answers every
// refusal as the service does, `{code, message, requestId}` with HTTP 200; the SDK then throws a TcbError
// (the default) or, after `setThrowOnCode(false)`, resolves to that object. The init option
// `throwOnCode: false` the SDK makers' older test uses only governs the SDK's own argument checks in 3.18:
// an error answered by the service still throws (read in node-sdk's src/utils/utils.ts and tcbapirequester.ts).
import tcb from '@cloudbase/node-sdk';
import { LOCAL_ENV_ID } from '../../local/emulator/client';
import { startTestEmulator, type TestEmulator } from '../support/emulator';

let emulator: TestEmulator;
/** Exported by node-sdk 3.18 (src/index.ts) but missing from its typings. */
const setThrowOnCode = (value: boolean) =>
  (tcb as unknown as { setThrowOnCode(value: boolean): void }).setThrowOnCode(value);

beforeAll(async () => {
  emulator = await startTestEmulator({ collections: ['errors'] });
});

afterAll(async () => {
  setThrowOnCode(true);
  await emulator?.close();
});

const FIELD_REFUSED = { code: 'DATABASE_REQUEST_FAILED', message: expect.any(String) };
const NO_COLLECTION = { code: 'DATABASE_COLLECTION_NOT_EXIST', message: expect.any(String) };

test('by default a database error rejects with a TcbError carrying code, message and requestId', async () => {
  const refusal = await emulator.db
    .collection('errors')
    .add({ $key: 1 })
    .catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(Error);
  expect(refusal).toMatchObject({ ...FIELD_REFUSED, requestId: expect.any(String) });
  await expect(emulator.db.collection('missing').get()).rejects.toMatchObject(NO_COLLECTION);
});

test('after setThrowOnCode(false) every database call resolves to {code, message, requestId} instead', async () => {
  const missing = emulator.db.collection('missing');
  const calls: Array<[string, () => Promise<unknown>]> = [
    ['add', () => emulator.db.collection('errors').add({ $key: 1 })],
    ['get', () => missing.get()],
    ['doc.get', () => missing.doc('a').get()],
    ['count', () => missing.count()],
    ['where.update', () => missing.where({ a: 1 }).update({ b: 1 })],
    ['doc.update', () => missing.doc('a').update({ b: 1 })],
    ['doc.set', () => missing.doc('a').set({ b: 1 })],
    ['where.remove', () => missing.where({ a: 1 }).remove()],
    ['updateAndReturn', () => missing.where({ a: 1 }).updateAndReturn({ b: 1 })],
    ['aggregate', () => missing.aggregate().match({}).end()],
  ];
  setThrowOnCode(false);
  try {
    for (const [name, call] of calls) {
      const expected = name === 'add' ? FIELD_REFUSED : NO_COLLECTION;
      expect([name, await call()]).toEqual([name, { ...expected, requestId: expect.any(String) }]);
    }
    // The transaction API throws what the service answered, as a plain object, whatever the mode.
    const transaction = await emulator.db.startTransaction();
    await transaction.commit();
    await expect(transaction.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect(await transaction.collection('errors').doc('a').get()).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
  } finally {
    setThrowOnCode(true);
  }
  await expect(missing.get()).rejects.toMatchObject(NO_COLLECTION);
});

test('the init option throwOnCode: false covers the SDK own argument checks, not errors the service answers', async () => {
  const app = tcb.init({
    env: LOCAL_ENV_ID,
    secretId: 'local',
    secretKey: 'local',
    serviceUrl: emulator.url,
    timeout: 5000,
    throwOnCode: false,
  } as Parameters<typeof tcb.init>[0]);
  const errors = app.database().collection('errors');
  // Refused by the SDK before sending: answered, not thrown.
  expect(await errors.doc('a').update({ _id: 'b' })).toMatchObject({ code: 'INVALID_PARAM' });
  // Refused by the service: node-sdk 3.18 throws anyway.
  await expect(errors.add({ $key: 1 })).rejects.toMatchObject(FIELD_REFUSED);
});
