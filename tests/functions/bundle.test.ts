// The deployable artefacts: the esbuild bundle of every function, served by the functions host against the
// emulator. Proves the bundled @cloudbase/node-sdk works with what the build leaves out or replaces
// (scripts/bundle-replacements.ts): every action below runs through the bundle, and no left-out module is
// touched — a touched stub logs its message (and throws, which would surface as INTERNAL).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildFunctions, FUNCTIONS_DIST_DIR, listFunctionNames } from '../../scripts/build-functions';
import { LEFT_OUT, leftOutMessage } from '../../scripts/bundle-replacements';
import { startFunctionsHost, type RunningFunctionsHost } from '../../local/functions-host/index';
import { seedDatabase } from '../../local/seed';
import { startTestEmulator, type TestEmulator } from '../support/emulator';

let emulator: TestEmulator;
let host: RunningFunctionsHost;
let errorLog: jest.SpyInstance;

// The body is whatever the deployed bundle answers; the assertions below check its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = { status: number; json: any };

async function call(name: string, event: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${host.url}/functions/${name}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(event),
  });
  return { status: response.status, json: await response.json() };
}

beforeAll(async () => {
  await buildFunctions();
  emulator = await startTestEmulator();
  await seedDatabase(emulator.db);
  host = await startFunctionsHost({ port: 0, functionsDir: FUNCTIONS_DIST_DIR, serviceUrl: emulator.url });
  errorLog = jest.spyOn(console, 'error');
}, 60_000);

afterAll(async () => {
  errorLog.mockRestore();
  await host.close();
  await emulator.close();
});

afterEach(() => {
  // Nothing the functions did touched a left-out module (some SDK code swallows the stub's error: the log stays).
  const logged = errorLog.mock.calls.map((args) => args.map(String).join(' ')).join('\n');
  for (const module of LEFT_OUT) expect(logged).not.toContain(leftOutMessage(module));
});

describe('every function bundle', () => {
  it.each(listFunctionNames())('%s is a self-contained package with its left-out modules stubbed', (name) => {
    const pkg = JSON.parse(readFileSync(path.join(FUNCTIONS_DIST_DIR, name, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name, main: 'index.js', dependencies: {} });
    const bundle = readFileSync(path.join(FUNCTIONS_DIST_DIR, name, 'index.js'), 'utf8');
    expect(bundle).not.toMatch(/require\("@cloudbase\//);
    // node-sdk is in every function, so are the stubs of what it would have loaded.
    for (const module of LEFT_OUT) expect(bundle).toContain(module.request);
  });
});

describe('articles bundle through the host', () => {
  it('lists, reads and pages the seeded report with the bundled SDK', async () => {
    const list = await call('articles', { action: 'list' }, { 'x-wx-openid': 'o-reader' });
    expect(list.status).toBe(200);
    expect(list.json.ok).toBe(true);
    expect(list.json.data.items.map((item: { id: string }) => item.id)).toEqual([
      'report-20241126-xinyang-renda-training',
    ]);
    expect(list.json.data.nextCursor).toBeNull();

    const got = await call('articles', { action: 'get', id: list.json.data.items[0].id });
    expect(got.json.ok).toBe(true);
    const types = got.json.data.article.blocks.map((block: { type: string }) => block.type);
    expect(types.filter((type: string) => type === 'heading')).toHaveLength(3);
    expect(types.filter((type: string) => type === 'quote')).toHaveLength(3);
    expect(got.json.data.article.blocks[0]).toEqual({
      type: 'image',
      src: '',
      name: '微信图片_20241126155552',
      caption: '会议现场',
    });
  });

  it('answers the contract errors', async () => {
    expect((await call('articles', { action: 'nope' })).json).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect((await call('articles', { action: 'get', id: 'missing' })).json).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('training bundle through the host', () => {
  it('answers overview, session and materials (database reads and storage addresses) with the bundled SDK', async () => {
    const overview = await call('training', { action: 'overview' }, { 'x-wx-openid': 'o-reader' });
    expect(overview.json).toMatchObject({ ok: true });
    const materials = await call('training', { action: 'materials' });
    expect(materials.json.ok).toBe(true);
    expect(materials.json.data.items.length).toBeGreaterThan(0);
    const session = await call('training', { action: 'session', id: 'lecture-wu-wenyi' });
    expect(session.json).toMatchObject({ ok: true, data: { session: { id: 'lecture-wu-wenyi' } } });
  });
});
