/**
 * The deployable `reflections`: its bundle keeps wx-server-sdk out (declared in the deployed
 * package.json for the cloud to install, allowed msgSecCheck in config.json), and the bundle itself
 * works through the functions host — with the host's own word list (local/content-check/words.txt).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildFunctions, FUNCTIONS_DIST_DIR } from '../../../scripts/build-functions';
import { startFunctionsHost, type RunningFunctionsHost } from '../../../local/functions-host/index';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { CONTENT, enrol, seedCourse } from './support';

let emulator: TestEmulator;
let host: RunningFunctionsHost;
const dist = path.join(FUNCTIONS_DIST_DIR, 'reflections');

beforeAll(async () => {
  await buildFunctions();
  emulator = await startTestEmulator();
  await seedCourse(emulator.db);
  await enrol(emulator.db, 'bundle-trainee-g4', 4);
  await enrol(emulator.db, 'bundle-leader-g4', 4, 'leader');
  host = await startFunctionsHost({ port: 0, functionsDir: FUNCTIONS_DIST_DIR, serviceUrl: emulator.url });
}, 60_000);

afterAll(async () => {
  await host.close();
  await emulator.close();
  delete process.env.TCB_SERVICE_URL;
  delete process.env.CONTENT_CHECK_WORDS;
});

/** The answer's parts these tests read. */
interface Answer {
  ok: boolean;
  data?: { reflection?: { id: string; status: string }; items?: Array<{ title: string }> };
  error?: { code: string };
}

async function call(openid: string, event: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${host.url}/functions/reflections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(event),
  });
  return (await response.json()) as Answer;
}

it('leaves wx-server-sdk to the cloud: declared, external, required by name only', () => {
  expect(JSON.parse(readFileSync(path.join(dist, 'package.json'), 'utf8'))).toMatchObject({
    main: 'index.js',
    dependencies: { 'wx-server-sdk': '4.0.2' },
  });
  expect(JSON.parse(readFileSync(path.join(dist, 'config.json'), 'utf8'))).toEqual({
    permissions: { openapi: ['security.msgSecCheck'] },
  });
  const bundle = readFileSync(path.join(dist, 'index.js'), 'utf8');
  expect(bundle).toContain('require("wx-server-sdk")');
  expect(bundle).not.toContain('protobufjs');
});

it('submits, queues for review by the local word list, and the leader approves — the bundle through the host', async () => {
  const published = await call('bundle-trainee-g4', {
    action: 'submit',
    requestId: 'bundle-1-aaaa',
    title: '通过的',
    content: CONTENT,
  });
  expect(published).toMatchObject({ ok: true, data: { reflection: { status: 'published' } } });
  const pending = await call('bundle-trainee-g4', {
    action: 'submit',
    requestId: 'bundle-2-aaaa',
    title: '待审的',
    content: `${CONTENT}示例待审词`,
  });
  expect(pending).toMatchObject({ ok: true, data: { reflection: { status: 'pending' } } });
  const rejected = await call('bundle-trainee-g4', {
    action: 'submit',
    requestId: 'bundle-3-aaaa',
    title: '违规的',
    content: `${CONTENT}示例违规词`,
  });
  expect(rejected).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
  const approved = await call('bundle-leader-g4', { action: 'approve', id: pending.data?.reflection?.id });
  expect(approved).toMatchObject({ ok: true, data: { reflection: { status: 'published' } } });
  const wall = await call('bundle-trainee-g4', { action: 'listGroup' });
  expect(wall.data?.items?.map((item) => item.title)).toEqual(['待审的', '通过的']);
});
