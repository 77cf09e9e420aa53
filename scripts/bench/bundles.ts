/**
 * Each bundled function against the unbundled SDK it replaces, side by side:
 *   size       dist/functions/<name>/index.js  vs  @cloudbase/node-sdk + every transitive dependency as
 *              installed (the source map beside the bundle, read only when an error is logged, is shown apart)
 *   cold load  require() of the function's index.js in a fresh `node` process  vs  require('@cloudbase/node-sdk')
 * Targets: bundle ≤ 1/40 of the baseline's installed size; cold load ≤ 0.3 × the baseline's.
 * Every function under cloudfunctions/ is measured (a new one is picked up by itself).
 * The runs alternate between the baseline and the bundles, so a busy machine slows both alike.
 * Offline: the baseline's size is summed from the dependency tree already in node_modules.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildFunctions, FUNCTIONS_DIST_DIR, PROJECT_ROOT } from '../build-functions';

const RUNS = 9;
const SIZE_TARGET_RATIO = 1 / 40;
const LOAD_TARGET_RATIO = 0.3;
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
function installedSize(name: string, fromDir: string = PROJECT_ROOT): { bytes: number; packages: number } {
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

/** Milliseconds a fresh Node process spends in require(target). */
function loadOnce(target: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  return Number(execFileSync(process.execPath, ['-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8' }));
}

/** Median cold load of each target over RUNS rounds, the targets taking turns within a round (after one warm-up). */
export function coldLoads(targets: string[]): number[] {
  const times = targets.map(() => [] as number[]);
  for (let round = 0; round <= RUNS; round++) {
    targets.forEach((target, index) => {
      const time = loadOnce(target);
      if (round > 0) times[index].push(time);
    });
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const verdict = (passed: boolean): string => (passed ? 'PASS' : 'FAIL');
const fileSize = (file: string): number => (existsSync(file) ? statSync(file).size : 0);

/** Prints the table; false when a function misses a target. */
export async function benchBundles(): Promise<boolean> {
  await buildFunctions();
  const names = readdirSync(FUNCTIONS_DIST_DIR).filter((name) =>
    existsSync(path.join(FUNCTIONS_DIST_DIR, name, 'index.js')),
  );

  const baseline = installedSize(SDK);
  const [baselineLoad, ...loads] = coldLoads([
    SDK,
    ...names.map((name) => path.join(FUNCTIONS_DIST_DIR, name, 'index.js')),
  ]);
  const sizeTarget = baseline.bytes * SIZE_TARGET_RATIO;
  const loadTarget = baselineLoad * LOAD_TARGET_RATIO;

  console.log(
    `\nbaseline: require('${SDK}') unbundled — ${baseline.packages} packages, ${kb(baseline.bytes)} installed, cold load ${ms(baselineLoad)} (median of ${RUNS})`,
  );
  console.log(
    `targets:  bundle ≤ 1/40 of installed = ${kb(sizeTarget)};  cold load ≤ 0.3 × baseline = ${ms(loadTarget)}\n`,
  );

  const rows = [['function', 'bundle', 'map', 'target', 'size', 'cold load', 'target', 'load', 'vs baseline']];
  let passed = true;
  names.forEach((name, index) => {
    const dir = path.join(FUNCTIONS_DIST_DIR, name);
    const size = fileSize(path.join(dir, 'index.js'));
    const load = loads[index];
    const sizeOk = size <= sizeTarget;
    const loadOk = load <= loadTarget;
    passed &&= sizeOk && loadOk;
    rows.push([
      name,
      kb(size),
      kb(fileSize(path.join(dir, 'index.js.map'))),
      `≤ ${kb(sizeTarget)}`,
      verdict(sizeOk),
      ms(load),
      `≤ ${ms(loadTarget)}`,
      verdict(loadOk),
      `1/${(baseline.bytes / size).toFixed(0)} size, ${(load / baselineLoad).toFixed(2)}× load`,
    ]);
  });
  rows.push([`(baseline ${SDK})`, kb(baseline.bytes), '', '', '', ms(baselineLoad), '', '', '']);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
  console.log(
    `\nbundle contents: dist/meta/<name>.json (esbuild metafile; \`npx esbuild --analyze\` or esbuild.github.io/analyze)`,
  );
  return passed;
}
