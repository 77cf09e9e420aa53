// A bundle built as functions are deployed (scripts/build-functions.ts: index.js + index.js.map) logs an
// INTERNAL whose stack names the TypeScript file and line, with no Node flag: the platform has none to give.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { bundleFunction } from '../../../scripts/build-functions';

const run = promisify(execFile);
const FIXTURE = path.join(__dirname, 'fixtures', 'failing-function.ts');
let outDir: string;

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-source-maps-'));
});

afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
});

it('an INTERNAL logged by defineFunction names the .ts file and line of the throw', async () => {
  await bundleFunction(FIXTURE, outDir);
  const throwLine =
    fs
      .readFileSync(FIXTURE, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes('throw new Error')) + 1;

  // A plain `node`, as the platform runs it: require index.js, call main, let defineFunction log.
  const script = `require(${JSON.stringify(path.join(outDir, 'index.js'))}).main({ action: 'fail' }, {}).then((answer) => console.log(JSON.stringify(answer)));`;
  const { stdout, stderr } = await run(process.execPath, ['-e', script], { env: { PATH: process.env.PATH } });

  expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  expect(stderr).toContain('Error: the setting is broken');
  expect(stderr).toMatch(new RegExp(`at \\S+ \\(tests/unit/house/fixtures/failing-function\\.ts:${throwLine}:\\d+\\)`));
  expect(stderr).toMatch(/core\/runtime\/define-function\.ts:\d+:\d+/);
});
