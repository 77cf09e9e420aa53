/**
 * `npm run bench` — the reflections function through the local stack (emulator + functions host running
 * the built bundle, the real node-sdk in between):
 *   - submit and listGroup latency, p50 / p99, with 50 trainees calling at once;
 *   - database calls per action, counted where they land (a counting proxy in front of the emulator);
 *     targets: submit ≤ 4, listGroup ≤ 2;
 *   - listGroup latency with 1,000 and with 100,000 stored reflections (target: within 2×), the
 *     reflections inserted straight into the emulator in batches of 1,000;
 *   - the content check's cost in the bundle: wx-server-sdk kept out of the bundle (installed by the cloud
 *     beside it, required on the first check only) vs bundled with its node-sdk aliased to ours — the
 *     latter measured when WX_SERVER_SDK_NODE_MODULES names a node_modules holding wx-server-sdk.
 * Returns false when a target is missed.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTIONS } from '../../core/database/collections';
import { reflectionId, sortKeyOf } from '../../core/reflections/stored';
import { createLocalCloudApp } from '../../local/emulator/client';
import { startEmulator } from '../../local/emulator/index';
import { startFunctionsHost } from '../../local/functions-host/index';
import { seedTraining } from '../../seed/training/index';
import { startRequestCounter } from '../../tests/support/request-counter';
import { FUNCTIONS_DIST_DIR, functionBuildOptions, PROJECT_ROOT } from '../build-functions';
import { coldLoads } from './bundles';

const TRAINEES = 50;
const GROUPS = 10;
const ROUNDS = 4;
const LIST_SAMPLES = 60;
const BIG_GROUP = 1;
const CONTENT = '今天分组研讨，大家围绕全过程人民民主谈了各自县乡人大的做法和体会，收获很大。';

/** Median cold load of one file in fresh Node processes (the bundle benchmark's measure). */
function coldLoadMs(target: string): number {
  return coldLoads([target])[0];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

async function timed(call: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await call();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function caller(url: string) {
  return async (openid: string, event: Record<string, unknown>): Promise<unknown> => {
    const answer = await fetch(`${url}/functions/reflections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify(event),
    });
    const envelope = (await answer.json()) as {
      ok: boolean;
      data?: unknown;
      error?: { code: string; message: string };
    };
    if (!envelope.ok) throw new Error(`${String(event.action)}: ${envelope.error?.code} ${envelope.error?.message}`);
    return envelope.data;
  };
}

/** A published reflection of `groupNo` as the function stores it, for the bulk insert. */
function storedReflection(groupNo: number, n: number, at: Date): Record<string, unknown> {
  const author = `bench-bulk-author-${n % 200}`;
  const requestId = `bulk-${n}`;
  const id = reflectionId(author, requestId);
  return {
    _id: id,
    requestId,
    authorOpenid: author,
    authorName: '示例学员',
    authorUnit: '示例单位',
    groupNo,
    title: `示例心得 ${n}`,
    content: CONTENT,
    sessionId: 'discussion-groups',
    sessionTitle: '分组研讨',
    status: 'published',
    featured: false,
    comment: '',
    check: { suggest: 'pass', label: '', checker: 'words', at },
    createdAt: at,
    updatedAt: at,
    sortKey: sortKeyOf(at, id),
    history: [],
  };
}

async function bulkInsert(
  db: ReturnType<ReturnType<typeof createLocalCloudApp>['database']>,
  from: number,
  to: number,
): Promise<void> {
  const base = Date.UTC(2024, 10, 19, 12);
  for (let start = from; start < to; start += 1000) {
    const batch: Record<string, unknown>[] = [];
    for (let n = start; n < Math.min(to, start + 1000); n += 1) {
      batch.push(storedReflection((n % GROUPS) + 1, n, new Date(base + n * 1000)));
    }
    await db.collection(COLLECTIONS.reflections).add(batch);
  }
}

async function listGroupLatency(
  call: ReturnType<typeof caller>,
  openid: string,
): Promise<{ p50: number; p99: number }> {
  await call(openid, { action: 'listGroup' });
  const times: number[] = [];
  for (let i = 0; i < LIST_SAMPLES; i += 1) times.push(await timed(() => call(openid, { action: 'listGroup' })));
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Bytes and cold load of wx-server-sdk bundled into a function (option a), when an install is at hand. */
async function bundledWxServerSdk(): Promise<string> {
  const modules = process.env.WX_SERVER_SDK_NODE_MODULES;
  if (!modules || !fs.existsSync(path.join(modules, 'wx-server-sdk'))) {
    return 'option (a) bundled: set WX_SERVER_SDK_NODE_MODULES=<node_modules holding wx-server-sdk 4.0.2> to measure';
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-wxsdk-'));
  const entry = path.join(dir, 'entry.js');
  // The function bundle plus a static require of wx-server-sdk, as a bundled WeChat adapter would have.
  fs.writeFileSync(
    entry,
    `require(${JSON.stringify(path.join(FUNCTIONS_DIST_DIR, 'reflections', 'index.js'))});module.exports=require('wx-server-sdk');`,
  );
  const outfile = path.join(dir, 'index.js');
  await build({
    entryPoints: [entry],
    outfile,
    ...functionBuildOptions(),
    nodePaths: [modules],
    alias: { '@cloudbase/node-sdk': path.join(PROJECT_ROOT, 'node_modules', '@cloudbase', 'node-sdk') },
    logLevel: 'error',
  });
  const bytes = fs.statSync(outfile).size;
  const load = coldLoadMs(outfile);
  fs.rmSync(dir, { recursive: true, force: true });
  return `option (a) bundled (node-sdk aliased to ours): ${kb(bytes)}, cold load ${ms(load)}`;
}

export async function benchReflections(): Promise<boolean> {
  console.log('\nreflections (local stack: emulator + functions host, built bundle)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-bench-reflections-'));
  const emulator = await startEmulator({ dataDir, port: 0 });
  const counter = await startRequestCounter(emulator.url);
  const host = await startFunctionsHost({ port: 0, functionsDir: FUNCTIONS_DIST_DIR, serviceUrl: counter.url });
  const db = createLocalCloudApp(emulator.url).database();
  const call = caller(host.url);
  let passed = true;
  try {
    await seedTraining(db);
    const trainees = Array.from({ length: TRAINEES }, (_, n) => `bench-trainee-${n}`);
    const now = new Date();
    for (const [n, openid] of trainees.entries()) {
      await db
        .collection(COLLECTIONS.trainees)
        .doc(openid)
        .set({
          name: '示例学员',
          unit: '示例单位',
          post: '',
          groupNo: (n % GROUPS) + 1,
          role: 'trainee',
          enrolledAt: now,
          updatedAt: now,
        });
    }

    // One at a time first: the cost of a call without queueing behind 49 others.
    const alone: number[] = [];
    const aloneLists: number[] = [];
    for (let n = 0; n < 20; n += 1) {
      alone.push(
        await timed(() =>
          call(trainees[n], { action: 'submit', requestId: `bench-alone-${n}`, title: '单独', content: CONTENT }),
        ),
      );
      aloneLists.push(await timed(() => call(trainees[n], { action: 'listGroup' })));
    }
    console.log(
      `  one at a time: submit p50 ${ms(percentile(alone, 50))}, listGroup p50 ${ms(percentile(aloneLists, 50))}`,
    );

    const submits: number[] = [];
    const lists: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      submits.push(
        ...(await Promise.all(
          trainees.map((openid) =>
            timed(() =>
              call(openid, {
                action: 'submit',
                requestId: `bench-${round}-${openid}`,
                title: `心得 ${round}`,
                content: CONTENT,
              }),
            ),
          ),
        )),
      );
      lists.push(...(await Promise.all(trainees.map((openid) => timed(() => call(openid, { action: 'listGroup' }))))));
    }
    console.log(
      `  submit     ${TRAINEES} at once × ${ROUNDS}: p50 ${ms(percentile(submits, 50))}  p99 ${ms(percentile(submits, 99))}`,
    );
    console.log(
      `  listGroup  ${TRAINEES} at once × ${ROUNDS}: p50 ${ms(percentile(lists, 50))}  p99 ${ms(percentile(lists, 99))}`,
    );

    counter.reset();
    await call(trainees[0], { action: 'submit', requestId: 'bench-count-1', title: '计数', content: CONTENT });
    const submitCalls = counter.total();
    counter.reset();
    await call(trainees[0], { action: 'listGroup' });
    const listCalls = counter.total();
    const callsOk = submitCalls <= 4 && listCalls <= 2;
    passed &&= callsOk;
    console.log(
      `  database calls: submit ${submitCalls} (≤ 4), listGroup ${listCalls} (≤ 2)  ${callsOk ? 'PASS' : 'FAIL'}`,
    );

    const reader = trainees[BIG_GROUP - 1];
    const existing = ROUNDS * TRAINEES + 20 + 1;
    let t = Date.now();
    await bulkInsert(db, 0, 1000 - existing);
    const small = await listGroupLatency(call, reader);
    console.log(
      `  listGroup at 1,000 stored:   p50 ${ms(small.p50)}  p99 ${ms(small.p99)}  (insert ${ms(Date.now() - t)})`,
    );
    t = Date.now();
    await bulkInsert(db, 1000 - existing, 100_000 - existing);
    const large = await listGroupLatency(call, reader);
    const ratio = large.p50 / small.p50;
    const flat = ratio <= 2;
    passed &&= flat;
    console.log(
      `  listGroup at 100,000 stored: p50 ${ms(large.p50)}  p99 ${ms(large.p99)}  (insert ${(Date.now() - t) / 1000} s)  ${ratio.toFixed(1)}× (≤ 2×)  ${flat ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    await host.close();
    await counter.close();
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const bundle = path.join(FUNCTIONS_DIST_DIR, 'reflections', 'index.js');
  console.log(
    `  content check, option (b) chosen — wx-server-sdk outside the bundle, required on the first check: bundle ${kb(fs.statSync(bundle).size)}, cold load ${ms(coldLoadMs(bundle))}`,
  );
  console.log(`  ${await bundledWxServerSdk()}`);
  return passed;
}
