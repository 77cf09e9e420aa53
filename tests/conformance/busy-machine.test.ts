// The local stack on a busy machine: one core kept busy by another process (a bounded busy loop, killed in
// afterAll), a burst of calls through the functions host. Every call is answered within node-sdk's default
// timeout (15 s), with the function's result or a typed refusal the client retries (503 HOST_BUSY, 504
// FUNCTION_TIMEOUT) — never left hanging — and retried submits are stored exactly once. Then each mechanism
// alone: the function timeout, shedding what cannot start in time, dropping callers that gave up, and idle
// keep-alive connections that only the client closes.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startFunctionsHost, type RunningFunctionsHost } from '../../local/functions-host/index';
import type { InvocationLimits } from '../../local/functions-host/invocation-gate';
import { bundleFunction } from '../../scripts/build-functions';
import { startTestEmulator, type TestEmulator } from '../support/emulator';

/** node-sdk's default request timeout: a call not answered by then is a hung call to its client. */
const CLIENT_TIMEOUT_MS = 15_000;
/** The busy loop stops by itself after this, whatever happens to the test run. */
const BUSY_LOOP_MS = 120_000;
const BURST = 200;

let busyLoop: ChildProcess | undefined;
let functionsDir: string;
let emulator: TestEmulator | undefined;
const hosts: RunningFunctionsHost[] = [];

interface Answer {
  status: number;
  body: { key?: string; stored?: boolean; hostError?: { status: number; code?: string; retryable?: boolean } };
  retryAfter: string | null;
  ms: number;
}

async function call(host: RunningFunctionsHost, event: object, signal?: AbortSignal): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${host.url}/functions/load-probe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
    signal: signal ?? AbortSignal.timeout(CLIENT_TIMEOUT_MS),
  });
  const body = (await response.json()) as Answer['body'];
  return { status: response.status, body, retryAfter: response.headers.get('retry-after'), ms: Date.now() - started };
}

async function startHost(limits?: Partial<InvocationLimits>): Promise<RunningFunctionsHost> {
  const host = await startFunctionsHost({ port: 0, functionsDir, serviceUrl: emulator!.url, limits });
  hosts.push(host);
  return host;
}

async function storedKeys(): Promise<string[]> {
  const found = await emulator!.db.collection('load_probe').limit(1000).get();
  return found.data.map((doc) => doc._id as string).sort();
}

beforeAll(async () => {
  busyLoop = spawn(process.execPath, ['-e', `const end = Date.now() + ${BUSY_LOOP_MS}; while (Date.now() < end) {}`], {
    stdio: 'ignore',
  });
  await new Promise<void>((resolve, reject) => {
    busyLoop!.once('spawn', resolve);
    busyLoop!.once('error', reject);
  });
  functionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-busy-host-'));
  await bundleFunction(path.join(__dirname, 'fixtures', 'load-probe.ts'), path.join(functionsDir, 'load-probe'));
  emulator = await startTestEmulator({ collections: ['load_probe'] });
}, 60_000);

