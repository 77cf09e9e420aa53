// The deployable artefact: the esbuild bundle of `articles`, served by the functions host against the emulator.
// Proves the bundled @cloudbase/node-sdk works, and that the SDK modules the build stubs out
// (UNUSED_SDK_MODULES) are never touched on the paths the function uses — a touched stub throws,
// which would surface here as INTERNAL.
import path from 'node:path';
import { buildFunctions, FUNCTIONS_DIST_DIR, UNUSED_SDK_MODULES } from '../../scripts/build-functions';
import { startFunctionsHost, type RunningFunctionsHost } from '../../local/functions-host/index';
import { seedDatabase } from '../../local/seed';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { readFileSync } from 'node:fs';

let emulator: TestEmulator;
let host: RunningFunctionsHost;

// The body is whatever the deployed bundle answers; the assertions below check its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function articles(event: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(`${host.url}/functions/articles`, {
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
}, 60_000);

afterAll(async () => {
  await host.close();
  await emulator.close();
  delete process.env.TCB_SERVICE_URL;
});

describe('articles bundle through the host', () => {
  it('is a self-contained package: no dependencies to install', () => {
    const pkg = JSON.parse(readFileSync(path.join(FUNCTIONS_DIST_DIR, 'articles', 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'articles', main: 'index.js', dependencies: {} });
    const bundle = readFileSync(path.join(FUNCTIONS_DIST_DIR, 'articles', 'index.js'), 'utf8');
    expect(bundle).not.toMatch(/require\("@cloudbase\//);
    for (const name of Object.keys(UNUSED_SDK_MODULES))
      expect(bundle).toContain(`${name} is left out of this function bundle`);
  });

  it('lists, reads and pages the seeded report with the bundled SDK', async () => {
    const list = await articles({ action: 'list' }, { 'x-wx-openid': 'o-reader' });
    expect(list.status).toBe(200);
    expect(list.json.ok).toBe(true);
    expect(list.json.data.items.map((item: { id: string }) => item.id)).toEqual([
      'report-20241126-xinyang-renda-training',
    ]);
    expect(list.json.data.nextCursor).toBeNull();

    const got = await articles({ action: 'get', id: list.json.data.items[0].id });
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
    expect((await articles({ action: 'nope' })).json).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect((await articles({ action: 'get', id: 'missing' })).json).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
