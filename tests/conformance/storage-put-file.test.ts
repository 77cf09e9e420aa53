// scripts/put-file.ts, run as an organiser runs it: the printed fileID opens through a running
// emulator on the same data folder; bad input is refused in Chinese and writes nothing.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createLocalCloudApp } from '../../local/emulator/client';
import { startEmulator, type RunningEmulator } from '../../local/emulator/index';

const run = promisify(execFile);
const projectRoot = path.resolve(__dirname, '../..');
let dataDir: string;
let emulator: RunningEmulator;
let source: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-put-file-'));
  emulator = await startEmulator({ dataDir, port: 0 });
  source = path.join(dataDir, '讲稿.pdf');
  fs.writeFileSync(source, '%PDF-1.4 讲稿');
});

afterAll(async () => {
  await emulator.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function putFile(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/put-file.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function storedFiles(): string[] {
  return fs.readdirSync(path.join(dataDir, 'storage'), { recursive: true }).map(String).sort();
}

it('prints the fileID, which a running emulator then serves', async () => {
  const { code, stdout } = await putFile(source, 'slides/第一讲.pdf');
  expect(code).toBe(0);
  expect(stdout).toBe('cloud://local.6c6f-local/slides/第一讲.pdf\n');
  const { fileList } = await createLocalCloudApp(emulator.url).getTempFileURL({ fileList: [stdout.trim()] });
  expect(fileList[0]!.code).toBe('SUCCESS');
  const response = await fetch(encodeURI(fileList[0]!.tempFileURL));
  expect(await response.text()).toBe('%PDF-1.4 讲稿');
}, 20_000);

it.each([
  ['no arguments', [], 2, '用法'],
  ['a missing local file', ['/no/such/file.pdf', 'x.pdf'], 1, '找不到本地文件'],
  ['a folder as the local file', [os.tmpdir(), 'x.pdf'], 1, '找不到本地文件'],
  ['a path leaving the storage', ['SOURCE', '../x.pdf'], 1, '不能包含 . 或 .. 段'],
  ['an absolute path', ['SOURCE', '/etc/x.pdf'], 1, '不能以 / 开头'],
])(
  'refuses %s and writes nothing',
  async (_name, args, exitCode, message) => {
    const before = storedFiles();
    const { code, stdout, stderr } = await putFile(...args.map((arg) => (arg === 'SOURCE' ? source : arg)));
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(storedFiles()).toEqual(before);
    expect(fs.existsSync(path.join(dataDir, 'x.pdf'))).toBe(false);
  },
  20_000,
);