afterAll(async () => {
  busyLoop?.kill('SIGKILL');
  // Hosts set the functions' environment in turn: close the last one first, so each restores what it found.
  for (const host of hosts.reverse()) await host.close();
  await emulator?.close();
  if (functionsDir) fs.rmSync(functionsDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await emulator!.db.collection('load_probe').where({}).remove();
});

test(`a burst of ${BURST} submits with one core busy: every call answered in time, retried ones stored exactly once`, async () => {
  const host = await startHost();
  const keys = Array.from({ length: BURST }, (_, index) => `submit-${String(index).padStart(3, '0')}`);
  const refusals: Array<Answer['body']['hostError']> = [];
  let slowest = 0;
  let pending = keys;
  for (let round = 0; round < 10 && pending.length > 0; round++) {
    // A client timeout or a broken connection rejects here and fails the test: that is a hung call.
    const answers = await Promise.all(pending.map((key) => call(host, { action: 'submit', key })));
    slowest = Math.max(slowest, ...answers.map((answer) => answer.ms));
    const next: string[] = [];
    answers.forEach((answer, index) => {
      if (answer.status === 200) {
        expect(answer.body).toEqual({ key: pending[index], stored: true });
        return;
      }
      refusals.push(answer.body.hostError);
      next.push(pending[index]);
    });
    pending = next;
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  console.log(`[busy-machine] ${BURST} submits, slowest answer ${slowest} ms, ${refusals.length} retryable refusals`);
  expect(pending).toEqual([]);
  for (const refusal of refusals) {
    expect(refusal).toMatchObject({ retryable: true, code: expect.stringMatching(/^(HOST_BUSY|FUNCTION_TIMEOUT)$/) });
  }
  expect(await storedKeys()).toEqual(keys);
}, 120_000);

test('a function that never returns is answered 504 FUNCTION_TIMEOUT (retryable) at its timeout, and the host goes on', async () => {
  const host = await startHost({ functionTimeoutMs: 1000 });
  const hung = await call(host, { action: 'hang' });
  expect(hung.status).toBe(504);
  expect(hung.body.hostError).toMatchObject({ status: 504, code: 'FUNCTION_TIMEOUT', retryable: true });
  // The stuck function gave up its turn: the next call runs.
  expect((await call(host, { action: 'submit', key: 'after-hang' })).body).toEqual({ key: 'after-hang', stored: true });
}, 30_000);

test('calls that cannot start within the queue wait are refused at once with 503 HOST_BUSY, and never run', async () => {
  const host = await startHost({ concurrency: 1, maxQueueWaitMs: 300, maxQueueLength: 1 });
  const order: string[] = [];
  const slow = call(host, { action: 'slow', key: 'running', ms: 2000 }).then((answer) => {
    order.push('running');
    return answer;
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const waited = call(host, { action: 'submit', key: 'waited' }).then((answer) => {
    order.push('waited');
    return answer;
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const lineFull = await call(host, { action: 'submit', key: 'line-full' });
  const [first, second] = await Promise.all([slow, waited]);
  expect(first.status).toBe(200);
  for (const refused of [second, lineFull]) {
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe('1');
    expect(refused.body.hostError).toMatchObject({ status: 503, code: 'HOST_BUSY', retryable: true });
  }
  // Refused after its queue wait, while the slow call still ran: not when the slot came free.
  expect(order).toEqual(['waited', 'running']);
  expect(await storedKeys()).toEqual(['running']);
}, 30_000);

test('a caller that gives up while waiting leaves the line: its function never runs', async () => {
  const host = await startHost({ concurrency: 1, maxQueueWaitMs: 10_000 });
  const slow = call(host, { action: 'slow', key: 'running', ms: 1500 });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const giveUp = new AbortController();
  const abandoned = call(host, { action: 'submit', key: 'abandoned' }, giveUp.signal).catch((error: unknown) => error);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const after = call(host, { action: 'submit', key: 'after' });
  giveUp.abort();
  expect(await abandoned).toMatchObject({ name: 'AbortError' });
  expect((await slow).status).toBe(200);
  // First come, first served: had the abandoned call stayed in line, it would have run before this one.
  expect((await after).status).toBe(200);
  expect(await storedKeys()).toEqual(['after', 'running']);
}, 30_000);

test('idle keep-alive connections are left for the client to close: no Keep-Alive hint, still open after 6 s', async () => {
  const host = await startHost();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const request = (url: string, method: 'GET' | 'POST') =>
    new Promise<{ reused: boolean; keepAliveHint: unknown }>((resolve, reject) => {
      const req = http.request(url, { method, agent, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.once('end', () => resolve({ reused: req.reusedSocket, keepAliveHint: res.headers['keep-alive'] }));
      });
      req.once('error', reject);
      req.setTimeout(CLIENT_TIMEOUT_MS, () => req.destroy(new Error('timed out')));
      req.end(method === 'POST' ? '{}' : undefined);
    });
  try {
    const targets: Array<[string, 'GET' | 'POST']> = [
      [emulator!.url, 'POST'],
      [`${host.url}/`, 'GET'],
    ];
    for (const [url, method] of targets) {
      expect(await request(url, method)).toEqual({ reused: false, keepAliveHint: undefined });
    }
    // Node's own default closes an idle connection after 5 s.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    for (const [url, method] of targets) {
      expect(await request(url, method)).toEqual({ reused: true, keepAliveHint: undefined });
    }
  } finally {
    agent.destroy();
  }
}, 30_000);
