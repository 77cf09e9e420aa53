// Attacks on the emulator: what a web page in the developer's browser could send, an oversized body,
// a document nested too deep. Each is refused with an answer, nothing is written, and the data folder
// still opens afterwards.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalCloudApp } from '../../local/emulator/client';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-robust-'));
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ dataDir });
  await createLocalCloudApp(emulator.url).database().createCollection('target');
});

afterAll(async () => {
  await emulator.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const insert = JSON.stringify({
  action: 'database.insertDocument',
  collectionName: 'target',
  data: [JSON.stringify({ _id: 'from-a-page' })],
});

async function count(): Promise<number> {
  return (await createLocalCloudApp(emulator.url).database().collection('target').count()).total;
}

test('a request with an Origin header (a web page) is refused and writes nothing', async () => {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://example.com' },
    body: insert,
  });
  expect(response.status).toBe(403);
  expect(await count()).toBe(0);
});

test('a text/plain request (a page\'s "simple" cross-origin POST) is refused and writes nothing', async () => {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: insert,
  });
  expect(response.status).toBe(415);
  expect(await count()).toBe(0);
});

test('a body over 16 MB is answered 413 (not a connection reset)', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const request = http.request(
      emulator.url,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < 17; i++) request.write(chunk);
    request.end();
  });
  expect(status).toBe(413);
  expect(await count()).toBe(0);
});

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let level = 1; level < depth; level++) value = { down: value };
  return value;
}

test('a document nested deeper than 100 levels is refused at write time; the data folder still opens', async () => {
  const db = createLocalCloudApp(emulator.url).database();
  await db.collection('target').add({ _id: 'at-limit', ...nested(99) });
  await expect(db.collection('target').add({ _id: 'too-deep', ...nested(101) })).rejects.toMatchObject({
    code: 'DATABASE_REQUEST_FAILED',
  });
  await expect(db.collection('target').add({ _id: 'far-too-deep', ...nested(1950) })).rejects.toMatchObject({
    code: expect.any(String),
  });
  await expect(
    db
      .collection('target')
      .doc('at-limit')
      .update({ deeper: nested(100) }),
  ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
  await emulator.close();
  emulator = await startEmulator({ dataDir });
  const again = createLocalCloudApp(emulator.url).database();
  expect((await again.collection('target').get()).data.map((doc) => doc._id)).toEqual(['at-limit']);
});
