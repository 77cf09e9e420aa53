// Robustness of the functions host: names it cannot decode, a bundle rebuilt while it serves, and a
// shell environment that must not lend a console call an identity.
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFunctionsHost, type RunningFunctionsHost } from '../../local/functions-host/index';
import { publishBundle, stagingDirOf } from '../../scripts/publish-bundle';

let functionsDir: string;
let host: RunningFunctionsHost;

interface HostAnswer {
  hostError?: { status: number };
  data?: { caller: unknown };
}

async function call(name: string, body = '{"action":"whoami"}'): Promise<{ status: number; json: HostAnswer }> {
  const response = await fetch(`${host.url}/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, json: (await response.json()) as HostAnswer };
}

beforeAll(async () => {
  functionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-host-robust-'));
  await build({
    entryPoints: [path.join(__dirname, '..', 'unit', 'host', 'fixtures', 'whoami.ts')],
    outfile: path.join(functionsDir, 'whoami', 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    logLevel: 'error',
  });
  host = await startFunctionsHost({ port: 0, functionsDir, serviceUrl: 'http://127.0.0.1:9/' });
});

afterAll(async () => {
  await host.close();
  fs.rmSync(functionsDir, { recursive: true, force: true });
  delete process.env.TCB_SERVICE_URL;
});

test('a name it cannot decode (/functions/%ZZ) answers 404, and the host keeps serving', async () => {
  for (const name of ['%ZZ', '%E4%B8', 'who%ami']) {
    const { status, json } = await call(name);
    expect(status).toBe(404);
    expect(json.hostError?.status).toBe(404);
  }
  expect((await call('whoami')).status).toBe(200);
});

test('a console call never takes WX_OPENID (or its key list) from the shell environment', async () => {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
  process.env.WX_OPENID = 'shell-user';
  process.env.WX_APPID = 'wx-shell';
  process.env.TCB_SOURCE = 'wx_client';
  try {
    const { json } = await call('whoami');
    expect(json.data?.caller).toEqual({ openid: null, appid: null, source: null });
  } finally {
    for (const key of ['WX_CONTEXT_KEYS', 'WX_OPENID', 'WX_APPID', 'TCB_SOURCE']) delete process.env[key];
  }
});

test('a bundle republished while the host serves is never missing (no 404 during the swap)', async () => {
  const outDir = path.join(functionsDir, 'swap');
  const write = (dir: string, version: number) => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.js'), `exports.main = async () => (${version});\n`);
    fs.writeFileSync(path.join(dir, 'package.json'), '{"main":"index.js"}\n');
  };
  write(outDir, 0);
  let publishing = true;
  const publisher = (async () => {
    // A few ms apart, like real rebuilds (the loader tells versions apart by inode and mtime).
    for (let version = 1; version <= 40; version++) {
      write(stagingDirOf(outDir), version);
      publishBundle(stagingDirOf(outDir), outDir);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    publishing = false;
  })();
  const statuses = new Set<number>();
  while (publishing) statuses.add((await call('swap', '{}')).status);
  await publisher;
  expect([...statuses]).toEqual([200]);
  expect((await call('swap', '{}')).json).toBe(40);
  expect(fs.existsSync(stagingDirOf(outDir))).toBe(false);
});
