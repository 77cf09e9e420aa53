/**
 * `npm run check:wxml`: compiles every .wxml of the mini-program with WeChat's own `wcc` binary
 * (from miniprogram-compiler) and fails with file:line:col on a syntax error.
 * One wcc run per file: a broken file cannot hide the others, and each error names its file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '..', 'miniprogram');
const SKIPPED_DIRS = new Set(['miniprogram_npm', 'node_modules']);

export interface WxmlProblem {
  /** Path relative to the mini-program root, e.g. pages/home/index.wxml. */
  file: string;
  line: number | null;
  column: number | null;
  message: string;
}

export function wccBinary(): string {
  const compilerDir = path.dirname(require.resolve('miniprogram-compiler/package.json'));
  const platformDir = process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'windows' : 'linux';
  const binary = path.join(compilerDir, 'bin', platformDir, process.platform === 'win32' ? 'wcc.exe' : 'wcc');
  if (process.platform !== 'win32') fs.chmodSync(binary, 0o755);
  return binary;
}

export function findWxmlFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path.join(dir, entry.name));
      } else if (entry.name.endsWith('.wxml')) {
        found.push(path.relative(root, path.join(dir, entry.name)).split(path.sep).join('/'));
      }
    }
  };
  walk(root);
  return found.sort();
}

export function checkWxmlFile(root: string, file: string, binary: string = wccBinary()): WxmlProblem | null {
  const run = spawnSync(binary, ['-d', file], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status === 0) return null;
  const output = `${run.stderr}\n${run.stdout.startsWith('/*') ? '' : run.stdout}`.trim();
  const located = /^(.+?\.wxml):(\d+):(\d+):\s*(.*)$/m.exec(output);
  if (located) {
    return { file, line: Number(located[2]), column: Number(located[3]), message: located[4] ?? '' };
  }
  return { file, line: null, column: null, message: output || `wcc exited with ${String(run.status)}` };
}

export function checkWxml(root: string = MINIPROGRAM_ROOT): { files: string[]; problems: WxmlProblem[] } {
  const binary = wccBinary();
  const files = findWxmlFiles(root);
  const problems = files.flatMap((file) => checkWxmlFile(root, file, binary) ?? []);
  return { files, problems };
}

export function formatWxmlProblem(root: string, problem: WxmlProblem): string {
  const where = path.relative(process.cwd(), path.join(root, problem.file));
  const position = problem.line === null ? '' : `:${problem.line}:${problem.column ?? 0}`;
  return `${where}${position}: ${problem.message}`;
}

if (require.main === module) {
  const { files, problems } = checkWxml();
  for (const problem of problems) console.error(formatWxmlProblem(MINIPROGRAM_ROOT, problem));
  if (problems.length > 0) {
    console.error(`check:wxml: ${problems.length} of ${files.length} WXML file(s) failed to compile`);
    process.exit(1);
  }
  console.log(`check:wxml: ${files.length} WXML file(s) compile`);
}
