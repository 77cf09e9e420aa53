// Durability: every write acknowledged to node-sdk is on disk. The emulator CLI runs as a child
// process, is killed with SIGKILL right after the last acknowledgement, and restarted on the
// same data folder: nothing may be missing.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createLocalCloudApp } from '../../local/emulator/client';
import { startEmulator } from '../../local/emulator/index';

const projectRoot = path.resolve(__dirname, '../..');
const children = new Set<ChildProcess>();
const folders: string[] = [];

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-durability-'));
  folders.push(dir);
  return dir;
}

/** Start `tsx local/emulator/main.ts` and resolve with its serviceUrl once it prints EMULATOR_READY. */
async function spawnEmulator(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'local/emulator/main.ts', '--data', dataDir, '--port', '0'],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  const lines = readline.createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`emulator exited early with code ${code}`)));
    lines.on('line', (line) => {
      const match = /^EMULATOR_READY (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  return { child, url };
}

async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

afterAll(async () => {
  for (const child of children) await killHard(child);
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

test('kill -9 right after the last acknowledged write loses nothing', async () => {
  const dataDir = tempDataDir();
  const first = await spawnEmulator(dataDir);
  const db = createLocalCloudApp(first.url).database();
  const _ = db.command;

  await db.createCollection('journal');
  await db.createCollection('bulk');
  const N = 40;
  for (let index = 0; index < N; index += 1) {
    await db.collection('journal').add({ _id: `doc-${index}`, index, at: new Date(Date.UTC(2024, 10, 18, 0, index)) });
  }
  await db
    .collection('journal')
    .doc('doc-0')
    .update({ index: _.inc(100), tags: _.push(['改过']) });
  await db.collection('journal').doc('doc-1').remove();
  await db.collection('journal').doc('doc-2').set({ replaced: true });
  await db.collection('bulk').add(Array.from({ length: 300 }, (_x, index) => ({ index })));
  await db
    .collection('journal')
    .where({ index: _.gte(30) })
    .update({ late: true });
  await killHard(first.child); // immediately after the last acknowledgement

  const second = await spawnEmulator(dataDir);
  const again = createLocalCloudApp(second.url).database();
  const docs = (await again.collection('journal').orderBy('_id', 'asc').limit(1000).get()).data;
  expect(docs).toHaveLength(N - 1);
  expect(docs.find((doc) => doc._id === 'doc-0')).toMatchObject({ index: 100, tags: ['改过'] });
  expect(docs.find((doc) => doc._id === 'doc-1')).toBeUndefined();
  expect(docs.find((doc) => doc._id === 'doc-2')).toEqual({ _id: 'doc-2', replaced: true });
  const last = docs.find((doc) => doc._id === `doc-${N - 1}`);
  expect(last).toEqual({
    _id: `doc-${N - 1}`,
    index: N - 1,
    at: new Date(Date.UTC(2024, 10, 18, 0, N - 1)),
    late: true,
  });
  expect((await again.collection('journal').where({ late: true }).count()).total).toBe(11); // doc-30..39 and doc-0 (index 100)
  expect((await again.collection('bulk').count()).total).toBe(300);
  await killHard(second.child);
}, 20_000);

describe('journal files', () => {
  test('restart compacts the journal to one line per live document', async () => {
    const dataDir = tempDataDir();
    const emulator = await startEmulator({ dataDir });
    const db = createLocalCloudApp(emulator.url).database();
    await db.createCollection('c');
    await db.collection('c').add({ _id: 'a', n: 0 });
    for (let i = 0; i < 5; i += 1)
      await db
        .collection('c')
        .doc('a')
        .update({ n: db.command.inc(1) });
    await db.collection('c').add({ _id: 'b', n: 0 });
    await db.collection('c').doc('b').remove();
    await emulator.close();
    const journal = path.join(dataDir, 'c.jsonl');
    expect(fs.readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(8);

    const reopened = await startEmulator({ dataDir });
    expect(fs.readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(1);
    const again = createLocalCloudApp(reopened.url).database();
    expect((await again.collection('c').get()).data).toEqual([{ _id: 'a', n: 5 }]);
    await reopened.close();
  });

  test('a torn last line (a write that was never acknowledged) is ignored on start', async () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(
      path.join(dataDir, 'torn.jsonl'),
      '{"put":{"_id":"kept","n":{"$numberInt":"1"}}}\n{"put":{"_id":"half","n":{"$numb',
    );
    const emulator = await startEmulator({ dataDir });
    const db = createLocalCloudApp(emulator.url).database();
    expect((await db.collection('torn').get()).data).toEqual([{ _id: 'kept', n: 1 }]);
    await db.collection('torn').add({ _id: 'next', n: 2 });
    expect((await db.collection('torn').count()).total).toBe(2);
    await emulator.close();
  });

  test('a damaged line in the middle stops the start with a clear error instead of losing data', async () => {
    const dataDir = tempDataDir();
    const content = '{"put":{"_id":"a"}}\nGARBAGE\n{"put":{"_id":"b"}}\n';
    fs.writeFileSync(path.join(dataDir, 'broken.jsonl'), content);
    await expect(startEmulator({ dataDir })).rejects.toThrow(/数据文件已损坏.*第 2 行/);
    expect(fs.readFileSync(path.join(dataDir, 'broken.jsonl'), 'utf8')).toBe(content);
  });
});
