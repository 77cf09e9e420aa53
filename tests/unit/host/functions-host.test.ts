// The functions host over real HTTP on 127.0.0.1, running a bundle built the way scripts/build-functions.ts builds.
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_EVENT_BYTES, startFunctionsHost, type RunningFunctionsHost } from '../../../local/functions-host/index';

let functionsDir: string;
let host: RunningFunctionsHost;

async function call(
  name: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${host.url}/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, json: await response.json() };
}

beforeAll(async () => {
  functionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-host-'));
  await build({
    entryPoints: [path.join(__dirname, 'fixtures', 'whoami.ts')],
    outfile: path.join(functionsDir, 'whoami', 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    logLevel: 'error',
  });
  // A function that breaks the rules: lets an exception out.
  fs.mkdirSync(path.join(functionsDir, 'thrower'));
  fs.writeFileSync(
    path.join(functionsDir, 'thrower', 'index.js'),
    "exports.main = async () => { throw new Error('secret detail'); };\n",
  );
  // Returns a bare value, not an envelope: the host passes any result through.
  fs.mkdirSync(path.join(functionsDir, 'plain'));
  fs.writeFileSync(path.join(functionsDir, 'plain', 'index.js'), 'exports.main = async (event) => event.n * 2;\n');
  host = await startFunctionsHost({ port: 0, functionsDir, serviceUrl: 'http://127.0.0.1:9/' });
});

afterAll(async () => {
  await host.close();
  fs.rmSync(functionsDir, { recursive: true, force: true });
  delete process.env.TCB_SERVICE_URL;
});

describe('functions host', () => {
  it('listens on 127.0.0.1 and points the functions at the emulator', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    expect(process.env.TCB_SERVICE_URL).toBe('http://127.0.0.1:9/');
  });

  it('passes x-wx-openid through the platform context: the function sees the OPENID', async () => {
    const { status, json } = await call('whoami', JSON.stringify({ action: 'whoami', echo: { a: [1, '二'] } }), {
      'x-wx-openid': 'o-trainee-1',
    });
    expect(status).toBe(200);
    expect(json).toEqual({
      ok: true,
      data: { caller: { openid: 'o-trainee-1', appid: 'wx-local-appid', source: 'wx_client' }, echo: { a: [1, '二'] } },
    });
  });

  it('honours x-wx-source and x-wx-appid', async () => {
    const { json } = await call('whoami', '{"action":"whoami"}', {
      'x-wx-openid': 'o-2',
      'x-wx-source': 'wx_client,scf',
      'x-wx-appid': 'wx123',
    });
    expect(json).toMatchObject({ data: { caller: { openid: 'o-2', appid: 'wx123', source: 'wx_client,scf' } } });
  });

  it('without x-wx-openid the call is a console call: no OPENID', async () => {
    const { json } = await call('whoami', '{"action":"whoami"}');
    expect(json).toMatchObject({ ok: true, data: { caller: { openid: null, appid: null, source: null } } });
  });

  it('a forged identity in the event is ignored', async () => {
    const { json } = await call(
      'whoami',
      JSON.stringify({ action: 'whoami', userInfo: { openId: 'forged' }, WX_OPENID: 'forged' }),
    );
    expect(json).toMatchObject({ data: { caller: { openid: null } } });
  });

  it('rejects header values that could smuggle context entries (400)', async () => {
    const { status } = await call('whoami', '{"action":"whoami"}', { 'x-wx-openid': 'a;WX_OPENID=b' });
    expect(status).toBe(400);
  });

  it('400 for a body that is not JSON', async () => {
    const { status, json } = await call('whoami', '{"action":');
    expect(status).toBe(400);
    expect(json).toEqual({ hostError: { status: 400, message: '请求体不是合法的 JSON' } });
  });

  it('an empty body is an empty event', async () => {
    const { status, json } = await call('whoami', '');
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '缺少参数 action' } });
  });

  it('404 for a function that is not built, and for names that try to leave the folder', async () => {
    expect((await call('nope', '{}')).status).toBe(404);
    expect((await call('..%2F..%2Fetc', '{}')).status).toBe(404);
  });

  it('405 for other methods', async () => {
    const response = await fetch(`${host.url}/functions/whoami`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('413 for a body over 1 MB, and still serves the next call', async () => {
    const big = JSON.stringify({ action: 'whoami', echo: 'x'.repeat(MAX_EVENT_BYTES) });
    const { status } = await call('whoami', big);
    expect(status).toBe(413);
    const justUnder = JSON.stringify({ action: 'whoami', echo: 'x'.repeat(MAX_EVENT_BYTES - 100) });
    expect((await call('whoami', justUnder)).status).toBe(200);
  });

  it('returns any function result as JSON with 200', async () => {
    expect(await call('plain', '{"n":21}')).toEqual({ status: 200, json: 42 });
  });

  it('500 without the stack when a function lets an exception out', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { status, json } = await call('thrower', '{}');
      expect(status).toBe(500);
      expect(JSON.stringify(json)).not.toContain('secret detail');
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('serves a listing of the built functions on other paths when no preview is mounted', async () => {
    const response = await fetch(`${host.url}/`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('/functions/whoami');
    expect(text).toContain('/functions/plain');
  });
});

describe('functions host with an extra handler', () => {
  it('hands non-/functions paths to it and keeps /functions for itself', async () => {
    const mounted = await startFunctionsHost({
      port: 0,
      functionsDir,
      serviceUrl: 'http://127.0.0.1:9/',
      extraHandler: (req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`preview:${req.url}`);
      },
    });
    try {
      expect(await (await fetch(`${mounted.url}/pages/home`)).text()).toBe('preview:/pages/home');
      expect((await fetch(`${mounted.url}/functions/plain`, { method: 'POST', body: '{"n":1}' })).status).toBe(200);
    } finally {
      await mounted.close();
    }
  });
});
