// Bad requests: each one gets an error answer (which node-sdk raises as a rejection), writes
// nothing, and leaves the emulator serving the next request.
import { startTestEmulator, type TestEmulator } from '../support/emulator';

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ collections: ['ok'] });
  await emulator.db.collection('ok').add({ _id: 'alive', n: 1 });
});

afterAll(async () => {
  await emulator.close();
});

async function post(body: string, method = 'POST'): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}?env=local&seqId=test`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'POST' ? body : undefined,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function stillServes(): Promise<void> {
  expect((await emulator.db.collection('ok').doc('alive').get()).data).toEqual([{ _id: 'alive', n: 1 }]);
}

test.each([
  ['a body that is not JSON', '{"action": "database.getDocument", ', 'INVALID_PARAM'],
  ['a JSON array', '[1,2]', 'INVALID_PARAM'],
  ['no action', '{"collectionName":"ok"}', 'INVALID_PARAM'],
  ['an unknown action', '{"action":"database.dropEverything","collectionName":"ok"}', 'ACTION_NOT_SUPPORTED'],
  [
    'a query that is not EJSON',
    '{"action":"database.getDocument","collectionName":"ok","query":"{nope"}',
    'INVALID_PARAM',
  ],
  [
    'a query that is not an object',
    '{"action":"database.getDocument","collectionName":"ok","query":"[1]"}',
    'INVALID_PARAM',
  ],
  [
    'an unknown query operator',
    '{"action":"database.getDocument","collectionName":"ok","query":"{\\"n\\":{\\"$bogus\\":1}}"}',
    'DATABASE_REQUEST_FAILED',
  ],
  ['a negative limit', '{"action":"database.getDocument","collectionName":"ok","limit":-1}', 'INVALID_PARAM'],
  ['a bad collection name', '{"action":"database.getDocument","collectionName":"../etc"}', 'INVALID_PARAM'],
  ['insert without data', '{"action":"database.insertDocument","collectionName":"ok","data":[]}', 'INVALID_PARAM'],
  [
    'an update without a condition',
    '{"action":"database.modifyDocument","collectionName":"ok","data":"{\\"n\\":2}"}',
    'INVALID_PARAM',
  ],
  ['a remove without a condition', '{"action":"database.removeDocument","collectionName":"ok"}', 'INVALID_PARAM'],
  [
    'an unknown transaction',
    '{"action":"database.getDocument","collectionName":"ok","transactionId":"t"}',
    'DATABASE_TRANSACTION_FAIL',
  ],
])('%s -> %s answer, then it keeps serving', async (_name, body, code) => {
  const { status, json } = await post(body);
  expect(status).toBe(200);
  expect(json).toEqual({ code, message: expect.any(String), requestId: expect.any(String) });
  await stillServes();
});

test('a GET is refused with 405 and a JSON error', async () => {
  const { status, json } = await post('', 'GET');
  expect(status).toBe(405);
  expect(json.code).toBe('INVALID_PARAM');
  await stillServes();
});

test('node-sdk surfaces an error answer as a rejected promise with code and message', async () => {
  await expect(emulator.db.collection('bad name!').get()).rejects.toMatchObject({
    code: 'INVALID_PARAM',
    message: expect.stringContaining('集合名无效'),
  });
  await expect(
    emulator.db
      .collection('ok')
      .where({})
      .update({ n: emulator.db.command.push(['x']) }),
  ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  await stillServes();
});

test('a field name starting with $ is refused and nothing is written', async () => {
  const body = JSON.stringify({
    action: 'database.insertDocument',
    collectionName: 'ok',
    data: [JSON.stringify({ _id: 'dollar', $where: 'x' })],
  });
  // Best guess at the service's code: MongoDB refuses the document and CloudBase passes a database
  // failure on as DATABASE_REQUEST_FAILED (INVALID_PARAM is kept for malformed requests).
  expect((await post(body)).json.code).toBe('DATABASE_REQUEST_FAILED');
  expect((await emulator.db.collection('ok').doc('dollar').get()).data).toEqual([]);
});

test("the SDK's own request fields are accepted as sent", async () => {
  // What node-sdk 3.18 sends for where({n: _.gt(0)}).orderBy('n','desc').limit(5).field({n: true}).get()
  const body = JSON.stringify({
    collectionName: 'ok',
    queryType: 'WHERE',
    query: '{"n":{"$gt":{"$numberInt":"0"}}}',
    order: '{"n":{"$numberInt":"-1"}}',
    limit: 5,
    projection: '{"n":{"$numberInt":"1"}}',
    action: 'database.getDocument',
    envName: 'local',
    wxCloudApiToken: '',
    wxCloudbaseAccesstoken: '',
    tcb_sessionToken: '',
    crossAuthorizationToken: '',
  });
  const { json } = await post(body);
  expect(json).toEqual({ requestId: expect.any(String), data: { list: ['{"_id":"alive","n":{"$numberInt":"1"}}'] } });
});

test('getTempFileURL answers every file as missing (no local storage) instead of failing', async () => {
  const result = await emulator.app.getTempFileURL({
    fileList: ['cloud://env.bucket/a.pdf', { fileID: 'cloud://env.bucket/b.pdf', maxAge: 60 }],
  });
  expect(result.fileList).toEqual([
    { fileID: 'cloud://env.bucket/a.pdf', tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: expect.any(String) },
    { fileID: 'cloud://env.bucket/b.pdf', tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: expect.any(String) },
  ]);
});
