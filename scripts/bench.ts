/**
 * `npm run bench`: each bundled function against the unbundled SDK it replaces, side by side.
 *   size       dist/functions/<name>/index.js  vs  @cloudbase/node-sdk + every transitive dependency as installed
 *   cold load  require() of the bundle in a fresh `node` process  vs  require('@cloudbase/node-sdk') the same way
 * Targets: bundle ≤ 1/20 of the baseline's installed size; cold load ≤ 0.6 × the baseline's.
 * Offline: the baseline's size is summed from the dependency tree already in node_modules.
 * Exits 1 when a target is missed, so CI can run it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildFunctions, FUNCTIONS_DIST_DIR, PROJECT_ROOT } from './build-functions';
import { benchReflections } from './bench/reflections';

const RUNS = 9;
const SIZE_TARGET_RATIO = 1 / 20;
const LOAD_TARGET_RATIO = 0.6;
const SDK = '@cloudbase/node-sdk';

interface PackageJson {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Node's lookup: the nearest node_modules/<name> walking up from `fromDir`. */
function resolvePackageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/** Bytes of a package's own files (its nested node_modules are counted as packages of their own). */
function ownSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') total += ownSize(full);
    } else if (entry.isFile()) {
      total += statSync(full).size;
    }
  }
  return total;
}

/** The installed size of a package and its whole dependency tree, each package counted once. */
export function installedSize(name: string, fromDir: string = PROJECT_ROOT): { bytes: number; packages: number } {
  const seen = new Map<string, number>();
  const visit = (dir: string): void => {
    if (seen.has(dir)) return;
    seen.set(dir, ownSize(dir));
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
    for (const dependency of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      const found = resolvePackageDir(dependency, dir);
      if (found) visit(found);
    }
  };
  const root = resolvePackageDir(name, fromDir);
  if (!root) throw new Error(`${name} is not installed under ${fromDir}`);
  visit(root);
  return { bytes: [...seen.values()].reduce((sum, size) => sum + size, 0), packages: seen.size };
}

/** Milliseconds a fresh Node process spends in require(target): median of RUNS, after one warm-up of the disk cache. */
export function coldLoadMs(target: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const run = (): number =>
    Number(execFileSync(process.execPath, ['-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8' }));
  run();
  const times = Array.from({ length: RUNS }, run).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const verdict = (passed: boolean): string => (passed ? 'PASS' : 'FAIL');

async function main(): Promise<void> {
  await buildFunctions();
  const names = readdirSync(FUNCTIONS_DIST_DIR).filter((name) =>
    existsSync(path.join(FUNCTIONS_DIST_DIR, name, 'index.js')),
  );

  const baseline = installedSize(SDK);
  const baselineLoad = coldLoadMs(SDK);
  const sizeTarget = baseline.bytes * SIZE_TARGET_RATIO;
  const loadTarget = baselineLoad * LOAD_TARGET_RATIO;

  console.log(
    `\nbaseline: require('${SDK}') unbundled — ${baseline.packages} packages, ${kb(baseline.bytes)} installed, cold load ${ms(baselineLoad)} (median of ${RUNS})`,
  );
  console.log(
    `targets:  bundle ≤ 1/20 of installed = ${kb(sizeTarget)};  cold load ≤ 0.6 × baseline = ${ms(loadTarget)}\n`,
  );

  const rows = [['function', 'bundle', 'target', 'size', 'cold load', 'target', 'load', 'vs baseline']];
  let failed = false;
  for (const name of names) {
    const file = path.join(FUNCTIONS_DIST_DIR, name, 'index.js');
    const size = statSync(file).size;
    const load = coldLoadMs(file);
    const sizeOk = size <= sizeTarget;
    const loadOk = load <= loadTarget;
    failed ||= !sizeOk || !loadOk;
    rows.push([
      name,
      kb(size),
      `≤ ${kb(sizeTarget)}`,
      verdict(sizeOk),
      ms(load),
      `≤ ${ms(loadTarget)}`,
      verdict(loadOk),
      `${((size / baseline.bytes) * 100).toFixed(1)}% size, ${(load / baselineLoad).toFixed(2)}× load`,
    ]);
  }
  rows.push([`(baseline ${SDK})`, kb(baseline.bytes), '', '', ms(baselineLoad), '', '', '']);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
  console.log(
    `\nbundle contents: dist/meta/<name>.json (esbuild metafile; \`npx esbuild --analyze\` or esbuild.github.io/analyze)`,
  );
  if (!(await (await import('./bench/articles')).benchArticles())) failed = true;
  if (!(await (await import('./bench/indexes')).bench())) failed = true;
  if (!(await benchReflections({ coldLoadMs }))) failed = true;
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
